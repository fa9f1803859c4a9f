package org.modelregistry.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.modelregistry.domain.testdata.TestIdentities.anAdmin;
import static org.modelregistry.domain.testdata.TestIdentities.anIdentity;
import static org.modelregistry.domain.testdata.TestModels.aModel;
import static org.modelregistry.domain.testdata.TestTemplates.aTemplate;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.ForbiddenException;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.error.Violation;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.model.Model;
import org.modelregistry.domain.model.ModelDefinition;
import org.modelregistry.domain.model.ModelPatch;
import org.modelregistry.domain.template.Template;
import org.modelregistry.ports.in.CreateModelCommand;
import org.modelregistry.ports.in.CreateTemplateCommand;
import org.modelregistry.ports.in.ModelQuery;
import org.modelregistry.ports.in.TemplateQuery;
import org.modelregistry.ports.in.UpdateModelCommand;
import org.modelregistry.ports.out.memory.InMemoryRegistryStore;
import org.modelregistry.ports.paging.Page;
import org.modelregistry.ports.paging.PageRequest;

/**
 * Who may see and change templates and models: members of their account, their creator (to see),
 * administrators; nobody else, and an anonymous caller nothing at all.
 */
class TemplateAndModelAccessTest {

  private static final String ACCT_A = "acct-a";
  private static final String ACCT_B = "acct-b";

  /** Created t-a and m-a in account A, where it is a member. */
  private static final Caller ALICE = member("alice", ACCT_A);

  /** A member of account A who created nothing there. */
  private static final Caller CAROL = member("carol", ACCT_A);

  /** A member of account B only: an outsider to account A. */
  private static final Caller BOB = member("bob", ACCT_B);

  /** Created t-d and m-d in account A, then left it for account B. */
  private static final Caller DAVE = member("dave", ACCT_B);

  /** An administrator who belongs to no account. */
  private static final Caller ROOT = Caller.of(anAdmin().build());

  private static final Caller ANONYMOUS = Caller.anonymous();

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-05-06T07:08:09Z"), ZoneOffset.UTC);

  private final InMemoryRegistryStore store = new InMemoryRegistryStore();
  private final CountingIdGenerator ids = new CountingIdGenerator();
  private final CountingTransactionRunner transactions = new CountingTransactionRunner();

  private final CreateTemplateService createTemplate =
      new CreateTemplateService(store.templates(), transactions, ids, CLOCK);
  private final GetTemplateService getTemplate = new GetTemplateService(store.templates());
  private final ListTemplatesService listTemplates = new ListTemplatesService(store.templates());
  private final DeleteTemplateService deleteTemplate = new DeleteTemplateService(store.templates());
  private final CreateModelService createModel =
      new CreateModelService(store.models(), store.templates(), transactions, ids, CLOCK);
  private final GetModelService getModel = new GetModelService(store.models());
  private final ListModelsService listModels = new ListModelsService(store.models());
  private final UpdateModelService updateModel =
      new UpdateModelService(store.models(), store.templates(), transactions);
  private final DeleteModelService deleteModel = new DeleteModelService(store.models());

  private final Template tA = template("t-a", ACCT_A, ALICE);
  private final Template tB = template("t-b", ACCT_B, BOB);
  private final Template tD = template("t-d", ACCT_A, DAVE);
  private final Model mA = model("m-a", ACCT_A, ALICE);
  private final Model mB = model("m-b", ACCT_B, BOB);
  private final Model mD = model("m-d", ACCT_A, DAVE);

  private static Caller member(String id, String... accounts) {
    return Caller.of(anIdentity().withId(id).withDisplayName(id).withAccounts(accounts).build());
  }

  private static Template template(String id, String account, Caller creator) {
    return aTemplate()
        .withId(id)
        .withName("template-" + id)
        .withAccountId(account)
        .createdBy(creator.requireActor())
        .build();
  }

  private static Model model(String id, String account, Caller creator) {
    return aModel()
        .withId(id)
        .withName("model-" + id)
        .withAccountId(account)
        .withDisplayName("Original")
        .createdBy(creator.requireActor())
        .build();
  }

  @BeforeEach
  void storeTemplatesAndModelsOfTwoAccounts() {
    List.of(tA, tB, tD).forEach(store.templates()::insert);
    List.of(mA, mB, mD).forEach(store.models()::insert);
  }

