package org.modelregistry.ports.in;

import java.util.Objects;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.model.ModelPatch;

/** Apply {@code patch} to model {@code modelId} as {@code caller}. */
public record UpdateModelCommand(Caller caller, String modelId, ModelPatch patch) {
  public UpdateModelCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(patch, "patch");
  }
}
