package org.modelregistry.adapter.persistence;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a server database (PostgreSQL) is reached; SQLite needs none of it.
 *
 * @param user the user to log in as, when the JDBC URL does not name one
 * @param password that user's password; never logged
 * @param maxPoolSize the most connections this node keeps open
 * @param connectionTimeout how long a request waits for a free connection, and startup for the
 *     database to answer
 */
public record DatabaseOptions(
    Optional<String> user, Optional<String> password, int maxPoolSize, Duration connectionTimeout) {

  /** Ten connections per node: enough for a node's request threads, few enough for many nodes. */
  public static final int DEFAULT_MAX_POOL_SIZE = 10;

  public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(10);

  public static final DatabaseOptions DEFAULTS =
      new DatabaseOptions(
          Optional.empty(), Optional.empty(), DEFAULT_MAX_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT);

  public DatabaseOptions {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(connectionTimeout, "connectionTimeout");
    if (maxPoolSize < 1) {
      throw new IllegalArgumentException("maxPoolSize must be at least 1");
    }
    if (connectionTimeout.toMillis() < 250) {
      throw new IllegalArgumentException("connectionTimeout must be at least 250 ms");
    }
  }

  /** Never shows the password. */
  @Override
  public String toString() {
    return "DatabaseOptions[user="
        + user.orElse("(from the URL)")
        + ", password="
        + (password.isPresent() ? "***" : "(none)")
        + ", maxPoolSize="
        + maxPoolSize
        + ", connectionTimeout="
        + connectionTimeout
        + "]";
  }
}