  // --- what is stored, read past every rule of access

  private List<String> storedTemplateIds() {
    return store
        .templates()
        .list(new TemplateQuery(ROOT, Optional.empty(), PageRequest.first(100)))
        .items()
        .stream()
        .map(Template::id)
        .toList();
  }

  private List<String> storedModelIds() {
    return store.models().list(modelQuery(ROOT, Optional.empty())).items().stream()
        .map(Model::id)
        .toList();
  }

  private static ModelQuery modelQuery(Caller viewer, Optional<String> account) {
    return new ModelQuery(
        viewer, account, Optional.empty(), Optional.empty(), List.of(), PageRequest.first(100));
  }

  private Page<Template> templatesSeenBy(Caller viewer, Optional<String> account) {
    return listTemplates.listTemplates(new TemplateQuery(viewer, account, PageRequest.first(100)));
  }

  private List<String> templateIdsSeenBy(Caller viewer, Optional<String> account) {
    return templatesSeenBy(viewer, account).items().stream().map(Template::id).toList();
  }

  private List<String> modelIdsSeenBy(Caller viewer, Optional<String> account) {
    return listModels.listModels(modelQuery(viewer, account)).items().stream()
        .map(Model::id)
        .toList();
  }

  private static ModelPatch displayName(String displayName) {
    return new ModelPatch(
        null, displayName, null, null, null, null, null, null, null, null, null, null);
  }

  /** The message of the NotFoundException {@code call} throws. */
  private static String notFoundMessage(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(NotFoundException.class);
    return thrown.getMessage();
  }

  // --- templates

  @Test
  void givenMembersTheCreatorAndAnAdmin_getTemplate_returnsIt() {
    assertThat(getTemplate.getTemplate(ALICE, "t-a")).isEqualTo(tA);
    assertThat(getTemplate.getTemplate(CAROL, "t-a")).isEqualTo(tA);
    assertThat(getTemplate.getTemplate(ROOT, "t-a")).isEqualTo(tA);
    assertThat(getTemplate.getTemplate(ROOT, "t-b")).isEqualTo(tB);
    assertThat(getTemplate.getTemplate(BOB, "t-b")).isEqualTo(tB);
  }

  @Test
  void givenAnOutsiderOrAnAnonymousCaller_getTemplate_isNotFoundLikeAMissingId() {
    String missing = notFoundMessage(() -> getTemplate.getTemplate(ALICE, "t-zz"));

    assertThat(notFoundMessage(() -> getTemplate.getTemplate(BOB, "t-a")))
        .isEqualTo(missing.replace("t-zz", "t-a"))
        .isEqualTo("model template 't-a' was not found");
    assertThat(notFoundMessage(() -> getTemplate.getTemplate(ALICE, "t-b")))
        .isEqualTo(missing.replace("t-zz", "t-b"));
    assertThat(notFoundMessage(() -> getTemplate.getTemplate(ANONYMOUS, "t-a")))
        .isEqualTo(missing.replace("t-zz", "t-a"));
  }

  @Test
  void givenEachCaller_listTemplates_showsOnlyWhatItMaySee() {
    assertThat(templateIdsSeenBy(ALICE, Optional.empty())).containsExactly("t-a", "t-d");
    assertThat(templateIdsSeenBy(CAROL, Optional.empty())).containsExactly("t-a", "t-d");
    assertThat(templateIdsSeenBy(BOB, Optional.empty())).containsExactly("t-b");
    assertThat(templateIdsSeenBy(ROOT, Optional.empty())).containsExactly("t-a", "t-b", "t-d");
    assertThat(templateIdsSeenBy(ROOT, Optional.of(ACCT_B))).containsExactly("t-b");
  }

  @Test
  void givenAnOutsiderFilteringOnTheOtherAccount_listTemplates_isEmptyWithATotalOfZero() {
    Page<Template> page = templatesSeenBy(BOB, Optional.of(ACCT_A));

    assertThat(page.items()).isEmpty();
    assertThat(page.totalItemCount()).isZero();
    assertThat(page.nextCursor()).isEmpty();
  }

  @Test
  void givenAnAnonymousCaller_listTemplates_isEmpty() {
    assertThat(templatesSeenBy(ANONYMOUS, Optional.empty()).totalItemCount()).isZero();
    assertThat(templatesSeenBy(ANONYMOUS, Optional.of(ACCT_A)).totalItemCount()).isZero();
  }

