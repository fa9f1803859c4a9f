package org.modelregistry.adapter.http;

import java.util.Objects;
import org.modelregistry.ports.in.CreateModelUseCase;
import org.modelregistry.ports.in.CreateTemplateUseCase;
import org.modelregistry.ports.in.DeleteModelUseCase;
import org.modelregistry.ports.in.DeleteTemplateUseCase;
import org.modelregistry.ports.in.GetModelUseCase;
import org.modelregistry.ports.in.GetTemplateUseCase;
import org.modelregistry.ports.in.ListModelsUseCase;
import org.modelregistry.ports.in.ListTemplatesUseCase;
import org.modelregistry.ports.in.UpdateModelUseCase;

/** The driving ports the HTTP API calls, bundled so that wiring passes them in one piece. */
public record RegistryUseCases(
    CreateTemplateUseCase createTemplate,
    GetTemplateUseCase getTemplate,
    ListTemplatesUseCase listTemplates,
    DeleteTemplateUseCase deleteTemplate,
    CreateModelUseCase createModel,
    GetModelUseCase getModel,
    ListModelsUseCase listModels,
    UpdateModelUseCase updateModel,
    DeleteModelUseCase deleteModel,
    RegistrationUseCases registration,
    WorkspaceUseCases workspace,
    IdentityUseCases identity) {

  public RegistryUseCases {
    Objects.requireNonNull(createTemplate, "createTemplate");
    Objects.requireNonNull(getTemplate, "getTemplate");
    Objects.requireNonNull(listTemplates, "listTemplates");
    Objects.requireNonNull(deleteTemplate, "deleteTemplate");
    Objects.requireNonNull(createModel, "createModel");
    Objects.requireNonNull(getModel, "getModel");
    Objects.requireNonNull(listModels, "listModels");
    Objects.requireNonNull(updateModel, "updateModel");
    Objects.requireNonNull(deleteModel, "deleteModel");
    Objects.requireNonNull(registration, "registration");
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(identity, "identity");
  }
}
