package org.modelregistry.application.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.modelregistry.application.workspace.WorkspaceServices.DERIVED;
import static org.modelregistry.application.workspace.WorkspaceServices.name;
import static org.modelregistry.domain.testdata.TestIdentities.anAdmin;
import static org.modelregistry.domain.testdata.TestIdentities.anIdentity;
import static org.modelregistry.domain.testdata.TestViolations.violation;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.error.ForbiddenException;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.error.Violation;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.workspace.AdapterPatch;
import org.modelregistry.domain.workspace.FilesetPatch;
import org.modelregistry.domain.workspace.FilesetPurpose;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.domain.workspace.FinetuningType;
import org.modelregistry.domain.workspace.LoraConfig;
import org.modelregistry.domain.workspace.ModelEntity;
import org.modelregistry.domain.workspace.ModelEntityDefinition;
import org.modelregistry.domain.workspace.ModelEntityPatch;
import org.modelregistry.domain.workspace.ModelRef;
import org.modelregistry.domain.workspace.WorkspaceName;
import org.modelregistry.ports.in.workspace.FilesetQuery;
import org.modelregistry.ports.in.workspace.ModelEntityQuery;
import org.modelregistry.ports.in.workspace.NewFileset;
import org.modelregistry.ports.in.workspace.NewModelAdapter;
import org.modelregistry.ports.in.workspace.ReadFilesetFileUseCase.FileContent;
import org.modelregistry.ports.paging.Page;

/**
 * Who may see and change what lies in a workspace: its members and administrators. To anyone else
 * it is not found (lists are empty), creating there is forbidden, and a reference into it (a
 * fileset, a base model) is as unknown as one to nothing.
 */
class WorkspaceAccessTest {

  private static final WorkspaceName WS_A = new WorkspaceName("ws-a");
  private static final WorkspaceName WS_B = new WorkspaceName("ws-b");

  /** A member of ws-a only. */
  private static final Caller ALICE = member("alice", "ws-a");

  /** A member of ws-b only: an outsider to ws-a. */
  private static final Caller BOB = member("bob", "ws-b");

  /** A member of both. */
  private static final Caller CAROL = member("carol", "ws-a", "ws-b");

  /** An administrator who belongs to no workspace. */
  private static final Caller ROOT = Caller.of(anAdmin().build());

  private static final Caller ANONYMOUS = Caller.anonymous();

  private static final ModelRef M1 = new ModelRef(WS_A, name("m1"));
  private static final FilesetRef FS = new FilesetRef(WS_A, name("fs"));
  private static final FilesetRef LORA = new FilesetRef(WS_A, name("lora"));
  private static final ModelRef HIDDEN = new ModelRef(WS_B, name("hidden"));
  private static final FilesetRef SECRET = new FilesetRef(WS_B, name("secret"));
  private static final FilePath CONFIG = new FilePath("config.json");
  private static final FilePath WEIGHTS = new FilePath("model.safetensors");

  private final WorkspaceServices services = new WorkspaceServices();

  private static Caller member(String id, String... workspaces) {
    return Caller.of(
        anIdentity().withId(id).withDisplayName(id).withWorkspaces(workspaces).build());
  }

  /**
   * ws-a holds fileset fs (config.json), fileset lora, and model m1 on fs with adapter a1 on lora;
   * ws-b holds fileset secret (model.safetensors) and model hidden.
   */
  @BeforeEach
  void storeTwoWorkspaces() {
    services.createFileset.create(ROOT, newFileset(FS));
    services.createFileset.create(ROOT, newFileset(LORA));
    services.createFileset.create(ROOT, newFileset(SECRET));
    services.storeFile(FS, CONFIG.value(), "{}");
    services.storeFile(SECRET, WEIGHTS.value(), "secret weights");
    services.createModel.create(ROOT, WS_A, definition("m1", null, null));
    services.addAdapter.add(ROOT, M1, adapter("a1", LORA));
    services.createModel.create(ROOT, WS_B, definition("hidden", null, null));
    services.deriveSpec.calls.clear();
  }

  private static NewFileset newFileset(FilesetRef ref) {
    return new NewFileset(
        ref.workspace(),
        ref.name(),
        "a fileset",
        "proj",
        FilesetPurpose.MODEL,
        Map.of(),
        Map.of(),
        null);
  }

  private static ModelEntityDefinition definition(
      String name, FilesetRef fileset, ModelRef baseModel) {
    return WorkspaceServices.definition(name, fileset, baseModel, false);
  }

  private static NewModelAdapter adapter(String name, FilesetRef fileset) {
    return new NewModelAdapter(
        name(name), "an adapter", fileset, FinetuningType.LORA, null, new LoraConfig(8, 16));
  }

