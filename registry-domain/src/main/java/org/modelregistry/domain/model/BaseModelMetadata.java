package org.modelregistry.domain.model;

/** Catalogue information about the base model a model derives from; every field optional. */
public record BaseModelMetadata(
    UiModelSectionType uiModelSectionType,
    String modelDeveloper,
    String modelLicenseUrl,
    String deliveryDate,
    BaseModelDetails modelDetails) {}
