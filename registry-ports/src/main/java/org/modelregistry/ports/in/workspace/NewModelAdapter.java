package org.modelregistry.ports.in.workspace;

import org.modelregistry.domain.workspace.EntityName;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.domain.workspace.FinetuningType;
import org.modelregistry.domain.workspace.LoraConfig;

/**
 * An adapter as a caller adds it to a model entity; the domain checks the required fields when the
 * adapter is created.
 *
 * @param enabled null means true
 */
public record NewModelAdapter(
    EntityName name,
    String description,
    FilesetRef fileset,
    FinetuningType finetuningType,
    Boolean enabled,
    LoraConfig loraConfig) {}
