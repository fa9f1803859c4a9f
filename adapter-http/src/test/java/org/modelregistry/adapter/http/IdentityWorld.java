package org.modelregistry.adapter.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.modelregistry.application.identity.AuthenticateService;
import org.modelregistry.application.identity.CreateIdentityService;
import org.modelregistry.application.identity.IssueApiKeyService;
import org.modelregistry.application.identity.ListApiKeysService;
import org.modelregistry.application.identity.ListAuditService;
import org.modelregistry.application.identity.ListIdentitiesService;
import org.modelregistry.application.identity.RecordAuditService;
import org.modelregistry.application.identity.RevokeApiKeyService;
import org.modelregistry.application.identity.UpdateIdentityService;
import org.modelregistry.domain.identity.Identity;
import org.modelregistry.domain.identity.IdentityType;
import org.modelregistry.ports.in.IdentityUseCases;
import org.modelregistry.ports.in.identity.NewApiKey;
import org.modelregistry.ports.out.TransactionRunner;
import org.modelregistry.ports.out.memory.InMemoryApiKeyRepository;
import org.modelregistry.ports.out.memory.InMemoryAuditLog;
import org.modelregistry.ports.out.memory.InMemoryIdentityRepository;
import org.modelregistry.ports.out.memory.SeededRandomSource;

/**
 * The identity services over in-memory fakes, with a clock that stands still until a test moves it
 * (key expiry, the failure rate limit), and shortcuts to store identities and issue keys.
 */
final class IdentityWorld {

  static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

  final InMemoryIdentityRepository identities = new InMemoryIdentityRepository();
  final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
  final InMemoryAuditLog auditLog = new InMemoryAuditLog();
  final MutableClock clock = new MutableClock(T0);
  private final IdentityUseCases useCases;

  IdentityWorld() {
    var random = new SeededRandomSource(42);
    var tx = TransactionRunner.direct();
    useCases =
        new IdentityUseCases(
            new AuthenticateService(keys, identities, clock),
            new CreateIdentityService(identities, clock),
            new UpdateIdentityService(identities, tx),
            new ListIdentitiesService(identities),
            new IssueApiKeyService(identities, keys, random, tx, clock),
            new RevokeApiKeyService(identities, keys, tx, clock),
            new ListApiKeysService(identities, keys),
            new RecordAuditService(auditLog, clock),
            new ListAuditService(auditLog));
  }

  IdentityUseCases useCases() {
    return useCases;
  }

  /** Stores an identity, an administrator or not. */
  Identity store(String id, boolean admin) {
    Identity identity =
        new Identity(
            id, "The " + id, IdentityType.USER, Set.of("acct-1"), Set.of("ws-1"), admin, T0);
    identities.insert(identity);
    return identity;
  }

  /** Stores an identity that is a member of exactly {@code accounts} and {@code workspaces}. */
  Identity store(String id, Set<String> accounts, Set<String> workspaces, boolean admin) {
    Identity identity =
        new Identity(id, "The " + id, IdentityType.USER, accounts, workspaces, admin, T0);
    identities.insert(identity);
    return identity;
  }

  /** A new key for {@code identity}, issued by itself; expires after {@code ttl} when given. */
  String keyFor(Identity identity, Duration ttl) {
    var expiry =
        ttl == null
            ? java.util.Optional.<Instant>empty()
            : java.util.Optional.of(clock.instant().plus(ttl));
    return useCases
        .issueKey()
        .issue(identity, new NewApiKey(identity.id(), "test", expiry))
        .secret()
        .reveal();
  }

  String keyFor(Identity identity) {
    return keyFor(identity, null);
  }

  /** A clock that stands still until a test moves it. */
  static final class MutableClock extends Clock {

    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