  @Test
  void givenAnOutsiderOrAnAnonymousCaller_deleteTemplate_isNotFoundAndKeepsIt() {
    String missing = notFoundMessage(() -> deleteTemplate.deleteTemplate(ALICE, "t-zz"));

    assertThat(notFoundMessage(() -> deleteTemplate.deleteTemplate(BOB, "t-a")))
        .isEqualTo(missing.replace("t-zz", "t-a"));
    assertThat(notFoundMessage(() -> deleteTemplate.deleteTemplate(ANONYMOUS, "t-a")))
        .isEqualTo(missing.replace("t-zz", "t-a"));
    assertThat(store.templates().findById("t-a")).contains(tA);
    assertThat(storedTemplateIds()).containsExactly("t-a", "t-b", "t-d");
  }

  @Test
  void givenAMemberWhoDidNotCreateIt_deleteTemplate_removesIt() {
    deleteTemplate.deleteTemplate(CAROL, "t-a");

    assertThat(store.templates().findById("t-a")).isEmpty();
    assertThat(storedTemplateIds()).containsExactly("t-b", "t-d");
  }

  @Test
  void givenAnAdmin_deleteTemplate_removesAnotherAccountsTemplate() {
    deleteTemplate.deleteTemplate(ROOT, "t-b");

    assertThat(storedTemplateIds()).containsExactly("t-a", "t-d");
  }

  @Test
  void givenACreatorNoLongerInTheAccount_template_staysVisibleButCannotBeDeleted() {
    assertThat(getTemplate.getTemplate(DAVE, "t-d")).isEqualTo(tD);
    assertThat(templateIdsSeenBy(DAVE, Optional.empty())).containsExactly("t-b", "t-d");
    assertThat(templateIdsSeenBy(DAVE, Optional.of(ACCT_A))).containsExactly("t-d");

    assertThatThrownBy(() -> deleteTemplate.deleteTemplate(DAVE, "t-d"))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining(ACCT_A);
    assertThat(store.templates().findById("t-d")).contains(tD);
  }

  @Test
  void givenAMember_createTemplate_recordsTheCallerAsCreator() {
    Template created =
        createTemplate.createTemplate(
            new CreateTemplateCommand(
                CAROL, aTemplate().withAccountId(ACCT_A).withName("by-carol").definition()));

    assertThat(created.createdBy()).isEqualTo(CAROL.requireActor());
    assertThat(store.templates().findById(created.id())).contains(created);
  }

  @Test
  void givenAnAdmin_createTemplate_succeedsInAnAccountItDoesNotBelongTo() {
    Template created =
        createTemplate.createTemplate(
            new CreateTemplateCommand(
                ROOT, aTemplate().withAccountId(ACCT_B).withName("by-root").definition()));

    assertThat(created.createdBy()).isEqualTo(ROOT.requireActor());
    assertThat(store.templates().findById(created.id())).contains(created);
  }

  @Test
  void givenAnotherAccount_createTemplate_isForbiddenAndStoresNothing() {
    var definition = aTemplate().withAccountId(ACCT_A).withName("by-bob").definition();

    assertThatThrownBy(
            () -> createTemplate.createTemplate(new CreateTemplateCommand(BOB, definition)))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining(ACCT_A);
    // The creator of t-d left account A: having created there once grants no new creations.
    assertThatThrownBy(
            () -> createTemplate.createTemplate(new CreateTemplateCommand(DAVE, definition)))
        .isInstanceOf(ForbiddenException.class);
    assertThat(storedTemplateIds()).containsExactly("t-a", "t-b", "t-d");
  }

  @Test
  void givenAnAnonymousCaller_createTemplateAndModel_areForbiddenAndStoreNothing() {
    var templateDefinition = aTemplate().withAccountId(ACCT_A).withName("anon").definition();
    var modelDefinition = aModel().withAccountId(ACCT_A).withName("anon").definition();

    assertThatThrownBy(
            () ->
                createTemplate.createTemplate(
                    new CreateTemplateCommand(ANONYMOUS, templateDefinition)))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(
            () -> createModel.createModel(new CreateModelCommand(ANONYMOUS, modelDefinition)))
        .isInstanceOf(ForbiddenException.class);
    assertThat(storedTemplateIds()).containsExactly("t-a", "t-b", "t-d");
    assertThat(storedModelIds()).containsExactly("m-a", "m-b", "m-d");
  }

