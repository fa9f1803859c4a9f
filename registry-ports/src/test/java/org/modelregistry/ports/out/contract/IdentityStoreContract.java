package org.modelregistry.ports.out.contract;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.modelregistry.domain.identity.Identity;
import org.modelregistry.domain.testdata.TestIdentities;
import org.modelregistry.ports.out.ApiKeyRepository;
import org.modelregistry.ports.out.AuditLog;
import org.modelregistry.ports.out.IdentityRepository;

/**
 * What the contract suites of the identity ports share: fresh stores per test, obtained from {@link
 * #openStores()}, and a helper for racing threads.
 */
public abstract class IdentityStoreContract {

  /** Microseconds, the precision every supported database keeps. */
  protected static final Instant T0 = Instant.parse("2026-01-01T00:00:00.123456Z");

  protected IdentityRepository identities;
  protected ApiKeyRepository apiKeys;
  protected AuditLog auditLog;
  private IdentityStores stores;

  /** Fresh, empty stores for one test; they are closed after it. */
  protected abstract IdentityStores openStores() throws Exception;

  @BeforeEach
  protected final void openFreshStores() throws Exception {
    stores = openStores();
    identities = stores.identities();
    apiKeys = stores.apiKeys();
    auditLog = stores.auditLog();
  }

  @AfterEach
  protected final void closeStores() throws Exception {
    if (stores != null) {
      stores.close();
    }
  }

  protected static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  protected Identity stored(TestIdentities builder) {
    Identity identity = builder.build();
    identities.insert(identity);
    return identity;
  }

  /** What each of {@code threads} threads, released together, threw (empty when it succeeded). */
  protected static List<Optional<Throwable>> race(int threads, IntConsumer task) throws Exception {
    return RegistryStoreContract.race(threads, task);
  }
}
