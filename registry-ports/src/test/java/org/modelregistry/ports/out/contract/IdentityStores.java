package org.modelregistry.ports.out.contract;

import java.util.Objects;
import org.modelregistry.ports.out.ApiKeyRepository;
import org.modelregistry.ports.out.AuditLog;
import org.modelregistry.ports.out.IdentityRepository;

/**
 * The identity ports one contract test runs against, all backed by the same fresh, empty store (API
 * keys may need their identity stored first); closing releases whatever the implementation opened.
 */
public record IdentityStores(
    IdentityRepository identities,
    ApiKeyRepository apiKeys,
    AuditLog auditLog,
    AutoCloseable resources)
    implements AutoCloseable {

  public IdentityStores {
    Objects.requireNonNull(identities, "identities");
    Objects.requireNonNull(apiKeys, "apiKeys");
    Objects.requireNonNull(auditLog, "auditLog");
    Objects.requireNonNull(resources, "resources");
  }

  /** Stores that hold nothing to release. */
  public static IdentityStores of(
      IdentityRepository identities, ApiKeyRepository apiKeys, AuditLog auditLog) {
    return new IdentityStores(identities, apiKeys, auditLog, () -> {});
  }

  @Override
  public void close() throws Exception {
    resources.close();
  }
}