  private static ModelEntityPatch describedAs(String description) {
    return patch(description, null, null);
  }

  private static ModelEntityPatch patch(String description, FilesetRef fileset, ModelRef base) {
    return new ModelEntityPatch(
        description, null, base, null, null, fileset, null, null, null, null, null, null, null);
  }

  private static InputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Everything both workspaces hold, read from the fakes past every rule of access. */
  private List<Object> everythingStored() {
    return List.of(
        services.models.list(ModelEntityQuery.all(WS_A)).items(),
        services.models.list(ModelEntityQuery.all(WS_B)).items(),
        services.filesets.list(FilesetQuery.all(WS_A)).items(),
        services.filesets.list(FilesetQuery.all(WS_B)).items(),
        services.store.list(new FilePath("filesets")));
  }

  private static String notFoundMessage(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(NotFoundException.class);
    return thrown.getMessage();
  }

  // --- an outsider and an anonymous caller

  @Test
  void givenAnOutsider_everyModelEntityOperation_isNotFoundLikeAMissingModelAndChangesNothing() {
    List<Object> before = everythingStored();
    String missing =
        notFoundMessage(() -> services.getModel.get(ALICE, new ModelRef(WS_A, name("nope"))))
            .replace("nope", "m1");
    assertThat(missing).isEqualTo("model 'ws-a/m1' was not found");

    for (Caller stranger : List.of(BOB, ANONYMOUS)) {
      List<ThrowingCallable> calls =
          List.of(
              () -> services.getModel.get(stranger, M1),
              () -> services.patchModel.patch(stranger, M1, describedAs("hijacked")),
              () -> services.patchModel.patch(stranger, M1, patch(null, SECRET, null)),
              () -> services.deleteModel.delete(stranger, M1),
              () -> services.addAdapter.add(stranger, M1, adapter("a2", LORA)),
              () ->
                  services.updateAdapter.update(
                      stranger, M1, name("a1"), new AdapterPatch("hijacked", false, null)),
              () -> services.deleteAdapter.delete(stranger, M1, name("a1")));
      for (ThrowingCallable call : calls) {
        assertThat(notFoundMessage(call)).isEqualTo(missing);
      }
    }

    assertThat(everythingStored()).isEqualTo(before);
    assertThat(services.deriveSpec.calls).isEmpty();
  }

  @Test
  void givenAnOutsider_everyFilesetOperation_isNotFoundLikeAMissingFilesetAndChangesNothing() {
    List<Object> before = everythingStored();
    String missing =
        notFoundMessage(() -> services.getFileset.get(ALICE, new FilesetRef(WS_A, name("nope"))))
            .replace("nope", "fs");
    assertThat(missing).isEqualTo("fileset 'ws-a/fs' was not found");

    for (Caller stranger : List.of(BOB, ANONYMOUS)) {
      List<ThrowingCallable> calls =
          List.of(
              () -> services.getFileset.get(stranger, FS),
              () ->
                  services.patchFileset.patch(
                      stranger, FS, new FilesetPatch("hijacked", null, null, null, null)),
              () -> services.deleteFileset.delete(stranger, FS),
              () -> services.putFile.put(stranger, FS, CONFIG, bytes("overwritten"), -1),
              () -> services.putFile.put(stranger, FS, new FilePath("new.bin"), bytes("x"), -1),
              () -> services.readFile.describe(stranger, FS, CONFIG),
              () -> services.readFile.describe(stranger, FS, new FilePath("absent.bin")),
              () -> services.readFile.open(stranger, FS, CONFIG, 0, -1),
              () -> services.deleteFile.delete(stranger, FS, CONFIG),
              () -> services.listFiles.list(stranger, FS));
      for (ThrowingCallable call : calls) {
        assertThat(notFoundMessage(call)).isEqualTo(missing);
      }
    }

    assertThat(everythingStored()).isEqualTo(before);
  }

  @Test
  void givenAnOutsider_listsOfTheWorkspace_areEmptyPages() {
    for (Caller stranger : List.of(BOB, ANONYMOUS)) {
      Page<ModelEntity> models = services.listModels.list(stranger, ModelEntityQuery.all(WS_A));
      var filesets = services.listFilesets.list(stranger, FilesetQuery.all(WS_A));

      assertThat(models.items()).isEmpty();
      assertThat(models.totalItemCount()).isZero();
      assertThat(models.nextCursor()).isEmpty();
      assertThat(filesets.items()).isEmpty();
      assertThat(filesets.totalItemCount()).isZero();
    }
    assertThat(services.listModels.list(ALICE, ModelEntityQuery.all(WS_A)).totalItemCount())
        .isEqualTo(1);
    assertThat(services.listFilesets.list(ALICE, FilesetQuery.all(WS_A)).totalItemCount())
        .isEqualTo(2);
  }

