package org.modelregistry.application.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.application.identity.IdentityServices.ALICE;
import static org.modelregistry.application.identity.IdentityServices.BOB;
import static org.modelregistry.application.identity.IdentityServices.ROOT;
import static org.modelregistry.domain.testdata.TestIdentities.aSecret;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.modelregistry.domain.identity.ApiKey;
import org.modelregistry.domain.identity.ApiKeySecret;
import org.modelregistry.domain.identity.IdentityPatch;
import org.modelregistry.ports.in.identity.IssuedApiKey;
import org.modelregistry.ports.in.identity.NewApiKey;

class AuthenticateServiceTest {

  private final IdentityServices services = new IdentityServices().withRootAliceAndBob();

  private IssuedApiKey expiringKeyFor(String identityId, Instant expiresAt) {
    return services.issueKey.issue(
        ROOT, new NewApiKey(identityId, "expiring", Optional.of(expiresAt)));
  }

  @Test
  void givenActiveKey_authenticate_returnsItsIdentity() {
    IssuedApiKey key = services.keyFor(ALICE);

    assertThat(services.authenticate.authenticate(key.secret().reveal())).contains(ALICE);
  }

  @Test
  void givenKeysOfTwoIdentities_authenticate_tellsThemApart() {
    IssuedApiKey alices = services.keyFor(ALICE);
    IssuedApiKey bobs = services.keyFor(BOB);

    assertThat(services.authenticate.authenticate(alices.secret().reveal())).contains(ALICE);
    assertThat(services.authenticate.authenticate(bobs.secret().reveal())).contains(BOB);
  }

  @Test
  void givenIdentityChangedAfterIssue_authenticate_returnsItsCurrentState() {
    IssuedApiKey key = services.keyFor(ALICE);
    var changed =
        services.updateIdentity.update(
            ROOT, "alice", new IdentityPatch(null, Set.of("acct-9"), null, null));

    assertThat(services.authenticate.authenticate(key.secret().reveal())).contains(changed);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "garbage",
        "Bearer mr_AbCd1234_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxA",
        "mr_AbCd1234_short",
        "mr_AbCd1234_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx!",
      })
  void givenMalformedKey_authenticate_isEmpty(String presented) {
    services.keyFor(ALICE);

    assertThat(services.authenticate.authenticate(presented)).isEmpty();
  }

  @Test
  void givenWellFormedKeyOfUnknownPrefix_authenticate_isEmpty() {
    services.keyFor(ALICE);

    assertThat(services.authenticate.authenticate(aSecret(3).reveal())).isEmpty();
  }

  @Test
  void givenKnownPrefixWithAnotherSecret_authenticate_isEmpty() {
    IssuedApiKey key = services.keyFor(ALICE);
    String text = key.secret().reveal();
    String forged =
        text.substring(0, 12) + (text.charAt(12) == 'A' ? 'B' : 'A') + text.substring(13);

    assertThat(ApiKeySecret.parse(forged)).isPresent();
    assertThat(services.authenticate.authenticate(forged)).isEmpty();
  }

  @Test
  void givenKeyWithItsPrefixInAnotherCase_authenticate_isEmpty() {
    IssuedApiKey key = services.keyFor(ALICE);
    String text = key.secret().reveal();
    String swapped = "mr_" + swapCase(text.substring(3, 11)) + text.substring(11);

    assertThat(swapped).isNotEqualTo(text);
    assertThat(services.authenticate.authenticate(swapped)).isEmpty();
  }

  @Test
  void givenKeyExpiringLater_authenticate_worksUntilTheInstantBefore() {
    Instant expiry = IdentityServices.T0.plusSeconds(60).truncatedTo(ChronoUnit.MICROS);
    IssuedApiKey key = expiringKeyFor("alice", expiry);

    services.clock.set(expiry.minusNanos(1));
    assertThat(services.authenticate.authenticate(key.secret().reveal())).contains(ALICE);
  }

  @Test
  void givenKeyExpiringNow_authenticate_isEmptyAtTheExactInstant() {
    Instant expiry = IdentityServices.T0.plusSeconds(60).truncatedTo(ChronoUnit.MICROS);
    IssuedApiKey key = expiringKeyFor("alice", expiry);

    services.clock.set(expiry);
    assertThat(services.authenticate.authenticate(key.secret().reveal())).isEmpty();
    services.clock.set(expiry.plusSeconds(3600));
    assertThat(services.authenticate.authenticate(key.secret().reveal())).isEmpty();
  }

  @Test
  void givenRevokedKey_authenticate_isEmpty() {
    IssuedApiKey key = services.keyFor(ALICE);
    services.revokeKey.revoke(ALICE, key.key().prefix());

    assertThat(services.authenticate.authenticate(key.secret().reveal())).isEmpty();
  }

  @Test
  void givenRevokedKey_authenticate_isEmptyEvenWhenTheClockGoesBack() {
    IssuedApiKey key = services.keyFor(ALICE);
    services.clock.advanceSeconds(60);
    services.revokeKey.revoke(ALICE, key.key().prefix());
    services.clock.advanceSeconds(-120);

    assertThat(services.authenticate.authenticate(key.secret().reveal())).isEmpty();
  }

  @Test
  void givenKeyOfADeletedIdentity_authenticate_isEmpty() {
    IssuedApiKey key = services.keyFor(BOB);
    services.identities.delete("bob");

    assertThat(services.authenticate.authenticate(key.secret().reveal())).isEmpty();
  }

  @Test
  void givenKeyRecordOfAnIdentityThatNeverExisted_authenticate_isEmpty() {
    ApiKeySecret secret = aSecret(5);
    services.keys.insert(
        ApiKey.issue(secret, "ghost", null, IdentityServices.T0, Optional.empty()));

    assertThat(services.authenticate.authenticate(secret.reveal())).isEmpty();
  }

  @Test
  void givenOtherKeysRevoked_authenticate_stillAcceptsTheActiveOne() {
    IssuedApiKey revoked = services.keyFor(ALICE);
    IssuedApiKey active = services.keyFor(ALICE);
    services.revokeKey.revoke(ALICE, revoked.key().prefix());

    assertThat(services.authenticate.authenticate(active.secret().reveal())).contains(ALICE);
  }

  private static String swapCase(String text) {
    var swapped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      swapped.append(
          Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
    }
    return swapped.toString();
  }
}
