package org.modelregistry.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.modelregistry.adapter.persistence.DatabaseOptions;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.workspace.CredentialEndpoints;

/**
 * Everything the server is configured with, already validated. Built by {@link SettingsLoader} from
 * defaults, environment variables and command-line flags.
 *
 * @param host address the HTTP server binds to
 * @param port HTTP port; 0 picks a free one
 * @param dataDir folder for the embedded database and stored files
 * @param databaseUrl JDBC URL of the database
 * @param maxRequestBodyBytes largest request body accepted
 * @param localIdentity the identity every request acts as with {@code --authentication local}
 * @param storage where stored model files live
 * @param imports how model files are fetched and imported
 * @param localAdmin whether the local identity is an administrator (it may then set {@code
 *     trust_remote_code} on any model)
 * @param trustRemoteCodeSources source globs ({@code s3://bucket/prefix/**}, {@code hf://org/*})
 *     whose models anyone may mark {@code trust_remote_code}
 * @param secretsDir the folder holding the secrets storage configs name (one file per secret), or
 *     null for none
 * @param credentialEndpoints origins besides the public defaults that secrets may be sent to
 * @param maxUploadBytes the largest file one fileset upload may store
 * @param authentication how requests are authenticated
 * @param bootstrapAdminKey the key of the administrator created on first start, if configured
 * @param anonymousPublicReads whether requests without an API key may read public registered models
 * @param database how a PostgreSQL database is logged in to and pooled (SQLite ignores it)
 * @param shutdownGrace how long a stopping server waits for requests in flight
 * @param logFormat how log lines are written on standard output
 */
public record RegistrySettings(
    String host,
    int port,
    Path dataDir,
    String databaseUrl,
    long maxRequestBodyBytes,
    Actor localIdentity,
    StorageOptions storage,
    ImportOptions imports,
    boolean localAdmin,
    List<String> trustRemoteCodeSources,
    Path secretsDir,
    CredentialEndpoints credentialEndpoints,
    long maxUploadBytes,
    Authentication authentication,
    java.util.Optional<String> bootstrapAdminKey,
    boolean anonymousPublicReads,
    DatabaseOptions database,
    Duration shutdownGrace,
    LogFormat logFormat) {

  public RegistrySettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(databaseUrl, "databaseUrl");
    Objects.requireNonNull(localIdentity, "localIdentity");
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(imports, "imports");
    trustRemoteCodeSources = List.copyOf(trustRemoteCodeSources);
    Objects.requireNonNull(credentialEndpoints, "credentialEndpoints");
    Objects.requireNonNull(authentication, "authentication");
    Objects.requireNonNull(bootstrapAdminKey, "bootstrapAdminKey");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    Objects.requireNonNull(logFormat, "logFormat");
  }

  /** The embedded file store inside {@code dataDir}. */
  public static Path embeddedStorageRoot(Path dataDir) {
    return dataDir.toAbsolutePath().normalize().resolve("artifacts");
  }

  /** The embedded SQLite database inside {@code dataDir}. */
  public static String embeddedDatabaseUrl(Path dataDir) {
    return "jdbc:sqlite:" + dataDir.toAbsolutePath().normalize().resolve("registry.db");
  }

  /** Never shows the bootstrap key. */
  @Override
  public String toString() {
    return "RegistrySettings[host="
        + host
        + ", port="
        + port
        + ", dataDir="
        + dataDir
        + ", storage="
        + storage
        + ", authentication="
        + authentication
        + ", bootstrapAdminKey="
        + (bootstrapAdminKey.isPresent() ? "***" : "(none)")
        + ", anonymousPublicReads="
        + anonymousPublicReads
        + "]";
  }

  /** How log lines are written. */
  public enum LogFormat {
    /** One readable line per event (the default). */
    TEXT,
    /** One JSON object per line, with the request id and the access line's fields as keys. */
    JSON;

    public static LogFormat fromWire(String text) {
      return valueOf(text.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** How requests are authenticated. */
  public enum Authentication {
    /** Every request presents an API key (the default). */
    API_KEYS("api-keys"),
    /** No authentication: every request acts as the local identity (loopback only). */
    LOCAL("local");

    private final String wire;

    Authentication(String wire) {
      this.wire = wire;
    }

    public static Authentication fromWire(String text) {
      for (Authentication mode : values()) {
        if (mode.wire.equals(text)) {
          return mode;
        }
      }
      throw new IllegalArgumentException("unknown authentication " + text);
    }
  }
}
