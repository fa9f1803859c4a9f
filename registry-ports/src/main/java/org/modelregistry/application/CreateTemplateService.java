package org.modelregistry.application;

import java.time.Clock;
import java.util.Objects;
import org.modelregistry.domain.template.Template;
import org.modelregistry.ports.in.CreateTemplateCommand;
import org.modelregistry.ports.in.CreateTemplateUseCase;
import org.modelregistry.ports.out.IdGenerator;
import org.modelregistry.ports.out.TemplateRepository;
import org.modelregistry.ports.out.TransactionRunner;

/** Creates templates. */
public final class CreateTemplateService implements CreateTemplateUseCase {

  private final TemplateRepository templates;
  private final TransactionRunner transactions;
  private final IdGenerator ids;
  private final Clock clock;

  public CreateTemplateService(
      TemplateRepository templates, TransactionRunner transactions, IdGenerator ids, Clock clock) {
    this.templates = Objects.requireNonNull(templates);
    this.transactions = Objects.requireNonNull(transactions);
    this.ids = Objects.requireNonNull(ids);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public Template createTemplate(CreateTemplateCommand command) {
    // The creation time is taken inside the write transaction: writers commit one at a time, so
    // rows commit in creation-time order and a keyset cursor can never pass a row still to come.
    command.caller().requireAccount(command.definition().accountId());
    return transactions.inTransaction(
        () -> {
          Template template =
              Template.create(
                  ids.newId(),
                  command.definition(),
                  command.caller().requireActor(),
                  Timestamps.now(clock));
          templates.insert(template);
          return template;
        });
  }
}
