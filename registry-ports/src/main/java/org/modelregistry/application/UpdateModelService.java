package org.modelregistry.application;

import java.util.Objects;
import java.util.Optional;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.model.Model;
import org.modelregistry.domain.template.Template;
import org.modelregistry.ports.in.UpdateModelCommand;
import org.modelregistry.ports.in.UpdateModelUseCase;
import org.modelregistry.ports.out.ModelRepository;
import org.modelregistry.ports.out.TemplateRepository;
import org.modelregistry.ports.out.TransactionRunner;

/** Applies partial updates to models, re-checking them against their template. */
public final class UpdateModelService implements UpdateModelUseCase {

  private final ModelRepository models;
  private final TemplateRepository templates;
  private final TransactionRunner transactions;

  public UpdateModelService(
      ModelRepository models, TemplateRepository templates, TransactionRunner transactions) {
    this.models = Objects.requireNonNull(models);
    this.templates = Objects.requireNonNull(templates);
    this.transactions = Objects.requireNonNull(transactions);
  }

  @Override
  public Model updateModel(UpdateModelCommand command) {
    return transactions.inTransaction(
        () -> {
          Model current =
              models
                  .findById(command.modelId())
                  .filter(model -> model.isVisibleTo(command.caller()))
                  .orElseThrow(() -> NotFoundException.of("model", command.modelId()));
          command.caller().requireAccount(current.accountId());
          Optional<Template> template =
              Optional.ofNullable(current.definition().modelTemplateId())
                  .flatMap(templates::findById);
          Model updated = current.apply(command.patch(), template);
          if (!models.update(updated)) {
            throw NotFoundException.of("model", command.modelId());
          }
          return updated;
        });
  }
}
