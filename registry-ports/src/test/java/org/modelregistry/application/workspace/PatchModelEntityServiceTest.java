package org.modelregistry.application.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.application.workspace.CreateModelEntityServiceTest.paths;
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
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.domain.workspace.ModelEntity;
import org.modelregistry.domain.workspace.ModelEntityPatch;
import org.modelregistry.domain.workspace.ModelRef;
import org.modelregistry.domain.workspace.ProjectName;

class PatchModelEntityServiceTest {

  private final WorkspaceServices services = new WorkspaceServices();

  private static ModelEntityPatch patch(
      String description, FilesetRef fileset, ModelRef baseModel, Boolean trust) {
    return new ModelEntityPatch(
        description,
        null,
        baseModel,
        null,
        null,
        fileset,
        null,
        null,
        null,
        trust,
        null,
        null,
        null);
  }

  @Test
  void givenAPatch_patch_changesOnlyItsFieldsAndMovesUpdatedAt() {
    services.model("m1");
    services.clock.advanceSeconds(60);
    var projectOnly =
        new ModelEntityPatch(
            null,
            new ProjectName("p/q"),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);

    ModelEntity patched = services.patchModel.patch(USER, modelRef("m1"), projectOnly);

    assertThat(patched.definition().project()).isEqualTo(new ProjectName("p/q"));
    assertThat(patched.definition().description()).isEqualTo("desc");
    assertThat(patched.createdAt()).isEqualTo(T0);
    assertThat(patched.updatedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(services.models.find(WS, name("m1"))).contains(patched);
  }

  @Test
  void givenNoSuchModel_patch_isNotFound() {
    assertThatThrownBy(
            () -> services.patchModel.patch(USER, modelRef("nope"), ModelEntityPatch.empty()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void givenAMissingFileset_patch_isAViolationAtFileset() {
    services.model("m1");

    assertThatThrownBy(
            () ->
                services.patchModel.patch(
                    USER, modelRef("m1"), patch(null, filesetRef("nope"), null, null)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(paths(e)).containsExactly(List.of("fileset")));
  }

  @Test
  void givenAMissingBaseModel_patch_isAViolationAtBaseModel() {
    services.model("m1");

    assertThatThrownBy(
            () ->
                services.patchModel.patch(
                    USER, modelRef("m1"), patch(null, null, modelRef("nope"), null)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(paths(e)).containsExactly(List.of("base_model")));
  }

  @Test
  void givenItselfAsBaseModel_patch_isAViolationAtBaseModel() {
    services.model("m1");

    assertThatThrownBy(
            () ->
                services.patchModel.patch(
                    USER, modelRef("m1"), patch(null, null, modelRef("m1"), null)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(paths(e)).containsExactly(List.of("base_model")));
  }

  @Test
  void givenAnExistingBaseModel_patch_setsIt() {
    services.model("base");
    services.model("m1");

    ModelEntity patched =
        services.patchModel.patch(USER, modelRef("m1"), patch(null, null, modelRef("base"), null));

    assertThat(patched.definition().baseModel()).isEqualTo(modelRef("base"));
  }

  static Stream<Arguments> trustMatrix() {
    var rows = new ArrayList<Arguments>();
    for (String source : List.of("approved", "unapproved", "local")) {
      for (boolean admin : List.of(false, true)) {
        for (boolean flag : List.of(false, true)) {
          boolean allowed = !flag || admin || source.equals("approved");
          rows.add(Arguments.of(source, admin, flag, allowed));
        }
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "new fileset source={0} admin={1} trust_remote_code={2} -> {3}")
  @MethodSource("trustMatrix")
  void givenTheTrustMatrix_patchOfFilesetAndFlag_allowsTheFlagOnlyForApprovedSourcesOrAdmins(
      String source, boolean admin, boolean flag, boolean allowed) {
    services.model("m1");
    var fileset =
        services
            .fileset(
                "fs",
                switch (source) {
                  case "approved" -> APPROVED;
                  case "unapproved" -> UNAPPROVED;
                  default -> null;
                })
            .ref();
    Caller caller = admin ? ADMIN : USER;
    ModelEntityPatch change = patch(null, fileset, null, flag);

    if (allowed) {
      ModelEntity patched = services.patchModel.patch(caller, modelRef("m1"), change);
      assertThat(patched.definition().trustRemoteCode()).isEqualTo(flag);
      assertThat(patched.definition().fileset()).isEqualTo(fileset);
    } else {
      assertThatThrownBy(() -> services.patchModel.patch(caller, modelRef("m1"), change))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> assertThat(paths(e)).containsExactly(List.of("trust_remote_code")));
      assertThat(services.models.find(WS, name("m1")).orElseThrow().definition().fileset())
          .isNull();
    }
  }

  @Test
  void givenTheFlagTurnedOnForAnUnapprovedFileset_patch_isRefusedForUsersAndAllowedForAdmins() {
    var fs = services.fileset("fs", UNAPPROVED).ref();
    services.createModel.create(USER, WS, definition("m1", fs, false));

    assertThatThrownBy(
            () -> services.patchModel.patch(USER, modelRef("m1"), patch(null, null, null, true)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(paths(e)).containsExactly(List.of("trust_remote_code")));
    assertThat(
            services
                .patchModel
                .patch(ADMIN, modelRef("m1"), patch(null, null, null, true))
                .definition()
                .trustRemoteCode())
        .isTrue();
  }

  @Test
  void givenAFilesetSwitchToAnUnapprovedSourceWhileTrusting_patch_isRefused() {
    var approved = services.fileset("good", APPROVED).ref();
    var unapproved = services.fileset("bad", UNAPPROVED).ref();
    services.createModel.create(USER, WS, definition("m1", approved, true));

    assertThatThrownBy(
            () ->
                services.patchModel.patch(
                    USER, modelRef("m1"), patch(null, unapproved, null, null)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(paths(e)).containsExactly(List.of("trust_remote_code")));
  }

  @Test
  void givenAPatchThatChangesNeitherFilesetNorFlag_patch_skipsTheTrustCheck() {
    // An admin set the flag on an unapproved source; a user may still edit other fields, and may
    // restate the same fileset and flag.
    var fs = services.fileset("fs", UNAPPROVED).ref();
    services.createModel.create(ADMIN, WS, definition("m1", fs, true));

    ModelEntity patched =
        services.patchModel.patch(USER, modelRef("m1"), patch("new description", fs, null, true));

    assertThat(patched.definition().description()).isEqualTo("new description");
    assertThat(patched.definition().trustRemoteCode()).isTrue();
  }

  @Test
  void givenAnUnchangedMissingReference_patch_doesNotCheckItAgain() {
    services.model("base");
    services.createModel.create(USER, WS, definition("m1", null, modelRef("base"), false));
    // Deleting through the service is refused now; a reference left dangling before that rule
    // existed is made by removing the row directly.
    services.models.delete(WS, name("base"));

    ModelEntity patched =
        services.patchModel.patch(USER, modelRef("m1"), patch("x", null, modelRef("base"), null));

    assertThat(patched.definition().description()).isEqualTo("x");
  }

  @Test
  void givenANewLocalFilesetAndNoSpec_patch_derivesTheSpecFromItsFiles() {
    services.model("m1");
    var fs = services.fileset("ckpt", null).ref();
    services.storeFile(fs, "config.json", "{}");

    ModelEntity patched =
        services.patchModel.patch(USER, modelRef("m1"), patch(null, fs, null, null));

    assertThat(patched.definition().spec()).isEqualTo(DERIVED);
    assertThat(services.deriveSpec.calls).hasSize(1);
    assertThat(services.deriveSpec.calls.getFirst().files())
        .containsExactly(new FilePath("config.json"));
  }

  @Test
  void givenTheSameFileset_patch_derivesNothing() {
    var fs = services.fileset("remote", APPROVED).ref();
    services.createModel.create(USER, WS, definition("m1", fs, false));
    services.deriveSpec.calls.clear();

    services.patchModel.patch(USER, modelRef("m1"), patch(null, fs, null, null));

    assertThat(services.deriveSpec.calls).isEmpty();
  }
}
