package org.modelregistry.ports.in;

import java.util.Objects;

/**
 * Every driving port of the registry, bundled so that wiring passes them in one piece: to the HTTP
 * API, or to an application that embeds the registry (see {@code
 * org.modelregistry.application.Registry}).
 */
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
