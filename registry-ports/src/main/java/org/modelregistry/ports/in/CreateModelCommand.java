package org.modelregistry.ports.in;

import java.util.Objects;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.model.ModelDefinition;

/** Create a model as {@code actor}. */
public record CreateModelCommand(Actor actor, ModelDefinition definition) {
  public CreateModelCommand {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(definition, "definition");
  }
}
