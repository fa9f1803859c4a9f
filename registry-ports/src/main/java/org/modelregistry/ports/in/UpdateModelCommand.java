package org.modelregistry.ports.in;

import java.util.Objects;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.model.ModelPatch;

/** Apply {@code patch} to model {@code modelId} as {@code actor}. */
public record UpdateModelCommand(Actor actor, String modelId, ModelPatch patch) {
  public UpdateModelCommand {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(patch, "patch");
  }
}
