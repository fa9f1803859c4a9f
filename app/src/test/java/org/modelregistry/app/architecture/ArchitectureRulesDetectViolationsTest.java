package org.modelregistry.app.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.modelregistry.application.archfixture.ServiceUsingInMemoryStore;
import org.modelregistry.domain.archfixture.DomainClassUsingJavalin;

/** Proves the rules are not vacuous: a bad class in the domain or the services makes them fail. */
class ArchitectureRulesDetectViolationsTest {

  private final JavaClasses badDomain =
      new ClassFileImporter().importClasses(DomainClassUsingJavalin.class);

  @Test
  void givenDomainClassUsingJavalin_checkDomainRule_fails() {
    assertThatThrownBy(() -> ArchitectureRulesTest.domainDependsOnlyOnTheJdk.check(badDomain))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("DomainClassUsingJavalin")
        .hasMessageContaining("io.javalin.Javalin");
  }

  @Test
  void givenDomainClassUsingJavalin_checkFrameworkRule_fails() {
    assertThatThrownBy(() -> ArchitectureRulesTest.noFrameworkTypesInDomainOrPorts.check(badDomain))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("io.javalin.Javalin");
  }

  @Test
  void givenServiceUsingAnInMemoryAdapter_checkInMemoryRule_fails() {
    JavaClasses badService = new ClassFileImporter().importClasses(ServiceUsingInMemoryStore.class);

    assertThatThrownBy(
            () -> ArchitectureRulesTest.servicesDoNotDependOnInMemoryAdapters.check(badService))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("InMemoryArtifactStore");
  }
}
