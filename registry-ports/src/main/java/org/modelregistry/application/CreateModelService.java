package org.modelregistry.application;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.modelregistry.domain.model.Model;
import org.modelregistry.domain.template.Template;
import org.modelregistry.ports.in.CreateModelCommand;
import org.modelregistry.ports.in.CreateModelUseCase;
import org.modelregistry.ports.out.IdGenerator;
import org.modelregistry.ports.out.ModelRepository;
import org.modelregistry.ports.out.TemplateRepository;
import org.modelregistry.ports.out.TransactionRunner;

/** Creates models, checking them against their template inside one transaction. */
public final class CreateModelService implements CreateModelUseCase {

  private final ModelRepository models;
  private final TemplateRepository templates;
  private final TransactionRunner transactions;
  private final IdGenerator ids;
  private final Clock clock;

  public CreateModelService(
      ModelRepository models,
      TemplateRepository templates,
      TransactionRunner transactions,
      IdGenerator ids,
      Clock clock) {
    this.models = Objects.requireNonNull(models);
    this.templates = Objects.requireNonNull(templates);
    this.transactions = Objects.requireNonNull(transactions);
    this.ids = Objects.requireNonNull(ids);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public Model createModel(CreateModelCommand command) {
    // The template is read and the model inserted in one transaction, so a template deleted
    // in between cannot leave a model pointing at nothing.
    command.caller().requireAccount(command.definition().accountId());
    return transactions.inTransaction(
        () -> {
          Optional<Template> template =
              Optional.ofNullable(command.definition().modelTemplateId())
                  .flatMap(templates::findById)
                  // A template the caller may not see is as unknown as one that does not exist.
                  .filter(t -> t.isVisibleTo(command.caller()));
          Model model =
              Model.create(
                  ids.newId(),
                  command.definition(),
                  template,
                  command.caller().requireActor(),
                  Timestamps.now(clock));
          models.insert(model);
          return model;
        });
  }
}