  // --- models

  @Test
  void givenAMember_createModel_recordsTheCallerAsCreator() {
    Model created =
        createModel.createModel(
            new CreateModelCommand(CAROL, aModel().fromTemplate(tA).withName("new").definition()));

    assertThat(created.createdBy()).isEqualTo(CAROL.requireActor());
    assertThat(created.definition().modelTemplateId()).isEqualTo("t-a");
    assertThat(store.models().findById(created.id())).contains(created);
  }

  @Test
  void givenAnotherAccount_createModel_isForbiddenAndStoresNothing() {
    var inA = aModel().withAccountId(ACCT_A).withName("new").definition();
    var inB = aModel().fromTemplate(tB).withName("new").definition();

    assertThatThrownBy(() -> createModel.createModel(new CreateModelCommand(BOB, inA)))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining(ACCT_A);
    assertThatThrownBy(() -> createModel.createModel(new CreateModelCommand(ALICE, inB)))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining(ACCT_B);
    assertThat(storedModelIds()).containsExactly("m-a", "m-b", "m-d");
  }

  @Test
  void givenAnotherAccountsTemplate_createModel_failsExactlyLikeAnUnknownTemplate() {
    // The same request against a store that holds no template at all.
    var empty = new InMemoryRegistryStore();
    var withoutTemplates =
        new CreateModelService(
            empty.models(), empty.templates(), new CountingTransactionRunner(), ids, CLOCK);
    ModelDefinition namingTB =
        aModel().fromTemplate(tB).withAccountId(ACCT_A).withName("new").definition();
    ModelDefinition namingTD =
        aModel().fromTemplate(tD).withAccountId(ACCT_B).withName("new").definition();

    List<Violation> unknownTB =
        violationsOf(() -> withoutTemplates.createModel(new CreateModelCommand(ALICE, namingTB)));
    List<Violation> unknownTD =
        violationsOf(() -> withoutTemplates.createModel(new CreateModelCommand(DAVE, namingTD)));

    assertThat(violationsOf(() -> createModel.createModel(new CreateModelCommand(ALICE, namingTB))))
        .isEqualTo(unknownTB)
        .extracting(Violation::type)
        .containsExactly("value_error");
    // Dave still sees t-d, but it is not a template of the account he creates in.
    assertThat(violationsOf(() -> createModel.createModel(new CreateModelCommand(DAVE, namingTD))))
        .isEqualTo(unknownTD);
    assertThat(unknownTB).extracting(Violation::path).containsExactly(List.of("model_template_id"));
    assertThat(storedModelIds()).containsExactly("m-a", "m-b", "m-d");
  }

  @Test
  void givenAnOutsiderOrAnAnonymousCaller_getModel_isNotFoundLikeAMissingId() {
    String missing = notFoundMessage(() -> getModel.getModel(ALICE, "m-zz"));

    assertThat(notFoundMessage(() -> getModel.getModel(BOB, "m-a")))
        .isEqualTo(missing.replace("m-zz", "m-a"))
        .isEqualTo("model 'm-a' was not found");
    assertThat(notFoundMessage(() -> getModel.getModel(ALICE, "m-b")))
        .isEqualTo(missing.replace("m-zz", "m-b"));
    assertThat(notFoundMessage(() -> getModel.getModel(ANONYMOUS, "m-a")))
        .isEqualTo(missing.replace("m-zz", "m-a"));
  }

  @Test
  void givenMembersTheCreatorAndAnAdmin_getModel_returnsIt() {
    assertThat(getModel.getModel(ALICE, "m-a")).isEqualTo(mA);
    assertThat(getModel.getModel(CAROL, "m-a")).isEqualTo(mA);
    assertThat(getModel.getModel(CAROL, "m-d")).isEqualTo(mD);
    assertThat(getModel.getModel(ROOT, "m-a")).isEqualTo(mA);
    assertThat(getModel.getModel(ROOT, "m-b")).isEqualTo(mB);
  }

