package org.modelregistry.ports.in;

import java.util.Objects;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.template.TemplateDefinition;

/** Create a template as {@code caller}, in an account it belongs to. */
public record CreateTemplateCommand(Caller caller, TemplateDefinition definition) {
  public CreateTemplateCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(definition, "definition");
  }
}
