package org.modelregistry.adapter.http;

import java.util.Objects;
import org.modelregistry.ports.in.workspace.AddModelAdapterUseCase;
import org.modelregistry.ports.in.workspace.CreateModelEntityUseCase;
import org.modelregistry.ports.in.workspace.DeleteModelAdapterUseCase;
import org.modelregistry.ports.in.workspace.DeleteModelEntityUseCase;
import org.modelregistry.ports.in.workspace.GetModelEntityUseCase;
import org.modelregistry.ports.in.workspace.ListModelEntitiesUseCase;
import org.modelregistry.ports.in.workspace.PatchModelEntityUseCase;
import org.modelregistry.ports.in.workspace.UpdateModelAdapterUseCase;

/** The driving ports of the workspace model entity API ({@code /apis/models/v2/workspaces/...}). */
public record WorkspaceUseCases(
    CreateModelEntityUseCase createModel,
    GetModelEntityUseCase getModel,
    ListModelEntitiesUseCase listModels,
    PatchModelEntityUseCase patchModel,
    DeleteModelEntityUseCase deleteModel,
    AddModelAdapterUseCase addAdapter,
    UpdateModelAdapterUseCase updateAdapter,
    DeleteModelAdapterUseCase deleteAdapter) {

  public WorkspaceUseCases {
    Objects.requireNonNull(createModel, "createModel");
    Objects.requireNonNull(getModel, "getModel");
    Objects.requireNonNull(listModels, "listModels");
    Objects.requireNonNull(patchModel, "patchModel");
    Objects.requireNonNull(deleteModel, "deleteModel");
    Objects.requireNonNull(addAdapter, "addAdapter");
    Objects.requireNonNull(updateAdapter, "updateAdapter");
    Objects.requireNonNull(deleteAdapter, "deleteAdapter");
  }
}
