package org.modelregistry.ports.in;

import java.util.Objects;
import org.modelregistry.ports.in.workspace.AddModelAdapterUseCase;
import org.modelregistry.ports.in.workspace.CreateFilesetUseCase;
import org.modelregistry.ports.in.workspace.CreateModelEntityUseCase;
import org.modelregistry.ports.in.workspace.DeleteFilesetFileUseCase;
import org.modelregistry.ports.in.workspace.DeleteFilesetUseCase;
import org.modelregistry.ports.in.workspace.DeleteModelAdapterUseCase;
import org.modelregistry.ports.in.workspace.DeleteModelEntityUseCase;
import org.modelregistry.ports.in.workspace.GetFilesetUseCase;
import org.modelregistry.ports.in.workspace.GetModelEntityUseCase;
import org.modelregistry.ports.in.workspace.ListFilesetFilesUseCase;
import org.modelregistry.ports.in.workspace.ListFilesetsUseCase;
import org.modelregistry.ports.in.workspace.ListModelEntitiesUseCase;
import org.modelregistry.ports.in.workspace.PatchFilesetUseCase;
import org.modelregistry.ports.in.workspace.PatchModelEntityUseCase;
import org.modelregistry.ports.in.workspace.PutFilesetFileUseCase;
import org.modelregistry.ports.in.workspace.ReadFilesetFileUseCase;
import org.modelregistry.ports.in.workspace.UpdateModelAdapterUseCase;

/**
 * The driving ports of the workspace model entity API ({@code /apis/models/v2/workspaces/...}) and
 * of the fileset API ({@code /apis/files/v2/workspaces/.../filesets}), the files of filesets
 * included.
 */
public record WorkspaceUseCases(
    CreateModelEntityUseCase createModel,
    GetModelEntityUseCase getModel,
    ListModelEntitiesUseCase listModels,
    PatchModelEntityUseCase patchModel,
    DeleteModelEntityUseCase deleteModel,
    AddModelAdapterUseCase addAdapter,
    UpdateModelAdapterUseCase updateAdapter,
    DeleteModelAdapterUseCase deleteAdapter,
    CreateFilesetUseCase createFileset,
    GetFilesetUseCase getFileset,
    ListFilesetsUseCase listFilesets,
    PatchFilesetUseCase patchFileset,
    DeleteFilesetUseCase deleteFileset,
    PutFilesetFileUseCase putFilesetFile,
    ReadFilesetFileUseCase readFilesetFile,
    DeleteFilesetFileUseCase deleteFilesetFile,
    ListFilesetFilesUseCase listFilesetFiles) {

  public WorkspaceUseCases {
    Objects.requireNonNull(createModel, "createModel");
    Objects.requireNonNull(getModel, "getModel");
    Objects.requireNonNull(listModels, "listModels");
    Objects.requireNonNull(patchModel, "patchModel");
    Objects.requireNonNull(deleteModel, "deleteModel");
    Objects.requireNonNull(addAdapter, "addAdapter");
    Objects.requireNonNull(updateAdapter, "updateAdapter");
    Objects.requireNonNull(deleteAdapter, "deleteAdapter");
    Objects.requireNonNull(createFileset, "createFileset");
    Objects.requireNonNull(getFileset, "getFileset");
    Objects.requireNonNull(listFilesets, "listFilesets");
    Objects.requireNonNull(patchFileset, "patchFileset");
    Objects.requireNonNull(deleteFileset, "deleteFileset");
    Objects.requireNonNull(putFilesetFile, "putFilesetFile");
    Objects.requireNonNull(readFilesetFile, "readFilesetFile");
    Objects.requireNonNull(deleteFilesetFile, "deleteFilesetFile");
    Objects.requireNonNull(listFilesetFiles, "listFilesetFiles");
  }
}