  @Test
  void givenAnOutsider_createInTheWorkspace_isForbiddenEvenForATakenNameAndStoresNothing() {
    List<Object> before = everythingStored();

    for (Caller stranger : List.of(BOB, ANONYMOUS)) {
      for (String model : List.of("fresh", "m1")) {
        assertThatThrownBy(
                () -> services.createModel.create(stranger, WS_A, definition(model, null, null)))
            .isInstanceOf(ForbiddenException.class);
      }
      for (String fileset : List.of("fresh", "fs")) {
        assertThatThrownBy(
                () ->
                    services.createFileset.create(
                        stranger, newFileset(new FilesetRef(WS_A, name(fileset)))))
            .isInstanceOf(ForbiddenException.class);
      }
    }
    assertThatThrownBy(() -> services.createModel.create(BOB, WS_A, definition("x", null, null)))
        .hasMessageContaining("ws-a");

    assertThat(everythingStored()).isEqualTo(before);
  }

  // --- references into a workspace the caller is not a member of

  @Test
  void givenAFilesetInAnotherWorkspace_createModel_isFilesetNotFoundAndReadsNothingOfIt() {
    List<Object> before = everythingStored();
    var unknown = new FilesetRef(WS_B, name("nope"));
    List<Violation> asUnknown =
        violationsOf(
            () -> services.createModel.create(ALICE, WS_A, definition("m2", unknown, null)));

    List<Violation> violations =
        violationsOf(
            () -> services.createModel.create(ALICE, WS_A, definition("m2", SECRET, null)));

    assertThat(violations)
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("fileset_not_found", "fileset"));
    assertThat(violations)
        .extracting(Violation::message)
        .containsExactly(asUnknown.get(0).message().replace("nope", "secret"));
    assertThat(services.deriveSpec.calls).isEmpty();
    assertThat(everythingStored()).isEqualTo(before);
  }

  @Test
  void givenABaseModelInAnotherWorkspace_createModel_isBaseModelNotFound() {
    List<Object> before = everythingStored();

    assertThat(
            violationsOf(
                () -> services.createModel.create(ALICE, WS_A, definition("m2", null, HIDDEN))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("base_model_not_found", "base_model"));
    assertThat(everythingStored()).isEqualTo(before);
  }

  @Test
  void givenReferencesIntoAnotherWorkspace_patchModel_reportsThemNotFoundAndChangesNothing() {
    List<Object> before = everythingStored();

    assertThat(violationsOf(() -> services.patchModel.patch(ALICE, M1, patch(null, SECRET, null))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("fileset_not_found", "fileset"));
    assertThat(violationsOf(() -> services.patchModel.patch(ALICE, M1, patch(null, null, HIDDEN))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("base_model_not_found", "base_model"));

    assertThat(services.deriveSpec.calls).isEmpty();
    assertThat(everythingStored()).isEqualTo(before);
  }

  @Test
  void givenAFilesetInAnotherWorkspace_addOrUpdateAdapter_isFilesetNotFoundAndChangesNothing() {
    List<Object> before = everythingStored();

    assertThat(violationsOf(() -> services.addAdapter.add(ALICE, M1, adapter("a2", SECRET))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("fileset_not_found", "fileset"));
    assertThat(
            violationsOf(
                () ->
                    services.updateAdapter.update(
                        ALICE, M1, name("a1"), new AdapterPatch(null, null, SECRET))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("fileset_not_found", "fileset"));

    assertThat(everythingStored()).isEqualTo(before);
  }

  @Test
  void givenAMemberOfBothWorkspaces_crossWorkspaceReferences_resolveAndTheSpecIsDerived() {
    ModelEntity created =
        services.createModel.create(CAROL, WS_A, definition("m2", SECRET, HIDDEN));

    assertThat(created.definition().fileset()).isEqualTo(SECRET);
    assertThat(created.definition().baseModel()).isEqualTo(HIDDEN);
    assertThat(created.definition().spec()).isEqualTo(DERIVED);
    assertThat(services.deriveSpec.calls)
        .singleElement()
        .satisfies(call -> assertThat(call.files()).containsExactly(WEIGHTS));
    assertThat(
            services.addAdapter.add(CAROL, M1, adapter("a2", SECRET)).adapter(name("a2")).fileset())
        .isEqualTo(SECRET);
  }

  // --- members and administrators

  @Test
  void givenAMember_everyOperationInItsWorkspace_succeeds() throws IOException {
    exerciseEveryOperationOnWsA(ALICE);
  }

  @Test
  void givenAnAdmin_everyOperationInAnyWorkspace_succeeds() throws IOException {
    exerciseEveryOperationOnWsA(ROOT);
  }

  @Test
  void givenAnAdmin_crossWorkspaceReferences_resolveAndTheSpecIsDerived() {
    ModelEntity created = services.createModel.create(ROOT, WS_A, definition("m2", SECRET, HIDDEN));
    ModelEntity patched = services.patchModel.patch(ROOT, M1, patch(null, SECRET, HIDDEN));
    ModelEntity adapted =
        services.updateAdapter.update(ROOT, M1, name("a1"), new AdapterPatch(null, null, SECRET));

    assertThat(created.definition().spec()).isEqualTo(DERIVED);
    assertThat(patched.definition().fileset()).isEqualTo(SECRET);
    assertThat(patched.definition().baseModel()).isEqualTo(HIDDEN);
    assertThat(adapted.adapter(name("a1")).fileset()).isEqualTo(SECRET);
    assertThat(services.deriveSpec.calls).hasSize(2);
    assertThat(services.models.find(WS_A, name("m1"))).contains(adapted);
  }

  /** Every workspace use case on ws-a as {@code caller}, each with an effect to check. */
  private void exerciseEveryOperationOnWsA(Caller caller) throws IOException {
    assertThat(services.getModel.get(caller, M1).name()).isEqualTo(name("m1"));
    assertThat(services.listModels.list(caller, ModelEntityQuery.all(WS_A)).items())
        .extracting(ModelEntity::name)
        .containsExactly(name("m1"));
    assertThat(services.patchModel.patch(caller, M1, describedAs("new")).definition().description())
        .isEqualTo("new");
    assertThat(services.addAdapter.add(caller, M1, adapter("a2", FS)).adapters()).hasSize(2);
    assertThat(
            services
                .updateAdapter
                .update(caller, M1, name("a2"), new AdapterPatch("changed", null, LORA))
                .adapter(name("a2"))
                .fileset())
        .isEqualTo(LORA);
    assertThat(services.deleteAdapter.delete(caller, M1, name("a2")).adapters()).hasSize(1);

    assertThat(services.getFileset.get(caller, FS).ref()).isEqualTo(FS);
    assertThat(services.listFilesets.list(caller, FilesetQuery.all(WS_A)).totalItemCount())
        .isEqualTo(2);
    assertThat(
            services
                .patchFileset
                .patch(caller, FS, new FilesetPatch("patched", null, null, null, null))
                .description())
        .isEqualTo("patched");
    assertThat(services.putFile.put(caller, FS, WEIGHTS, bytes("w"), -1).size()).isEqualTo(1);
    assertThat(services.readFile.describe(caller, FS, CONFIG).size()).isEqualTo(2);
    try (FileContent content = services.readFile.open(caller, FS, CONFIG, 0, -1)) {
      assertThat(content.bytes().readAllBytes()).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(services.listFiles.list(caller, FS)).hasSize(2);
    services.deleteFile.delete(caller, FS, WEIGHTS);
    assertThat(services.listFiles.list(caller, FS)).hasSize(1);

    var created = services.createModel.create(caller, WS_A, definition("m2", FS, M1));
    assertThat(services.models.find(WS_A, name("m2"))).contains(created);
    var fileset =
        services.createFileset.create(caller, newFileset(new FilesetRef(WS_A, name("f2"))));
    assertThat(services.filesets.find(WS_A, name("f2"))).contains(fileset);

    services.deleteModel.delete(caller, created.ref());
    services.deleteModel.delete(caller, M1);
    services.deleteFileset.delete(caller, FS);
    assertThat(services.models.list(ModelEntityQuery.all(WS_A)).items()).isEmpty();
    assertThat(services.filesets.find(WS_A, name("fs"))).isEmpty();
    assertThat(services.store.list(new FilePath("filesets/ws-a/fs"))).isEmpty();
  }

  // --- what refusals tell

  @Test
  void givenABaseModelUsedFromAnotherWorkspace_deleteModel_isAConflictThatNamesNothingThere() {
    services.createModel.create(CAROL, WS_B, definition("derived", null, M1));

    assertThatThrownBy(() -> services.deleteModel.delete(ALICE, M1))
        .isInstanceOf(ConflictException.class)
        .hasMessageNotContaining("ws-b")
        .hasMessageNotContaining("derived");
    assertThat(services.models.find(WS_A, name("m1"))).isPresent();
  }
}
