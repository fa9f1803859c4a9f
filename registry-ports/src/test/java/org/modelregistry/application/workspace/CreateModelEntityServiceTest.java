package org.modelregistry.application.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.application.workspace.WorkspaceServices.ADMIN;
import static org.modelregistry.application.workspace.WorkspaceServices.APPROVED;
import static org.modelregistry.application.workspace.WorkspaceServices.DERIVED;
import static org.modelregistry.application.workspace.WorkspaceServices.T0;
import static org.modelregistry.application.workspace.WorkspaceServices.UNAPPROVED;
import static org.modelregistry.application.workspace.WorkspaceServices.USER;
import static org.modelregistry.application.workspace.WorkspaceServices.WS;
import static org.modelregistry.application.workspace.WorkspaceServices.definition;
import static org.modelregistry.application.workspace.WorkspaceServices.filesetRef;
import static org.modelregistry.application.workspace.WorkspaceServices.modelRef;
import static org.modelregistry.application.workspace.WorkspaceServices.name;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.error.Violation;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.spec.ModelSpec;
import org.modelregistry.domain.workspace.FilesetStorage;
import org.modelregistry.domain.workspace.ModelEntity;
import org.modelregistry.domain.workspace.ModelEntityDefinition;
import org.modelregistry.domain.workspace.TrustRemoteCodePolicy;

class CreateModelEntityServiceTest {

  private final WorkspaceServices services = new WorkspaceServices();

  @Test
  void givenAFreeName_create_storesTheEntityWithoutAdaptersStampedNow() {
    ModelEntity created = services.createModel.create(USER, WS, definition("m1", null, false));

    assertThat(created.workspace()).isEqualTo(WS);
    assertThat(created.name()).isEqualTo(name("m1"));
    assertThat(created.adapters()).isEmpty();
    assertThat(created.createdAt()).isEqualTo(T0).isEqualTo(created.updatedAt());
    assertThat(created.definition().spec()).isNull();
    assertThat(services.models.find(WS, name("m1"))).contains(created);
  }

