package org.modelregistry.ports.out.contract;

import java.util.Objects;
import org.modelregistry.ports.out.ModelRepository;
import org.modelregistry.ports.out.TemplateRepository;
import org.modelregistry.ports.out.TransactionRunner;

/**
 * The driven ports one contract test runs against, all backed by the same fresh, empty store;
 * closing releases whatever the implementation opened (a database file, a connection).
 */
public record RegistryStores(
    TemplateRepository templates,
    ModelRepository models,
    TransactionRunner transactions,
    AutoCloseable resources)
    implements AutoCloseable {

  public RegistryStores {
    Objects.requireNonNull(templates, "templates");
    Objects.requireNonNull(models, "models");
    Objects.requireNonNull(transactions, "transactions");
    Objects.requireNonNull(resources, "resources");
  }

  /** Stores that hold nothing to release. */
  public static RegistryStores of(
      TemplateRepository templates, ModelRepository models, TransactionRunner transactions) {
    return new RegistryStores(templates, models, transactions, () -> {});
  }

  @Override
  public void close() throws Exception {
    resources.close();
  }
}
