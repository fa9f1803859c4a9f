package org.modelregistry.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modelregistry.adapter.persistence.Database;
import org.modelregistry.adapter.storage.checkpoint.BoundedCheckpointReader;
import org.modelregistry.adapter.storage.fetch.FetchSettings;
import org.modelregistry.adapter.storage.fetch.HttpSourceFetcher;
import org.modelregistry.adapter.storage.local.LocalArtifactStore;
import org.modelregistry.application.Registry;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.identity.IdentityType;
import org.modelregistry.domain.model.Model;
import org.modelregistry.domain.model.ModelDefinition;
import org.modelregistry.domain.naming.ResourceName;
import org.modelregistry.domain.template.BundleConfig;
import org.modelregistry.domain.template.EndpointType;
import org.modelregistry.domain.template.ModelType;
import org.modelregistry.domain.template.ParameterField;
import org.modelregistry.domain.template.ParameterSchema;
import org.modelregistry.domain.template.ParameterType;
import org.modelregistry.domain.template.Template;
import org.modelregistry.domain.template.TemplateDefinition;
import org.modelregistry.domain.template.VendorConfiguration;
import org.modelregistry.ports.in.CreateModelCommand;
import org.modelregistry.ports.in.CreateTemplateCommand;
import org.modelregistry.ports.in.ModelQuery;
import org.modelregistry.ports.in.RegistryUseCases;
import org.modelregistry.ports.in.TemplateQuery;
import org.modelregistry.ports.out.memory.InMemoryArtifactStore;
import org.modelregistry.ports.out.memory.InMemoryRepositories;
import org.modelregistry.ports.out.memory.ScriptedSourceFetcher;
import org.modelregistry.ports.paging.PageRequest;

/**
 * The registry embedded in a JVM application, without HTTP: the example the README shows, once on
 * SQLite and the local file store, once on the in-memory adapters.
 */
class EmbeddedRegistryTest {

  /** The embedding application calls as one trusted user, a member of every account. */
  private static final Caller CALLER =
      Caller.trusted(new Actor("embedding-app", IdentityType.SERVICE_ACCOUNT), false);

  @Test
  void givenSqliteAndLocalStore_createTemplateAndModel_readsThemBack(@TempDir Path dataDir) {
    try (Database database = Database.open("jdbc:sqlite:" + dataDir.resolve("registry.db"));
        HttpSourceFetcher fetcher = new HttpSourceFetcher(FetchSettings.defaults());
        Registry registry =
            Registry.builder()
                .repositories(database.repositories())
                .artifactStore(new LocalArtifactStore(dataDir.resolve("artifacts")))
                .sourceFetcher(fetcher)
                .checkpointReader(new BoundedCheckpointReader())
                .build()) {
      registry.start();
      createTemplateAndModel_readThemBack(registry.useCases());
    }
  }

  @Test
  void givenInMemoryAdapters_createTemplateAndModel_readsThemBack() {
    try (Registry registry =
        Registry.builder()
            .repositories(InMemoryRepositories.create())
            .artifactStore(new InMemoryArtifactStore())
            .sourceFetcher(new ScriptedSourceFetcher())
            .build()) {
      registry.start();
      createTemplateAndModel_readThemBack(registry.useCases());
    }
  }

  private static void createTemplateAndModel_readThemBack(RegistryUseCases useCases) {
    var weightsUri = new ParameterField("weights_uri", ParameterType.STR, "the weights", true);
    Template template =
        useCases
            .createTemplate()
            .createTemplate(
                new CreateTemplateCommand(
                    CALLER,
                    new TemplateDefinition(
                        "acct-1",
                        new ResourceName("llama-server"),
                        EndpointType.SYNC,
                        ModelType.COMPLETION,
                        VendorConfiguration.launch(BundleConfig.of("registry.example", "llm", "1")),
                        new ParameterSchema(List.of(weightsUri)),
                        null,
                        null)));

    Model model =
        useCases
            .createModel()
            .createModel(
                new CreateModelCommand(
                    CALLER,
                    new ModelDefinition(
                        "acct-1",
                        new ResourceName("my-llm"),
                        "My LLM",
                        null,
                        null,
                        ModelType.COMPLETION,
                        null,
                        null,
                        Map.of("weights_uri", "s3://bucket/weights"),
                        null,
                        null,
                        template.id(),
                        null)));

    Template readTemplate = useCases.getTemplate().getTemplate(CALLER, template.id());
    Model readModel = useCases.getModel().getModel(CALLER, model.id());
    var templates =
        useCases
            .listTemplates()
            .listTemplates(new TemplateQuery(CALLER, Optional.of("acct-1"), PageRequest.first(10)));
    var models =
        useCases
            .listModels()
            .listModels(
                new ModelQuery(
                    CALLER,
                    Optional.of("acct-1"),
                    Optional.empty(),
                    Optional.empty(),
                    List.of(),
                    PageRequest.first(10)));

    assertThat(readTemplate.definition().name().value()).isEqualTo("llama-server");
    assertThat(readModel.definition().modelTemplateId()).isEqualTo(template.id());
    assertThat(readModel.definition().creationParametersOrEmpty())
        .containsEntry("weights_uri", "s3://bucket/weights");
    assertThat(templates.items()).extracting(Template::id).containsExactly(template.id());
    assertThat(models.items()).extracting(Model::id).containsExactly(model.id());
  }
}
