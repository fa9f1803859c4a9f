package org.modelregistry.app;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.modelregistry.adapter.http.ApiKeyAuthentication;
import org.modelregistry.adapter.http.HttpApi;
import org.modelregistry.adapter.http.HttpSettings;
import org.modelregistry.adapter.http.IdentitySource;
import org.modelregistry.adapter.http.Operations;
import org.modelregistry.adapter.http.RunningHttpApi;
import org.modelregistry.adapter.persistence.Database;
import org.modelregistry.adapter.storage.checkpoint.BoundedCheckpointReader;
import org.modelregistry.adapter.storage.external.ExternalFilesetSources;
import org.modelregistry.adapter.storage.fetch.FetchSettings;
import org.modelregistry.adapter.storage.fetch.HttpSourceFetcher;
import org.modelregistry.adapter.storage.local.LocalArtifactStore;
import org.modelregistry.adapter.storage.s3.S3ArtifactStore;
import org.modelregistry.adapter.storage.s3.S3Settings;
import org.modelregistry.application.Registry;
import org.modelregistry.application.identity.BootstrapAdminService;
import org.modelregistry.application.operations.CheckReadinessService;
import org.modelregistry.application.registration.ImportSettings;
import org.modelregistry.domain.workspace.TrustRemoteCodePolicy;
import org.modelregistry.ports.in.RegistryUseCases;
import org.modelregistry.ports.out.ArtifactStore;
import org.modelregistry.ports.out.DependencyCheck;
import org.modelregistry.ports.out.RandomSource;
import org.modelregistry.ports.out.SecretStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: opens the database and the artifact store, builds one service per use case
 * on top of them, resumes interrupted imports, and serves the use cases over HTTP. Closing it stops
 * the server, then the importer (unfinished imports resume at the next start), then releases the
 * database.
 */
