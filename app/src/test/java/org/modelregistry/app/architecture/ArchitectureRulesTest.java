package org.modelregistry.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The dependency rules of the rings, checked on every build. */
// Sibling modules reach this test as jars (in a reactor build) or folders (in an IDE): import
// both, but never test code, so deliberately bad fixtures stay out.
@AnalyzeClasses(
    packages = "org.modelregistry",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureRulesTest {

  static final String DOMAIN = "org.modelregistry.domain..";
  static final String PORTS = "org.modelregistry.ports..";
  static final String APPLICATION = "org.modelregistry.application..";
  static final String HTTP = "org.modelregistry.adapter.http..";
  static final String PERSISTENCE = "org.modelregistry.adapter.persistence..";
  static final String STORAGE = "org.modelregistry.adapter.storage..";
  static final String APP = "org.modelregistry.app..";
  static final String IN_MEMORY = "org.modelregistry.ports.out.memory..";

  static final String[] FRAMEWORKS = {
    "io.javalin..",
    "org.jooq..",
    "tools.jackson..",
    "com.fasterxml.jackson..",
    "io.minio..",
    "org.eclipse.jetty..",
    "com.networknt..",
    "org.flywaydb..",
    "org.sqlite..",
    "io.micrometer..",
    "io.prometheus..",
    "com.zaxxer.hikari.."
  };

  @ArchTest
  static final ArchRule domainDependsOnlyOnTheJdk =
      classes()
          .that()
          .resideInAPackage(DOMAIN)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(DOMAIN, "java..");

  @ArchTest
  static final ArchRule portsDependOnlyOnTheDomain =
      classes()
          .that()
          .resideInAnyPackage(PORTS, APPLICATION)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(PORTS, APPLICATION, DOMAIN, "java..");

  @ArchTest
  static final ArchRule noFrameworkTypesInDomainOrPorts =
      noClasses()
          .that()
          .resideInAnyPackage(DOMAIN, PORTS, APPLICATION)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(FRAMEWORKS);

  @ArchTest
  static final ArchRule httpAdapterDependsOnNoOtherAdapter =
      noClasses()
          .that()
          .resideInAPackage(HTTP)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(PERSISTENCE, STORAGE);

  @ArchTest
  static final ArchRule persistenceAdapterDependsOnNoOtherAdapter =
      noClasses()
          .that()
          .resideInAPackage(PERSISTENCE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(HTTP, STORAGE);

  /** The storage adapter has no classes until artifact storage lands; the rule waits for them. */
  @ArchTest
  static final ArchRule storageAdapterDependsOnNoOtherAdapter =
      noClasses()
          .that()
          .resideInAPackage(STORAGE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(HTTP, PERSISTENCE)
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule adaptersUseServicesOnlyThroughPorts =
      noClasses()
          .that()
          .resideInAnyPackage(HTTP, PERSISTENCE, STORAGE)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(APPLICATION);

  /** The in-memory adapters are for tests and embedding; services see only the ports. */
  @ArchTest
  static final ArchRule servicesDoNotDependOnInMemoryAdapters =
      noClasses()
          .that()
          .resideInAPackage(APPLICATION)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(IN_MEMORY);

  /** The server never runs on the in-memory adapters, which forget everything on a stop. */
  @ArchTest
  static final ArchRule serverDoesNotUseInMemoryAdapters =
      noClasses()
          .that()
          .resideInAnyPackage(HTTP, PERSISTENCE, STORAGE, APP)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(IN_MEMORY);

  @ArchTest
  static final ArchRule nothingDependsOnTheApp =
      noClasses()
          .that()
          .resideOutsideOfPackage(APP)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(APP);

  @ArchTest
  static final ArchRule javalinOnlyInTheHttpAdapter =
      noClasses()
          .that()
          .resideOutsideOfPackage(HTTP)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.javalin..");

  @ArchTest
  static final ArchRule schemaValidatorOnlyInTheHttpAdapter =
      noClasses()
          .that()
          .resideOutsideOfPackage(HTTP)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.networknt..");

  @ArchTest
  static final ArchRule jooqOnlyInThePersistenceAdapter =
      noClasses()
          .that()
          .resideOutsideOfPackage(PERSISTENCE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.jooq..", "org.flywaydb..");

  @ArchTest
  static final ArchRule minioOnlyInTheStorageAdapter =
      noClasses()
          .that()
          .resideOutsideOfPackage(STORAGE)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.minio..");

  @ArchTest
  static final ArchRule metricsOnlyInTheHttpAdapterAndTheApp =
      noClasses()
          .that()
          .resideOutsideOfPackages(HTTP, APP)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.micrometer..", "io.prometheus..");

  @ArchTest
  static final ArchRule jacksonOnlyInAdapters =
      noClasses()
          .that()
          .resideInAnyPackage(DOMAIN, PORTS, APPLICATION, APP)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("tools.jackson..", "com.fasterxml.jackson..");

  @ArchTest
  static final ArchRule ringsAreFreeOfCycles =
      slices().matching("org.modelregistry.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule useCasesAreNamedUseCase =
      classes()
          .that()
          .resideInAPackage("org.modelregistry.ports.in..")
          .and()
          .areInterfaces()
          // A package's documentation compiles to an interface named package-info.
          .and()
          .doNotHaveSimpleName("package-info")
          .should()
          .haveSimpleNameEndingWith("UseCase");

  @ArchTest
  static final ArchRule servicesImplementUseCases =
      classes()
          .that()
          .resideInAPackage(APPLICATION)
          .and()
          .haveSimpleNameEndingWith("Service")
          .should()
          .implement(
              com.tngtech.archunit.base.DescribedPredicate.describe(
                  "a use case",
                  (com.tngtech.archunit.core.domain.JavaClass c) ->
                      c.getSimpleName().endsWith("UseCase")));

  /** Only the command-line entry point talks to the console (for --help); all else logs. */
  @ArchTest
  static final ArchRule noStandardStreams =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName("org.modelregistry.app.Main")
          .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS);

  @ArchTest
  static final ArchRule noGenericExceptions =
      GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

  @ArchTest
  static final ArchRule noJavaUtilLogging =
      GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
}
