package org.modelregistry.ports.in;

import java.util.Objects;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.template.TemplateDefinition;

/** Create a template as {@code actor}. */
public record CreateTemplateCommand(Actor actor, TemplateDefinition definition) {
  public CreateTemplateCommand {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(definition, "definition");
  }
}
