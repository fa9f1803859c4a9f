package org.modelregistry.application.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.application.workspace.WorkspaceServices.filesetRef;

import org.junit.jupiter.api.Test;
import org.modelregistry.domain.naming.FilePath;

class FilesetStorageLayoutTest {

  @Test
  void givenAFileset_folderAndFile_liveBelowFilesetsWorkspaceName() {
    assertThat(FilesetStorageLayout.folder(filesetRef("ckpt")))
        .isEqualTo(new FilePath("filesets/team/ckpt"));
    assertThat(FilesetStorageLayout.file(filesetRef("ckpt"), new FilePath("a/b.json")))
        .isEqualTo(new FilePath("filesets/team/ckpt/a/b.json"));
  }

  @Test
  void givenFilesOfTwoFilesetsWithACommonPrefix_files_listsOnlyTheOnesOfTheFileset() {
    var services = new WorkspaceServices();
    services.storeFile(filesetRef("ckpt"), "b.json", "{}");
    services.storeFile(filesetRef("ckpt"), "a/x.bin", "x");
    services.storeFile(filesetRef("ckpt2"), "c.json", "{}");

    assertThat(FilesetStorageLayout.files(services.store, filesetRef("ckpt")))
        .containsExactly(new FilePath("a/x.bin"), new FilePath("b.json"));
  }
}
