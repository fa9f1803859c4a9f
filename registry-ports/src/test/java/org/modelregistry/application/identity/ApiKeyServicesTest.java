package org.modelregistry.application.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.application.identity.IdentityServices.ALICE;
import static org.modelregistry.application.identity.IdentityServices.BOB;
import static org.modelregistry.application.identity.IdentityServices.ROOT;
import static org.modelregistry.application.identity.IdentityServices.T0;
import static org.modelregistry.domain.testdata.TestIdentities.anAdmin;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.modelregistry.application.identity.IdentityServices.ScriptedRandomSource;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.error.ForbiddenException;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.identity.ApiKey;
import org.modelregistry.domain.identity.ApiKeySecret;
import org.modelregistry.domain.identity.Identity;
import org.modelregistry.ports.in.identity.IssuedApiKey;
import org.modelregistry.ports.in.identity.NewApiKey;

/** Issuing, revoking and listing API keys: anyone its own, administrators anyone's. */
class ApiKeyServicesTest {

  private static final Instant NOW = T0.truncatedTo(ChronoUnit.MICROS);

  private final IdentityServices services = new IdentityServices().withRootAliceAndBob();

  private static NewApiKey named(String identityId, String name, Instant expiresAt) {
    return new NewApiKey(identityId, name, Optional.ofNullable(expiresAt));
  }

  @Nested
  class Issue {

    @Test
    void givenNonAdmin_issueForItself_returnsTheKeyAndStoresOnlyItsHash() {
      IssuedApiKey issued =
          services.issueKey.issue(ALICE, named("alice", "laptop", NOW.plusSeconds(3600)));

      ApiKey key = issued.key();
      assertThat(key.identityId()).isEqualTo("alice");
      assertThat(key.name()).isEqualTo("laptop");
      assertThat(key.createdAt()).isEqualTo(NOW);
      assertThat(key.expiresAt()).contains(NOW.plusSeconds(3600));
      assertThat(key.revokedAt()).isEmpty();
      assertThat(key.prefix()).isEqualTo(issued.secret().prefix());
      assertThat(key.hash()).isEqualTo(issued.secret().hash());
      assertThat(services.keys.findByPrefix(key.prefix())).contains(key);
      assertThat(services.keys.findByPrefix(key.prefix()).orElseThrow().toString())
          .doesNotContain(issued.secret().reveal());
    }

    @Test
    void givenIssuedKey_authenticate_acceptsItsSecret() {
      IssuedApiKey issued = services.issueKey.issue(ALICE, NewApiKey.forIdentity("alice"));

      assertThat(services.authenticate.authenticate(issued.secret().reveal())).contains(ALICE);
    }

    @Test
    void givenIssuedKey_toString_hidesTheSecret() {
      IssuedApiKey issued = services.issueKey.issue(ALICE, NewApiKey.forIdentity("alice"));
      String secretPart = issued.secret().reveal().substring(12);

      assertThat(issued.toString()).doesNotContain(secretPart).contains(issued.key().prefix());
    }

    @Test
    void givenTheMostWorkingKeys_issue_isAConflictUntilOneIsRevoked() {
      List<IssuedApiKey> issued = new java.util.ArrayList<>();
      for (int i = 0; i < IssueApiKeyService.MAX_ACTIVE_KEYS; i++) {
        issued.add(services.issueKey.issue(ALICE, named("alice", "key-" + i, null)));
      }

      assertThatThrownBy(() -> services.issueKey.issue(ALICE, named("alice", "one-more", null)))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("revoke one first");
      assertThat(services.keys.listFor("alice")).hasSize(IssueApiKeyService.MAX_ACTIVE_KEYS);

      services.revokeKey.revoke(ALICE, issued.get(0).key().prefix());
      assertThat(services.issueKey.issue(ALICE, named("alice", "one-more", null)).key().name())
          .isEqualTo("one-more");
    }

    @Test
    void givenAdmin_issueForAnotherIdentity_issuesItForThem() {
      IssuedApiKey issued = services.issueKey.issue(ROOT, NewApiKey.forIdentity("bob"));

      assertThat(issued.key().identityId()).isEqualTo("bob");
      assertThat(services.authenticate.authenticate(issued.secret().reveal())).contains(BOB);
    }

