package org.modelregistry.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.domain.template.ParameterType.INT;
import static org.modelregistry.domain.template.ParameterType.STR;
import static org.modelregistry.domain.testdata.TestModels.aModel;
import static org.modelregistry.domain.testdata.TestTemplates.aTemplate;
import static org.modelregistry.domain.testdata.TestViolations.violation;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.error.Violation;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.identity.IdentityType;
import org.modelregistry.domain.model.Model;
import org.modelregistry.domain.model.ModelPatch;
import org.modelregistry.domain.model.ModelSchemas;
import org.modelregistry.domain.naming.ResourceName;
import org.modelregistry.domain.template.ModelType;
import org.modelregistry.domain.template.Template;
import org.modelregistry.ports.in.ModelQuery;
import org.modelregistry.ports.in.UpdateModelCommand;
import org.modelregistry.ports.out.ModelRepository;
import org.modelregistry.ports.out.memory.InMemoryRegistryStore;
import org.modelregistry.ports.paging.Page;

class UpdateModelServiceTest {

  private static final Caller DAN = Caller.trusted(new Actor("dan", IdentityType.USER), false);

  private final InMemoryRegistryStore store = new InMemoryRegistryStore();
  private final CountingTransactionRunner transactions = new CountingTransactionRunner();
  private final UpdateModelService service =
      new UpdateModelService(store.models(), store.templates(), transactions);

  private final Template template =
      aTemplate()
          .withId("t-1")
          .withModelType(ModelType.COMPLETION)
          .withCreationParameter("weights", STR, true)
          .withCreationParameter("shards", INT, false)
          .build();
  private Model model;

  @BeforeEach
  void storeAModelFromATemplate() {
    store.templates().insert(template);
    model =
        aModel()
            .withId("m-1")
            .withName("original")
            .fromTemplate(template)
            .withDisplayName("Original")
            .withCreationParameter("weights", "s3://w")
            .build();
    store.models().insert(model);
  }

  private static ModelPatch displayName(String displayName) {
    return new ModelPatch(
        null, displayName, null, null, null, null, null, null, null, null, null, null);
  }

  private static ModelPatch name(String name) {
    return new ModelPatch(
        new ResourceName(name), null, null, null, null, null, null, null, null, null, null, null);
  }

  private static ModelPatch parameters(Map<String, Object> parameters) {
    return new ModelPatch(
        null, null, null, null, null, null, parameters, null, null, null, null, null);
  }

  private static ModelPatch templateId(String templateId) {
    return new ModelPatch(
        null, null, null, null, null, null, null, null, null, templateId, null, null);
  }

  private Model update(String modelId, ModelPatch patch) {
    return service.updateModel(new UpdateModelCommand(DAN, modelId, patch));
  }

  @Test
  void givenAPatch_updateModel_storesAndReturnsThePatchedModel() {
    var updated = update("m-1", displayName("Renamed"));

    assertThat(updated.definition().displayName()).isEqualTo("Renamed");
    assertThat(updated.definition().name()).isEqualTo(new ResourceName("original"));
    assertThat(updated.id()).isEqualTo("m-1");
    assertThat(updated.createdAt()).isEqualTo(model.createdAt());
    assertThat(updated.createdBy()).isEqualTo(model.createdBy());
    assertThat(store.models().findById("m-1")).contains(updated);
  }

  @Test
  void givenADescription_updateModel_storesIt() {
    var patch =
        new ModelPatch(null, null, null, null, null, null, null, null, null, null, null, "about");

    update("m-1", patch);

    assertThat(store.models().findById("m-1").orElseThrow().definition().description())
        .isEqualTo("about");
  }

  @Test
  void givenParametersThatFitTheStoredTemplate_updateModel_storesThem() {
    var updated = update("m-1", parameters(Map.of("weights", "s3://w2", "shards", 8)));

    assertThat(store.models().findById("m-1").orElseThrow().definition().modelCreationParameters())
        .isEqualTo(Map.of("weights", "s3://w2", "shards", 8));
    assertThat(updated.requestSchema())
        .isEqualTo(ModelSchemas.requestSchema(ModelType.COMPLETION, Optional.of(template)));
  }

