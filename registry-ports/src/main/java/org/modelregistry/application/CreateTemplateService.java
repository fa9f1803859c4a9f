package org.modelregistry.application;

import java.time.Clock;
import java.util.Objects;
import org.modelregistry.domain.template.Template;
import org.modelregistry.ports.in.CreateTemplateCommand;
import org.modelregistry.ports.in.CreateTemplateUseCase;
import org.modelregistry.ports.out.IdGenerator;
import org.modelregistry.ports.out.TemplateRepository;

/** Creates templates. */
public final class CreateTemplateService implements CreateTemplateUseCase {

  private final TemplateRepository templates;
  private final IdGenerator ids;
  private final Clock clock;

  public CreateTemplateService(TemplateRepository templates, IdGenerator ids, Clock clock) {
    this.templates = Objects.requireNonNull(templates);
    this.ids = Objects.requireNonNull(ids);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public Template createTemplate(CreateTemplateCommand command) {
    Template template =
        Template.create(ids.newId(), command.definition(), command.actor(), Timestamps.now(clock));
    templates.insert(template);
    return template;
  }
}
