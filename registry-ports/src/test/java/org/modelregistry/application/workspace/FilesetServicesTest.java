package org.modelregistry.application.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.application.workspace.WorkspaceServices.APPROVED;
import static org.modelregistry.application.workspace.WorkspaceServices.T0;
import static org.modelregistry.application.workspace.WorkspaceServices.USER;
import static org.modelregistry.application.workspace.WorkspaceServices.WS;
import static org.modelregistry.application.workspace.WorkspaceServices.definition;
import static org.modelregistry.application.workspace.WorkspaceServices.filesetRef;
import static org.modelregistry.application.workspace.WorkspaceServices.modelRef;
import static org.modelregistry.application.workspace.WorkspaceServices.name;
import static org.modelregistry.application.workspace.WorkspaceServices.newFileset;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.workspace.Fileset;
import org.modelregistry.domain.workspace.FilesetPatch;
import org.modelregistry.domain.workspace.FilesetPurpose;
import org.modelregistry.domain.workspace.FilesetStorage;
import org.modelregistry.domain.workspace.FinetuningType;
import org.modelregistry.ports.in.workspace.FilesetQuery;
import org.modelregistry.ports.in.workspace.NewFileset;
import org.modelregistry.ports.in.workspace.NewModelAdapter;

/** The fileset services: create, get, list, patch, delete. */
class FilesetServicesTest {

  private final WorkspaceServices services = new WorkspaceServices();

  @Test
  void givenAFreeName_create_storesTheFilesetWithLocalStorageByDefault() {
    Fileset created = services.createFileset.create(USER, newFileset("fs", null));

    assertThat(created.storage()).isEqualTo(new FilesetStorage.Local());
    assertThat(created.purpose()).isEqualTo(FilesetPurpose.MODEL);
    assertThat(created.metadata()).containsEntry("k", "v");
    assertThat(created.createdAt()).isEqualTo(T0).isEqualTo(created.updatedAt());
    assertThat(services.getFileset.get(USER, filesetRef("fs"))).isEqualTo(created);
  }

  @Test
  void givenATakenName_create_isAConflict() {
    services.fileset("fs", null);

    assertThatThrownBy(() -> services.createFileset.create(USER, newFileset("fs", APPROVED)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("fs");
  }

  @Test
  void givenATooLongDescription_create_isAViolation() {
    var tooLong =
        new NewFileset(
            WS, name("fs"), "x".repeat(Fileset.DESCRIPTION_MAX + 1), null, null, null, null, null);

    assertThatThrownBy(() -> services.createFileset.create(USER, tooLong))
        .isInstanceOf(ValidationException.class);
    assertThat(services.filesets.find(WS, name("fs"))).isEmpty();
  }

  @Test
  void givenNoSuchFileset_get_isNotFound() {
    assertThatThrownBy(() -> services.getFileset.get(USER, filesetRef("nope")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("team/nope");
  }

  @Test
  void givenFilesets_list_returnsThoseOfTheWorkspace() {
    services.fileset("a", null);
    services.fileset("b", APPROVED);
    services.createFileset.create(
        USER,
        new NewFileset(
            new org.modelregistry.domain.workspace.WorkspaceName("other"),
            name("c"),
            null,
            null,
            null,
            null,
            null,
            null));

    var page = services.listFilesets.list(USER, FilesetQuery.all(WS));

    assertThat(page.items()).extracting(f -> f.name().value()).containsExactly("a", "b");
    assertThat(page.totalItemCount()).isEqualTo(2);
  }

  @Test
  void givenAPatch_patch_changesItsFieldsOnlyAndMovesUpdatedAt() {
    Fileset created = services.fileset("fs", APPROVED);
    services.clock.advanceSeconds(30);

    Fileset patched =
        services.patchFileset.patch(
            USER,
            filesetRef("fs"),
            new FilesetPatch("new", null, FilesetPurpose.DATASET, Map.of("x", 1), null));

    assertThat(patched.description()).isEqualTo("new");
    assertThat(patched.project()).isEqualTo("proj");
    assertThat(patched.purpose()).isEqualTo(FilesetPurpose.DATASET);
    assertThat(patched.metadata()).isEqualTo(Map.of("x", 1));
    assertThat(patched.storage()).isEqualTo(created.storage());
    assertThat(patched.createdAt()).isEqualTo(T0);
    assertThat(patched.updatedAt()).isEqualTo(T0.plusSeconds(30));
    assertThat(services.getFileset.get(USER, filesetRef("fs"))).isEqualTo(patched);
  }

  @Test
  void givenNoSuchFileset_patch_isNotFound() {
    assertThatThrownBy(
            () ->
                services.patchFileset.patch(
                    USER, filesetRef("nope"), new FilesetPatch("x", null, null, null, null)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void givenAnUnusedFileset_delete_removesItAndItsFilesOnly() {
    var fs = services.fileset("fs", null).ref();
    var kept = services.fileset("fs2", null).ref();
    services.storeFile(fs, "config.json", "{}");
    services.storeFile(fs, "weights/a.safetensors", "xx");
    services.storeFile(kept, "config.json", "{}");

    services.deleteFileset.delete(USER, fs);

    assertThat(services.filesets.find(WS, name("fs"))).isEmpty();
    assertThat(services.store.list(FilesetStorageLayout.folder(fs))).isEmpty();
    assertThat(FilesetStorageLayout.files(services.store, kept))
        .containsExactly(new FilePath("config.json"));
  }

  @Test
  void givenAFilesetUsedByAModel_delete_isAConflictAndKeepsEverything() {
    var fs = services.fileset("fs", null).ref();
    services.storeFile(fs, "config.json", "{}");
    services.createModel.create(USER, WS, definition("m1", fs, false));

    assertThatThrownBy(() -> services.deleteFileset.delete(USER, fs))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("team/fs");
    assertThat(services.filesets.find(WS, name("fs"))).isPresent();
    assertThat(FilesetStorageLayout.files(services.store, fs)).hasSize(1);
  }

  @Test
  void givenAFilesetUsedByAnAdapter_delete_isAConflict() {
    services.model("m1");
    var fs = services.fileset("lora", null).ref();
    services.addAdapter.add(
        USER,
        modelRef("m1"),
        new NewModelAdapter(name("a1"), null, fs, FinetuningType.LORA, true, null));

    assertThatThrownBy(() -> services.deleteFileset.delete(USER, fs))
        .isInstanceOf(ConflictException.class);
    assertThat(services.filesets.find(WS, name("lora"))).isPresent();
  }

  @Test
  void givenNoSuchFileset_delete_isNotFound() {
    assertThatThrownBy(() -> services.deleteFileset.delete(USER, filesetRef("nope")))
        .isInstanceOf(NotFoundException.class);
  }
}