  @Test
  void givenAnUnknownModel_updateModel_failsWithNotFound() {
    assertThatThrownBy(() -> update("m-404", displayName("x")))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("model 'm-404' was not found");
  }

  @Test
  void givenParametersThatBreakTheStoredTemplate_updateModel_rejectsAndLeavesTheModelUnchanged() {
    assertThat(violationsOf(() -> update("m-1", parameters(Map.of("shards", "many")))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("missing", "model_creation_parameters", "weights"),
            violation("int_type", "model_creation_parameters", "shards"));
    assertThat(store.models().findById("m-1")).contains(model);
  }

  @Test
  void givenAnotherTemplateId_updateModel_rejectsAndLeavesTheModelUnchanged() {
    store.templates().insert(aTemplate().withId("t-2").build());

    assertThat(violationsOf(() -> update("m-1", templateId("t-2"))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("value_error", "model_template_id"));
    assertThat(store.models().findById("m-1")).contains(model);
  }

  @Test
  void givenAModelTypeOtherThanTheTemplates_updateModel_rejectsAndLeavesTheModelUnchanged() {
    var patch =
        new ModelPatch(
            null, null, null, ModelType.AGENT, null, null, null, null, null, null, null, null);

    assertThat(violationsOf(() -> update("m-1", patch)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("value_error", "model_type"));
    assertThat(store.models().findById("m-1")).contains(model);
  }

  @Test
  void givenANameTakenInTheAccount_updateModel_failsWithConflictAndLeavesTheModelUnchanged() {
    store.models().insert(aModel().withId("m-2").withName("taken").build());

    assertThatThrownBy(() -> update("m-1", name("taken"))).isInstanceOf(ConflictException.class);
    assertThat(store.models().findById("m-1")).contains(model);
  }

  @Test
  void givenItsOwnName_updateModel_accepts() {
    var updated = update("m-1", name("original"));

    assertThat(updated.definition().name()).isEqualTo(new ResourceName("original"));
  }

  @Test
  void givenAModelWithoutTemplate_updateModel_recomputesItsSchemasForANewType() {
    store.models().insert(aModel().withId("m-3").withModelType(ModelType.COMPLETION).build());
    var patch =
        new ModelPatch(
            null,
            null,
            null,
            ModelType.CHAT_COMPLETION,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);

    var updated = update("m-3", patch);

    assertThat(updated.supportsMultiTurn()).isTrue();
    assertThat(store.models().findById("m-3").orElseThrow().responseSchema())
        .isEqualTo(ModelSchemas.responseSchema(ModelType.CHAT_COMPLETION));
  }

  @Test
  void givenTheModelVanishesBeforeTheWrite_updateModel_failsWithNotFound() {
    ModelRepository vanishing =
        new ModelRepository() {
          @Override
          public void insert(Model m) {
            store.models().insert(m);
          }

          @Override
          public boolean update(Model m) {
            store.models().delete(m.id());
            return false;
          }

          @Override
          public Optional<Model> findById(String id) {
            return store.models().findById(id);
          }

          @Override
          public Page<Model> list(ModelQuery query) {
            return store.models().list(query);
          }

          @Override
          public boolean delete(String id) {
            return store.models().delete(id);
          }
        };
    var racing = new UpdateModelService(vanishing, store.templates(), transactions);

    assertThatThrownBy(
            () -> racing.updateModel(new UpdateModelCommand(DAN, "m-1", displayName("x"))))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("m-1");
  }

  @Test
  void givenAPatch_updateModel_readsAndWritesInOneTransaction() {
    update("m-1", displayName("x"));

    assertThat(transactions.started()).isEqualTo(1);
  }
}