    @Test
    void givenNonAdmin_issueForAnotherIdentity_isForbiddenAndDrawsNothing() {
      assertThatThrownBy(() -> services.issueKey.issue(ALICE, NewApiKey.forIdentity("bob")))
          .isInstanceOf(ForbiddenException.class);
      assertThatThrownBy(() -> services.issueKey.issue(ALICE, NewApiKey.forIdentity("nobody")))
          .isInstanceOf(ForbiddenException.class);

      assertThat(services.keys.listFor("bob")).isEmpty();
      assertThat(services.random.draws()).isZero();
    }

    @Test
    void givenAdmin_issueForUnknownIdentity_isNotFound() {
      assertThatThrownBy(() -> services.issueKey.issue(ROOT, NewApiKey.forIdentity("nobody")))
          .isInstanceOf(NotFoundException.class)
          .hasMessageContaining("nobody");

      assertThat(services.keys.listFor("nobody")).isEmpty();
    }

    @Test
    void givenAnIdNoIdentityCanHave_issue_isNotFoundRatherThanACrash() {
      String tooLong = "x".repeat(300);

      assertThatThrownBy(() -> services.issueKey.issue(ROOT, NewApiKey.forIdentity(tooLong)))
          .isInstanceOf(NotFoundException.class);
    }

    @Test
    void givenAnExpiryBeyondTheYear9999_issue_isRejectedAtExpiresAt() {
      Instant far = Instant.parse("+300000-01-01T00:00:00Z");

      assertThatThrownBy(() -> services.issueKey.issue(ALICE, named("alice", null, far)))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> assertThat(e.violations().getFirst().path()).containsExactly("expires_at"));
    }

    @Test
    void givenDeletedCaller_issueForItself_isNotFound() {
      services.identities.delete("alice");

      assertThatThrownBy(() -> services.issueKey.issue(ALICE, NewApiKey.forIdentity("alice")))
          .isInstanceOf(NotFoundException.class);
    }

    @Test
    void givenExpiryNowOrInThePast_issue_isRejectedAtExpiresAt() {
      for (Instant expiry : List.of(NOW, NOW.minusNanos(1_000), NOW.minusSeconds(86_400))) {
        assertThatThrownBy(() -> services.issueKey.issue(ALICE, named("alice", null, expiry)))
            .as("expiry %s", expiry)
            .isInstanceOfSatisfying(
                ValidationException.class,
                e -> assertThat(e.violations().getFirst().path()).containsExactly("expires_at"));
      }
      assertThat(services.keys.listFor("alice")).isEmpty();
    }

    @Test
    void givenExpiryAMicrosecondAhead_issue_accepts() {
      IssuedApiKey issued =
          services.issueKey.issue(ALICE, named("alice", null, NOW.plusNanos(1_000)));

      assertThat(issued.key().expiresAt()).contains(NOW.plusNanos(1_000));
    }

    @Test
    void givenExpiryWithNanoseconds_issue_keepsItToTheMicrosecond() {
      Instant expiry = Instant.parse("2030-01-01T00:00:00.123456789Z");

      IssuedApiKey issued = services.issueKey.issue(ALICE, named("alice", null, expiry));

      assertThat(issued.key().expiresAt()).contains(Instant.parse("2030-01-01T00:00:00.123456Z"));
    }

