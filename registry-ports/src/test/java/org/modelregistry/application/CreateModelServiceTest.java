package org.modelregistry.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.domain.template.ParameterType.INT;
import static org.modelregistry.domain.template.ParameterType.STR;
import static org.modelregistry.domain.testdata.TestModels.aModel;
import static org.modelregistry.domain.testdata.TestTemplates.aTemplate;
import static org.modelregistry.domain.testdata.TestViolations.violation;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.error.Violation;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.identity.IdentityType;
import org.modelregistry.domain.model.ModelSchemas;
import org.modelregistry.domain.template.ModelType;
import org.modelregistry.domain.template.Template;
import org.modelregistry.domain.testdata.TestTemplates;
import org.modelregistry.ports.in.CreateModelCommand;
import org.modelregistry.ports.in.ModelQuery;
import org.modelregistry.ports.out.memory.InMemoryRegistryStore;
import org.modelregistry.ports.paging.PageRequest;

class CreateModelServiceTest {

  private static final Caller CALLER = Caller.trusted(TestTemplates.ALICE, false);

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-04T05:06:07.123456789Z"), ZoneOffset.UTC);
  private static final Caller BOB = Caller.trusted(new Actor("bob", IdentityType.USER), false);

  private final InMemoryRegistryStore store = new InMemoryRegistryStore();
  private final CountingIdGenerator ids = new CountingIdGenerator();
  private final CountingTransactionRunner transactions = new CountingTransactionRunner();
  private final CreateModelService service =
      new CreateModelService(store.models(), store.templates(), transactions, ids, CLOCK);

  private final Template template =
      aTemplate()
          .withId("t-1")
          .withModelType(ModelType.COMPLETION)
          .withCreationParameter("weights", STR, true)
          .withCreationParameter("shards", INT, false)
          .withRequestParameter("max_tokens", INT, true)
          .build();

  private long storedModels() {
    return store
        .models()
        .list(
            new ModelQuery(
                CALLER,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                PageRequest.first(100)))
        .totalItemCount();
  }

  @Test
  void givenAModelWithoutTemplate_createModel_stampsAndStoresIt() {
    var definition = aModel().withModelType(ModelType.EMBEDDING).definition();

    var model = service.createModel(new CreateModelCommand(BOB, definition));

    assertThat(model.id()).isEqualTo("id-1");
    assertThat(model.definition()).isEqualTo(definition);
    assertThat(model.createdBy()).isEqualTo(BOB.requireActor());
    assertThat(model.createdAt()).isEqualTo(Instant.parse("2026-03-04T05:06:07.123456Z"));
    assertThat(model.deploymentCount()).isZero();
    assertThat(store.models().findById("id-1")).contains(model);
  }

  @Test
  void givenAStoredTemplateAndFittingParameters_createModel_derivesSchemasFromIt() {
    store.templates().insert(template);
    var definition =
        aModel().fromTemplate(template).withCreationParameter("weights", "s3://w").definition();

    var model = service.createModel(new CreateModelCommand(BOB, definition));

    assertThat(model.definition().modelTemplateId()).isEqualTo("t-1");
    assertThat(model.requestSchema())
        .isEqualTo(ModelSchemas.requestSchema(ModelType.COMPLETION, Optional.of(template)));
    assertThat(model.requestSchema().get("required"))
        .isEqualTo(List.of("prompts", "model_request_parameters"));
    assertThat(store.models().findById(model.id())).contains(model);
  }

  @Test
  void givenAnUnknownTemplateId_createModel_rejectsAtModelTemplateIdAndStoresNothing() {
    var definition = aModel().fromTemplate(template).definition();

    assertThat(violationsOf(() -> service.createModel(new CreateModelCommand(BOB, definition))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("value_error", "model_template_id"));
    assertThat(storedModels()).isZero();
  }

  @Test
  void givenATemplateOfAnotherAccount_createModel_rejectsAtModelTemplateIdAndStoresNothing() {
    store.templates().insert(template);
    var definition =
        aModel()
            .fromTemplate(template)
            .withAccountId("acct-other")
            .withCreationParameter("weights", "s3://w")
            .definition();

    assertThat(violationsOf(() -> service.createModel(new CreateModelCommand(BOB, definition))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("value_error", "model_template_id"));
    assertThat(storedModels()).isZero();
  }

  @Test
  void givenParametersThatBreakTheStoredTemplate_createModel_reportsThemAllAndStoresNothing() {
    store.templates().insert(template);
    var definition =
        aModel()
            .fromTemplate(template)
            .withModelType(ModelType.EMBEDDING)
            .withCreationParameter("shards", "two")
            .definition();

    assertThat(violationsOf(() -> service.createModel(new CreateModelCommand(BOB, definition))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("value_error", "model_type"),
            violation("missing", "model_creation_parameters", "weights"),
            violation("int_type", "model_creation_parameters", "shards"));
    assertThat(storedModels()).isZero();
  }

  @Test
  void givenCreationParametersWithoutTemplate_createModel_rejectsAndStoresNothing() {
    var definition = aModel().withCreationParameter("weights", "s3://w").definition();

    assertThat(violationsOf(() -> service.createModel(new CreateModelCommand(BOB, definition))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("value_error", "model_creation_parameters"));
    assertThat(storedModels()).isZero();
  }

  @Test
  void givenANameTakenInTheAccount_createModel_failsWithConflictAndKeepsTheFirst() {
    var first =
        service.createModel(new CreateModelCommand(BOB, aModel().withName("dup").definition()));

    assertThatThrownBy(
            () ->
                service.createModel(
                    new CreateModelCommand(BOB, aModel().withName("dup").definition())))
        .isInstanceOf(ConflictException.class);
    assertThat(storedModels()).isEqualTo(1);
    assertThat(store.models().findById(first.id())).contains(first);
  }

  @Test
  void givenTheSameNameInAnotherAccount_createModel_accepts() {
    service.createModel(
        new CreateModelCommand(BOB, aModel().withName("dup").withAccountId("a").definition()));

    service.createModel(
        new CreateModelCommand(BOB, aModel().withName("dup").withAccountId("b").definition()));

    assertThat(storedModels()).isEqualTo(2);
  }

  @Test
  void givenAModel_createModel_readsTheTemplateAndInsertsInOneTransaction() {
    store.templates().insert(template);

    service.createModel(
        new CreateModelCommand(
            BOB,
            aModel().fromTemplate(template).withCreationParameter("weights", "w").definition()));

    assertThat(transactions.started()).isEqualTo(1);
  }
}