public final class RegistryApplication implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RegistryApplication.class);

  /** A dependency slower than this to answer a readiness probe counts as down. */
  private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(2);

  /** Probes within this long of a check share its outcome. */
  private static final Duration READINESS_REUSE = Duration.ofSeconds(1);

  private final Database database;
  private final OpenedStore store;
  private final HttpSourceFetcher fetcher;
  private final ExternalFilesetSources external;
  private final Registry registry;
  private final RegistryMetrics metrics;
  private final RunningHttpApi server;

  private RegistryApplication(
      Database database,
      OpenedStore store,
      HttpSourceFetcher fetcher,
      ExternalFilesetSources external,
      Registry registry,
      RegistryMetrics metrics,
      RunningHttpApi server) {
    this.database = database;
    this.store = store;
    this.fetcher = fetcher;
    this.external = external;
    this.registry = registry;
    this.metrics = metrics;
    this.server = server;
  }

  /**
   * Starts a registry with these settings; the database is migrated before the port opens. A key
   * generated for the first administrator is not shown: use {@link #start(RegistrySettings,
   * Consumer)} to receive it.
   */
  public static RegistryApplication start(RegistrySettings settings) {
    return start(settings, line -> {});
  }

  /**
   * Starts a registry with these settings, handing {@code console} the lines meant for the person
   * who started it: the key of the first administrator when the registry generated it.
   */
  public static RegistryApplication start(RegistrySettings settings, Consumer<String> console) {
    Database database = Database.open(settings.databaseUrl(), settings.database());
    HttpSourceFetcher fetcher = null;
    ExternalFilesetSources external = null;
    Registry registry = null;
    RegistryMetrics metrics = null;
    OpenedStore opened = null;
    try {
      opened = openStore(settings.storage());
      ArtifactStore store = opened.store();
      FetchSettings fetchSettings = fetchSettings(settings.imports());
      fetcher = new HttpSourceFetcher(fetchSettings);
      // Filesets on S3 or a Hugging Face hub are reached through the same SSRF guard as imports.
      SecretStore secrets =
          settings.secretsDir() == null
              ? SecretStore.NONE
              : new DirectorySecretStore(settings.secretsDir());
      external = new ExternalFilesetSources(fetcher, fetchSettings, secrets);
      Clock clock = Clock.systemUTC();
      var trustPolicy =
          TrustRemoteCodePolicy.of(settings.trustRemoteCodeSources().toArray(String[]::new));
      registry =
          Registry.builder()
              .repositories(database.repositories())
              .artifactStore(store)
              .sourceFetcher(fetcher)
              .externalFiles(external)
              .credentialEndpoints(settings.credentialEndpoints())
              .checkpointReader(new BoundedCheckpointReader())
              .trustRemoteCode(trustPolicy)
              .clock(clock)
              .importSettings(settings.imports().importer())
              .nodeId(settings.imports().nodeId())
              .leaseDuration(settings.imports().leaseDuration())
              .build();
      RegistryUseCases useCases = registry.useCases();
      int interrupted = registry.start();
      if (interrupted > 0) {
        LOG.info(
            "took over {} import(s) a stopped node left unfinished: {}",
            interrupted,
            settings.imports().importer().onRestart() == ImportSettings.RestartPolicy.RESUME
                ? "resumed"
                : "failed");
      }
      var httpSettings =
          new HttpSettings(
              settings.maxRequestBodyBytes(),
              settings.localIdentity(),
              settings.localAdmin(),
              settings.maxUploadBytes(),
              settings.shutdownGrace());
      metrics = new RegistryMetrics(database, registry.importStatistics());
      var operations =
          new Operations(
              new CheckReadinessService(
                  List.of(database.readinessCheck(), opened.readiness()),
                  clock,
                  READINESS_TIMEOUT,
                  READINESS_REUSE),
              metrics.registry());
      IdentitySource identities =
          switch (settings.authentication()) {
            case LOCAL -> IdentitySource.fixed(settings.localIdentity(), settings.localAdmin());
            case API_KEYS -> {
              bootstrapAdmin(database, settings, clock, console);
              yield ApiKeyAuthentication.withDefaultLimit(
                  useCases.identity().authenticate(), clock, settings.anonymousPublicReads());
            }
          };
      RunningHttpApi server =
          HttpApi.start(
              httpSettings, useCases, identities, operations, settings.host(), settings.port());
      return new RegistryApplication(
          database, opened, fetcher, external, registry, metrics, server);
    } catch (RuntimeException e) {
      Exception closing = closeAll(registry, metrics, external, fetcher, opened, database);
      if (closing != null) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  /** The artifact store, the check of its readiness, and what closing it releases. */
  private record OpenedStore(ArtifactStore store, DependencyCheck readiness, Runnable closer)
      implements AutoCloseable {

    @Override
    public void close() {
      closer.run();
    }
  }

  private static OpenedStore openStore(StorageOptions storage) {
    return switch (storage) {
      case StorageOptions.Local local -> {
        var store = new LocalArtifactStore(local.root());
        yield new OpenedStore(store, store.readinessCheck(), () -> {});
      }
      case StorageOptions.S3 s3 -> {
        var store =
            S3ArtifactStore.open(
                new S3Settings(
                    s3.endpoint(),
                    s3.region(),
                    s3.bucket(),
                    s3.prefix(),
                    s3.accessKey(),
                    s3.secretKey()));
        // Its HTTP client's connections and threads.
        yield new OpenedStore(store, store.readinessCheck(), store::close);
      }
    };
  }

  private static FetchSettings fetchSettings(ImportOptions imports) {
    return FetchSettings.defaults()
        .withTimeouts(imports.connectTimeout(), imports.readTimeout())
        .withMaxRedirects(imports.maxRedirects())
        .withAllowedHosts(imports.allowedHosts());
  }

  /**
   * On the first start (no identity yet) creates the administrator {@code admin} with the
   * configured key, or with a new one printed once on standard output: never through the log, which
   * may be shipped elsewhere.
   */
  private static void bootstrapAdmin(
      Database database, RegistrySettings settings, Clock clock, Consumer<String> console) {
    var bootstrap =
        new BootstrapAdminService(
            database.identities(),
            database.apiKeys(),
            RandomSource.strong(),
            database.transactions(),
            clock);
    bootstrap
        .bootstrap(settings.bootstrapAdminKey())
        .ifPresent(
            issued -> {
              if (settings.bootstrapAdminKey().isPresent()) {
                LOG.info(
                    "Created the administrator '{}' with the key from --bootstrap-admin-key",
                    issued.key().identityId());
              } else {
                console.accept(
                    "Created the administrator '"
                        + issued.key().identityId()
                        + "'. Its API key, shown only this once:\n  "
                        + issued.secret().reveal());
              }
            });
  }

  /** The port the server listens on (useful when it was started on port 0). */
  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    Exception failure = closeAll(server, registry, metrics, external, fetcher, store, database);
    if (failure instanceof RuntimeException unchecked) {
      throw unchecked;
    }
    if (failure != null) {
      throw new IllegalStateException("closing the registry failed", failure);
    }
  }

  /**
   * Closes, in order, each resource that was opened (not null), even after one failed: a failing
   * importer must not leave the database open. Returns the first failure with the later ones
   * suppressed in it, or null.
   */
  private static Exception closeAll(AutoCloseable... resources) {
    Exception failure = null;
    for (AutoCloseable resource : resources) {
      if (resource == null) {
        continue;
      }
      try {
        resource.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    return failure;
  }
}