    @Test
    void givenInvalidName_issue_isRejectedAtName() {
      assertThatThrownBy(
              () -> services.issueKey.issue(ALICE, named("alice", "n".repeat(256), null)))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> assertThat(e.violations().getFirst().path()).containsExactly("name"));
      assertThatThrownBy(() -> services.issueKey.issue(ALICE, named("alice", " ", null)))
          .isInstanceOf(ValidationException.class);
    }

    @Test
    void givenTwoIssues_issue_drawsDifferentKeys() {
      IssuedApiKey first = services.issueKey.issue(ALICE, NewApiKey.forIdentity("alice"));
      IssuedApiKey second = services.issueKey.issue(ALICE, NewApiKey.forIdentity("alice"));

      assertThat(second.key().prefix()).isNotEqualTo(first.key().prefix());
      assertThat(second.secret()).isNotEqualTo(first.secret());
    }

    @Test
    void givenPrefixCollisions_issue_drawsAgainUntilAPrefixIsFree() {
      byte[] taken = new byte[ApiKeySecret.RANDOM_BYTES];
      services.keys.insert(
          ApiKey.issue(ApiKeySecret.fromRandom(taken), "bob", null, NOW, Optional.empty()));
      var random = new ScriptedRandomSource().then(taken, IssueApiKeyService.MAX_ATTEMPTS - 1);
      var service =
          new IssueApiKeyService(
              services.identities, services.keys, random, services.transactions, services.clock);

      IssuedApiKey issued = service.issue(ALICE, NewApiKey.forIdentity("alice"));

      assertThat(issued.key().prefix()).isNotEqualTo(ApiKeySecret.fromRandom(taken).prefix());
      assertThat(random.requested())
          .hasSize(IssueApiKeyService.MAX_ATTEMPTS)
          .containsOnly(ApiKeySecret.RANDOM_BYTES);
      assertThat(services.keys.listFor("alice")).containsExactly(issued.key());
    }

    @Test
    void givenOnlyCollisions_issue_givesUpWithAConflict() {
      byte[] taken = new byte[ApiKeySecret.RANDOM_BYTES];
      services.keys.insert(
          ApiKey.issue(ApiKeySecret.fromRandom(taken), "bob", null, NOW, Optional.empty()));
      var random = new ScriptedRandomSource().then(taken, 100);
      var service =
          new IssueApiKeyService(
              services.identities, services.keys, random, services.transactions, services.clock);

      assertThatThrownBy(() -> service.issue(ALICE, NewApiKey.forIdentity("alice")))
          .isInstanceOf(ConflictException.class);
      assertThat(random.requested()).hasSize(IssueApiKeyService.MAX_ATTEMPTS);
      assertThat(services.keys.listFor("alice")).isEmpty();
    }
  }

  @Nested
  class Revoke {

    @Test
    void givenTheLastWorkingAdministratorKey_revoke_isAConflictUntilAnotherExists() {
      IssuedApiKey only = services.keyFor(ROOT);

      assertThatThrownBy(() -> services.revokeKey.revoke(ROOT, only.key().prefix()))
          .isInstanceOf(ConflictException.class);
      assertThat(services.authenticate.authenticate(only.secret().reveal())).isPresent();

      IssuedApiKey spare = services.keyFor(ROOT);
      services.revokeKey.revoke(ROOT, only.key().prefix());
      assertThat(services.authenticate.authenticate(only.secret().reveal())).isEmpty();
      assertThatThrownBy(() -> services.revokeKey.revoke(ROOT, spare.key().prefix()))
          .isInstanceOf(ConflictException.class);
    }

    @Test
    void givenOwnKey_revoke_recordsTheTimeAndTheKeyStopsWorking() {
      IssuedApiKey issued = services.keyFor(ALICE);
      services.clock.advanceSeconds(30);

      ApiKey revoked = services.revokeKey.revoke(ALICE, issued.key().prefix());

      assertThat(revoked.revokedAt()).contains(NOW.plusSeconds(30));
      assertThat(services.keys.findByPrefix(issued.key().prefix())).contains(revoked);
      assertThat(services.authenticate.authenticate(issued.secret().reveal())).isEmpty();
    }

    @Test
    void givenAdmin_revokeAnotherIdentitysKey_revokesIt() {
      IssuedApiKey bobs = services.keyFor(BOB);

      ApiKey revoked = services.revokeKey.revoke(ROOT, bobs.key().prefix());

      assertThat(revoked.revokedAt()).isPresent();
      assertThat(services.authenticate.authenticate(bobs.secret().reveal())).isEmpty();
    }

    @Test
    void givenNonAdmin_revokeAnotherIdentitysKey_isNotFoundAndTheKeyKeepsWorking() {
      IssuedApiKey bobs = services.keyFor(BOB);

      assertThatThrownBy(() -> services.revokeKey.revoke(ALICE, bobs.key().prefix()))
          .isInstanceOf(NotFoundException.class);

      assertThat(services.keys.findByPrefix(bobs.key().prefix()).orElseThrow().revokedAt())
          .isEmpty();
      assertThat(services.authenticate.authenticate(bobs.secret().reveal())).contains(BOB);
    }

    @Test
    void givenUnknownPrefix_revoke_isNotFound() {
      assertThatThrownBy(() -> services.revokeKey.revoke(ROOT, "ZZZZZZZZ"))
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> services.revokeKey.revoke(ALICE, "not a prefix"))
          .isInstanceOf(NotFoundException.class);
    }

    @Test
    void givenAnotherIdentitysKeyOrNone_revoke_answersAlike() {
      IssuedApiKey bobs = services.keyFor(BOB);
      String unknown = "ZZZZZZZZ";

      Throwable others = catchRevoke(ALICE, bobs.key().prefix());
      Throwable missing = catchRevoke(ALICE, unknown);

      assertThat(others.getClass()).isEqualTo(missing.getClass());
      assertThat(others.getMessage().replace(bobs.key().prefix(), unknown))
          .isEqualTo(missing.getMessage());
    }

    @Test
    void givenRevokedKey_revokeAgain_keepsTheFirstTime() {
      IssuedApiKey issued = services.keyFor(ALICE);
      ApiKey first = services.revokeKey.revoke(ALICE, issued.key().prefix());
      services.clock.advanceSeconds(60);

      ApiKey again = services.revokeKey.revoke(ROOT, issued.key().prefix());

      assertThat(again).isEqualTo(first);
      assertThat(services.keys.findByPrefix(issued.key().prefix())).contains(first);
    }

    @Test
    void givenExpiredKey_revoke_stillRecordsIt() {
      IssuedApiKey issued =
          services.issueKey.issue(ALICE, named("alice", null, NOW.plusSeconds(1)));
      services.clock.advanceSeconds(10);

      assertThat(services.revokeKey.revoke(ALICE, issued.key().prefix()).revokedAt()).isPresent();
    }

    private Throwable catchRevoke(Identity caller, String prefix) {
      try {
        services.revokeKey.revoke(caller, prefix);
      } catch (RuntimeException e) {
        return e;
      }
      throw new AssertionError("expected the revocation to fail");
    }
  }

  @Nested
  class ListKeys {

    @Test
    void givenOwnKeys_list_returnsThemOldestFirstWithRevokedAndExpiredOnes() {
      IssuedApiKey first = services.keyFor(ALICE);
      services.clock.advanceSeconds(1);
      IssuedApiKey expiring =
          services.issueKey.issue(ALICE, named("alice", "short", NOW.plusSeconds(2)));
      services.clock.advanceSeconds(1);
      IssuedApiKey third = services.keyFor(ALICE);
      services.revokeKey.revoke(ALICE, third.key().prefix());
      services.clock.advanceSeconds(60);
      services.keyFor(BOB);

      List<ApiKey> listed = services.listKeys.list(ALICE, "alice");

      assertThat(listed)
          .extracting(ApiKey::prefix)
          .containsExactly(first.key().prefix(), expiring.key().prefix(), third.key().prefix());
      assertThat(listed.get(2).revokedAt()).isPresent();
    }

    @Test
    void givenAdmin_listAnotherIdentitysKeys_returnsThem() {
      IssuedApiKey bobs = services.keyFor(BOB);

      assertThat(services.listKeys.list(ROOT, "bob")).containsExactly(bobs.key());
    }

    @Test
    void givenNonAdmin_listAnotherIdentitysKeys_isForbiddenWhetherOrNotItExists() {
      services.keyFor(BOB);

      assertThatThrownBy(() -> services.listKeys.list(ALICE, "bob"))
          .isInstanceOf(ForbiddenException.class);
      assertThatThrownBy(() -> services.listKeys.list(ALICE, "nobody"))
          .isInstanceOf(ForbiddenException.class)
          .hasMessageNotContaining("nobody");
    }

    @Test
    void givenAdmin_listKeysOfUnknownIdentity_isNotFound() {
      assertThatThrownBy(() -> services.listKeys.list(ROOT, "nobody"))
          .isInstanceOf(NotFoundException.class);
    }

    @Test
    void givenIdentityWithoutKeys_list_isEmpty() {
      assertThat(services.listKeys.list(BOB, "bob")).isEmpty();
      assertThat(services.listKeys.list(anAdmin().withId("ops").build(), "bob")).isEmpty();
    }

    @Test
    void givenListedKeys_list_neverCarriesTheSecret() {
      IssuedApiKey issued = services.keyFor(ALICE);

      assertThat(services.listKeys.list(ALICE, "alice").toString())
          .doesNotContain(issued.secret().reveal())
          .doesNotContain(issued.secret().reveal().substring(12));
    }
  }
}