  @Test
  void givenEachCaller_listModels_showsOnlyWhatItMaySee() {
    assertThat(modelIdsSeenBy(ALICE, Optional.empty())).containsExactly("m-a", "m-d");
    assertThat(modelIdsSeenBy(CAROL, Optional.empty())).containsExactly("m-a", "m-d");
    assertThat(modelIdsSeenBy(BOB, Optional.empty())).containsExactly("m-b");
    assertThat(modelIdsSeenBy(ROOT, Optional.empty())).containsExactly("m-a", "m-b", "m-d");
    assertThat(modelIdsSeenBy(ROOT, Optional.of(ACCT_B))).containsExactly("m-b");
  }

  @Test
  void givenAnOutsiderFilteringOnTheOtherAccountOrAnAnonymousCaller_listModels_isEmpty() {
    Page<Model> outsider = listModels.listModels(modelQuery(BOB, Optional.of(ACCT_A)));
    Page<Model> anonymous = listModels.listModels(modelQuery(ANONYMOUS, Optional.empty()));

    assertThat(outsider.items()).isEmpty();
    assertThat(outsider.totalItemCount()).isZero();
    assertThat(anonymous.items()).isEmpty();
    assertThat(anonymous.totalItemCount()).isZero();
    assertThat(listModels.listModels(modelQuery(ANONYMOUS, Optional.of(ACCT_A))).items()).isEmpty();
  }

  @Test
  void givenAnOutsiderOrAnAnonymousCaller_updateAndDeleteModel_areNotFoundAndChangeNothing() {
    for (Caller stranger : List.of(BOB, ANONYMOUS)) {
      assertThat(
              notFoundMessage(
                  () ->
                      updateModel.updateModel(
                          new UpdateModelCommand(stranger, "m-a", displayName("Hijacked")))))
          .isEqualTo("model 'm-a' was not found");
      assertThat(notFoundMessage(() -> deleteModel.deleteModel(stranger, "m-a")))
          .isEqualTo("model 'm-a' was not found");
    }

    assertThat(store.models().findById("m-a")).contains(mA);
    assertThat(storedModelIds()).containsExactly("m-a", "m-b", "m-d");
  }

  @Test
  void givenAMemberWhoDidNotCreateIt_updateAndDeleteModel_succeed() {
    Model updated = updateModel.updateModel(new UpdateModelCommand(CAROL, "m-a", displayName("C")));

    assertThat(updated.definition().displayName()).isEqualTo("C");
    assertThat(updated.createdBy()).isEqualTo(ALICE.requireActor());
    assertThat(store.models().findById("m-a")).contains(updated);

    deleteModel.deleteModel(CAROL, "m-a");

    assertThat(storedModelIds()).containsExactly("m-b", "m-d");
  }

  @Test
  void givenAnAdmin_everyModelOperation_succeedsInAnAccountItDoesNotBelongTo() {
    Model created =
        createModel.createModel(
            new CreateModelCommand(ROOT, aModel().fromTemplate(tB).withName("new").definition()));
    Model updated = updateModel.updateModel(new UpdateModelCommand(ROOT, "m-b", displayName("R")));

    assertThat(created.createdBy()).isEqualTo(ROOT.requireActor());
    assertThat(store.models().findById(created.id())).contains(created);
    assertThat(store.models().findById("m-b")).contains(updated);
    assertThat(updated.definition().displayName()).isEqualTo("R");

    deleteModel.deleteModel(ROOT, "m-b");
    deleteModel.deleteModel(ROOT, created.id());

    assertThat(storedModelIds()).containsExactly("m-a", "m-d");
  }

  @Test
  void givenACreatorNoLongerInTheAccount_model_staysVisibleButCannotBeChanged() {
    assertThat(getModel.getModel(DAVE, "m-d")).isEqualTo(mD);
    assertThat(modelIdsSeenBy(DAVE, Optional.empty())).containsExactly("m-b", "m-d");
    assertThat(modelIdsSeenBy(DAVE, Optional.of(ACCT_A))).containsExactly("m-d");

    assertThatThrownBy(
            () -> updateModel.updateModel(new UpdateModelCommand(DAVE, "m-d", displayName("D"))))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining(ACCT_A);
    assertThatThrownBy(() -> deleteModel.deleteModel(DAVE, "m-d"))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining(ACCT_A);
    assertThat(store.models().findById("m-d")).contains(mD);
  }
}