  @Test
  void givenATakenName_create_isAConflict() {
    services.model("m1");

    assertThatThrownBy(() -> services.createModel.create(USER, WS, definition("m1", null, false)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("m1");
  }

  @Test
  void givenTheSameNameInAnotherWorkspace_create_succeeds() {
    services.model("m1");
    var other = new org.modelregistry.domain.workspace.WorkspaceName("other");

    ModelEntity created = services.createModel.create(USER, other, definition("m1", null, false));

    assertThat(created.workspace()).isEqualTo(other);
  }

  @Test
  void givenAMissingFileset_create_isAViolationAtFileset() {
    assertThatThrownBy(
            () ->
                services.createModel.create(USER, WS, definition("m1", filesetRef("nope"), false)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(paths(e)).containsExactly(List.of("fileset")));
    assertThat(services.models.find(WS, name("m1"))).isEmpty();
  }

  @Test
  void givenAMissingBaseModel_create_isAViolationAtBaseModel() {
    assertThatThrownBy(
            () ->
                services.createModel.create(
                    USER, WS, definition("m1", null, modelRef("nope"), false)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(paths(e)).containsExactly(List.of("base_model")));
  }

  @Test
  void givenAnExistingBaseModelAndFileset_create_keepsTheirReferences() {
    services.model("base");
    services.fileset("fs", APPROVED);

    ModelEntity created =
        services.createModel.create(
            USER, WS, definition("m1", filesetRef("fs"), modelRef("base"), false));

    assertThat(created.definition().baseModel()).isEqualTo(modelRef("base"));
    assertThat(created.definition().fileset()).isEqualTo(filesetRef("fs"));
  }

  @Test
  void givenSeveralBrokenRules_create_reportsThemAll() {
    assertThatThrownBy(
            () ->
                services.createModel.create(
                    USER, WS, definition("m1", filesetRef("nope"), modelRef("nope"), true)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(paths(e))
                    .containsExactlyInAnyOrder(
                        List.of("fileset"), List.of("base_model"), List.of("trust_remote_code")));
  }

  static Stream<Arguments> trustMatrix() {
    var rows = new ArrayList<Arguments>();
    for (String source : List.of("approved", "unapproved", "local", "none")) {
      for (boolean admin : List.of(false, true)) {
        for (boolean flag : List.of(false, true)) {
          boolean allowed = !flag || admin || source.equals("approved");
          rows.add(Arguments.of(source, admin, flag, allowed));
        }
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "source={0} admin={1} trust_remote_code={2} -> allowed={3}")
  @MethodSource("trustMatrix")
  void givenTheTrustMatrix_create_allowsTheFlagOnlyForApprovedSourcesOrAdmins(
      String source, boolean admin, boolean flag, boolean allowed) {
    var fileset =
        switch (source) {
          case "approved" -> services.fileset("fs", APPROVED).ref();
          case "unapproved" -> services.fileset("fs", UNAPPROVED).ref();
          case "local" -> services.fileset("fs", null).ref();
          default -> null;
        };
    Caller caller = admin ? ADMIN : USER;
    ModelEntityDefinition definition = definition("m1", fileset, flag);

    if (allowed) {
      assertThat(services.createModel.create(caller, WS, definition).definition().trustRemoteCode())
          .isEqualTo(flag);
    } else {
      assertThatThrownBy(() -> services.createModel.create(caller, WS, definition))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> {
                assertThat(paths(e)).containsExactly(List.of("trust_remote_code"));
                assertThat(e.violations().getFirst().type())
                    .isEqualTo(TrustRemoteCodePolicy.NOT_ALLOWED);
              });
      assertThat(services.models.find(WS, name("m1"))).isEmpty();
    }
  }

  @Test
  void givenALocalFilesetWithFilesAndNoSpec_create_derivesTheSpecFromItsFiles() {
    var fs = services.fileset("ckpt", null).ref();
    services.storeFile(fs, "config.json", "{}");
    services.storeFile(fs, "weights/model.safetensors", "xx");
    services.storeFile(filesetRef("ckpt-other"), "config.json", "{}");

    ModelEntity created = services.createModel.create(USER, WS, definition("m1", fs, false));

    assertThat(created.definition().spec()).isEqualTo(DERIVED);
    assertThat(services.deriveSpec.calls).hasSize(1);
    var call = services.deriveSpec.calls.getFirst();
    assertThat(call.checkpointModelName()).isEqualTo("m1");
    assertThat(call.files())
        .containsExactly(new FilePath("config.json"), new FilePath("weights/model.safetensors"));
    // The source reads this fileset's files, not the other fileset's.
    assertThat(call.source().size(new FilePath("weights/model.safetensors"))).hasValue(2);
    assertThat(services.models.find(WS, name("m1")).orElseThrow().definition().spec())
        .isEqualTo(DERIVED);
  }

  @Test
  void givenAStatedSpec_create_keepsItAndDerivesNothing() {
    var fs = services.fileset("ckpt", null).ref();
    services.storeFile(fs, "config.json", "{}");
    var stated =
        new ModelSpec(
            "mine", null, null, null, null, null, null, null, null, null, null, null, null, null,
            null);
    var definition = definition("m1", fs, false).withSpec(stated);

    ModelEntity created = services.createModel.create(USER, WS, definition);

    assertThat(created.definition().spec()).isEqualTo(stated);
    assertThat(services.deriveSpec.calls).isEmpty();
  }

  @Test
  void givenAnExternalFileset_create_derivesTheSpecFromTheSourceWithoutCopyingIt() {
    var fs = services.fileset("remote", APPROVED).ref();

    ModelEntity created = services.createModel.create(USER, WS, definition("m1", fs, false));

    assertThat(created.definition().spec()).isEqualTo(DERIVED);
    var call = services.deriveSpec.calls.getFirst();
    assertThat(call.files()).containsExactly(new FilePath("README.md"));
    assertThat(call.source().size(new FilePath("README.md"))).hasValue("approved".length());
    assertThat(services.store.list(FilesetStorageLayout.folder(fs))).isEmpty();
  }

  @Test
  void givenAnEmptyLocalFileset_create_leavesTheSpecEmpty() {
    var fs = services.fileset("empty", new FilesetStorage.Local()).ref();

    ModelEntity created = services.createModel.create(USER, WS, definition("m1", fs, false));

    assertThat(created.definition().spec()).isNull();
    assertThat(services.deriveSpec.calls).isEmpty();
  }

  @Test
  void givenCorruptCheckpointFiles_create_passesTheDerivationFailureOnAndStoresNothing() {
    var fs = services.fileset("ckpt", null).ref();
    services.storeFile(fs, "config.json", "not json");
    var failing =
        new CreateModelEntityService(
            services.models,
            services.filesets,
            services.contents,
            (checkpoint, folder, files) -> {
              throw ValidationException.of("not JSON", "json_invalid", "files", "config.json");
            },
            WorkspaceServices.POLICY,
            services.transactions,
            services.clock);

    assertThatThrownBy(() -> failing.create(USER, WS, definition("m1", fs, false)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(paths(e)).containsExactly(List.of("files", "config.json")));
    assertThat(services.models.find(WS, name("m1"))).isEmpty();
  }

  static List<List<Object>> paths(ValidationException e) {
    return e.violations().stream().map(Violation::path).toList();
  }
}
