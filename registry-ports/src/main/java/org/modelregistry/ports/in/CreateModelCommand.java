package org.modelregistry.ports.in;

import java.util.Objects;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.model.ModelDefinition;

/** Create a model as {@code caller}, in an account it belongs to. */
public record CreateModelCommand(Caller caller, ModelDefinition definition) {
  public CreateModelCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(definition, "definition");
  }
}
