package org.modelregistry.application.identity;

import static org.modelregistry.domain.testdata.TestIdentities.anAdmin;
import static org.modelregistry.domain.testdata.TestIdentities.anIdentity;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.modelregistry.domain.identity.Identity;
import org.modelregistry.ports.in.identity.IssuedApiKey;
import org.modelregistry.ports.in.identity.NewApiKey;
import org.modelregistry.ports.out.RandomSource;
import org.modelregistry.ports.out.TransactionRunner;
import org.modelregistry.ports.out.memory.InMemoryApiKeyRepository;
import org.modelregistry.ports.out.memory.InMemoryAuditLog;
import org.modelregistry.ports.out.memory.InMemoryIdentityRepository;
import org.modelregistry.ports.out.memory.LockingTransactionRunner;
import org.modelregistry.ports.out.memory.SeededRandomSource;

/** The identity services wired to in-memory fakes, with a clock tests can move. */
final class IdentityServices {

  /** Has nanoseconds, so that tests see what is kept to the microsecond. */
  static final Instant T0 = Instant.parse("2026-02-03T04:05:06.123456789Z");

  static final Identity ROOT = anAdmin().build();
  static final Identity ALICE = anIdentity().withId("alice").withAccounts("acct-1").build();
  static final Identity BOB = anIdentity().withId("bob").withDisplayName("Bob").build();

  final InMemoryIdentityRepository identities = new InMemoryIdentityRepository();
  final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
  final InMemoryAuditLog auditLog = new InMemoryAuditLog();
  final SeededRandomSource random = new SeededRandomSource(42);
  final TransactionRunner transactions = new LockingTransactionRunner();
  final MutableClock clock = new MutableClock(T0);

  final AuthenticateService authenticate = new AuthenticateService(keys, identities, clock);
  final CreateIdentityService createIdentity = new CreateIdentityService(identities, clock);
  final UpdateIdentityService updateIdentity = new UpdateIdentityService(identities, transactions);
  final ListIdentitiesService listIdentities = new ListIdentitiesService(identities);
  final IssueApiKeyService issueKey =
      new IssueApiKeyService(identities, keys, random, transactions, clock);
  final RevokeApiKeyService revokeKey =
      new RevokeApiKeyService(identities, keys, transactions, clock);
  final ListApiKeysService listKeys = new ListApiKeysService(identities, keys);
  final BootstrapAdminService bootstrap =
      new BootstrapAdminService(identities, keys, random, transactions, clock);
  final RecordAuditService recordAudit = new RecordAuditService(auditLog, clock);
  final ListAuditService listAudit = new ListAuditService(auditLog);

  /** Stores root (an administrator), alice and bob. */
  IdentityServices withRootAliceAndBob() {
    identities.insert(ROOT);
    identities.insert(ALICE);
    identities.insert(BOB);
    return this;
  }

  /** A key root issues for {@code identity}, unnamed and never expiring. */
  IssuedApiKey keyFor(Identity identity) {
    return issueKey.issue(ROOT, NewApiKey.forIdentity(identity.id()));
  }

  /** A clock that stands still until a test moves it. */
  static final class MutableClock extends Clock {

    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant now) {
      this.now = now;
    }

    void advanceSeconds(long seconds) {
      now = now.plusSeconds(seconds);
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

  /** Random bytes from a script first, then from a seeded source; records every request. */
  static final class ScriptedRandomSource implements RandomSource {

    private final Deque<byte[]> script = new ArrayDeque<>();
    private final SeededRandomSource fallback = new SeededRandomSource(7);
    private final List<Integer> requested = new ArrayList<>();

    ScriptedRandomSource then(byte[] bytes, int times) {
      for (int i = 0; i < times; i++) {
        script.add(bytes.clone());
      }
      return this;
    }

    @Override
    public synchronized byte[] bytes(int count) {
      requested.add(count);
      return script.isEmpty() ? fallback.bytes(count) : script.poll();
    }

    synchronized List<Integer> requested() {
      return List.copyOf(requested);
    }
  }
}
