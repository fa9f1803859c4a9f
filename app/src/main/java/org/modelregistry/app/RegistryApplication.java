package org.modelregistry.app;

import java.time.Clock;
import org.modelregistry.adapter.http.HttpApi;
import org.modelregistry.adapter.http.HttpSettings;
import org.modelregistry.adapter.http.RegistryUseCases;
import org.modelregistry.adapter.http.RunningHttpApi;
import org.modelregistry.adapter.persistence.Database;
import org.modelregistry.application.CreateModelService;
import org.modelregistry.application.CreateTemplateService;
import org.modelregistry.application.DeleteModelService;
import org.modelregistry.application.DeleteTemplateService;
import org.modelregistry.application.GetModelService;
import org.modelregistry.application.GetTemplateService;
import org.modelregistry.application.ListModelsService;
import org.modelregistry.application.ListTemplatesService;
import org.modelregistry.application.UpdateModelService;
import org.modelregistry.ports.out.IdGenerator;
import org.modelregistry.ports.out.ModelRepository;
import org.modelregistry.ports.out.TemplateRepository;
import org.modelregistry.ports.out.TransactionRunner;

/**
 * The composition root: opens the database, builds one service per use case on top of it, and
 * serves them over HTTP. Closing it stops the server, then releases the database.
 */
public final class RegistryApplication implements AutoCloseable {

  private final Database database;
  private final RunningHttpApi server;

  private RegistryApplication(Database database, RunningHttpApi server) {
    this.database = database;
    this.server = server;
  }

  /** Starts a registry with these settings; the database is migrated before the port opens. */
  public static RegistryApplication start(RegistrySettings settings) {
    Database database = Database.open(settings.databaseUrl());
    try {
      RegistryUseCases useCases =
          useCases(
              database.templates(),
              database.models(),
              database.transactions(),
              new UuidIdGenerator(),
              Clock.systemUTC());
      RunningHttpApi server =
          HttpApi.start(
              new HttpSettings(settings.maxRequestBodyBytes(), settings.localIdentity()),
              useCases,
              settings.host(),
              settings.port());
      return new RegistryApplication(database, server);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** Every use case, implemented by its service over the given driven ports. */
  static RegistryUseCases useCases(
      TemplateRepository templates,
      ModelRepository models,
      TransactionRunner transactions,
      IdGenerator ids,
      Clock clock) {
    return new RegistryUseCases(
        new CreateTemplateService(templates, transactions, ids, clock),
        new GetTemplateService(templates),
        new ListTemplatesService(templates),
        new DeleteTemplateService(templates),
        new CreateModelService(models, templates, transactions, ids, clock),
        new GetModelService(models),
        new ListModelsService(models),
        new UpdateModelService(models, templates, transactions),
        new DeleteModelService(models));
  }

  /** The port the server listens on (useful when it was started on port 0). */
  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      database.close();
    }
  }
}
