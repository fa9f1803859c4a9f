package org.modelregistry.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.domain.registration.TestRegistrations.signedUrl;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.identity.IdentityType;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.naming.ResourceName;
import org.modelregistry.domain.registration.ImportState;
import org.modelregistry.domain.registration.RegisteredModel;
import org.modelregistry.domain.registration.TestRegistrations;
import org.modelregistry.domain.registration.VersionName;
import org.modelregistry.domain.workspace.EntityName;
import org.modelregistry.domain.workspace.FilesetPurpose;
import org.modelregistry.domain.workspace.FilesetStorage;
import org.modelregistry.domain.workspace.WorkspaceName;
import org.modelregistry.ports.in.registration.GetRegisteredModelUseCase;
import org.modelregistry.ports.in.registration.ModelVersionRef;
import org.modelregistry.ports.in.workspace.NewFileset;
import org.modelregistry.ports.out.ExternalSourceException;
import org.modelregistry.ports.out.memory.InMemoryArtifactStore;
import org.modelregistry.ports.out.memory.InMemoryRepositories;
import org.modelregistry.ports.out.memory.ScriptedSourceFetcher;

class RegistryTest {

  private static final Caller ALICE =
      Caller.trusted(new Actor(TestRegistrations.OWNER, IdentityType.USER), false);

  private final ScriptedSourceFetcher fetcher = new ScriptedSourceFetcher();
  private final InMemoryArtifactStore store = new InMemoryArtifactStore();

  private Registry.Builder inMemory() {
    return Registry.builder()
        .repositories(InMemoryRepositories.create())
        .artifactStore(store)
        .sourceFetcher(fetcher);
  }

  @Test
  void givenInMemoryAdapters_registerAVersion_importsItsFilesIntoTheStore() {
    TestRegistrations.FILES.forEach(
        f -> fetcher.serve(signedUrl(f), f.getBytes(StandardCharsets.UTF_8)));
    try (Registry registry = inMemory().build()) {
      registry.start();
      var registration = registry.useCases().registration();

      registration.register().register(ALICE, TestRegistrations.aRegistration());
      RegisteredModel imported =
          registration
              .get()
              .await(
                  ALICE,
                  ModelVersionRef.of(
                      new ResourceName(TestRegistrations.NAME),
                      new VersionName(TestRegistrations.VERSION)),
                  GetRegisteredModelUseCase.MAX_WAIT);

      assertThat(imported.state()).isEqualTo(ImportState.READY);
      assertThat(store.paths()).hasSize(TestRegistrations.FILES.size());
    }
  }

  @Test
  void givenNoSourceFetcher_build_failsNamingIt() {
    var builder =
        Registry.builder()
            .repositories(InMemoryRepositories.create())
            .artifactStore(new InMemoryArtifactStore());

    assertThatThrownBy(builder::build)
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("source fetcher");
  }

  @Test
  void givenNoExternalFiles_createAnS3Fileset_isRefusedBeforeAnyConnection() {
    try (Registry registry = inMemory().build()) {
      var s3 = new FilesetStorage.S3("models", new FilePath("llama/v1"), null, null, null, null);

      assertThatThrownBy(
              () ->
                  registry
                      .useCases()
                      .workspace()
                      .createFileset()
                      .create(
                          ALICE,
                          new NewFileset(
                              new WorkspaceName("team"),
                              new EntityName("weights"),
                              null,
                              null,
                              FilesetPurpose.MODEL,
                              null,
                              null,
                              s3)))
          .isInstanceOf(ExternalSourceException.class);
    }
  }
}
