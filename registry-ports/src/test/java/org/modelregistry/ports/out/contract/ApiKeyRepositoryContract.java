package org.modelregistry.ports.out.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.domain.testdata.TestIdentities.aKey;
import static org.modelregistry.domain.testdata.TestIdentities.aSecret;
import static org.modelregistry.domain.testdata.TestIdentities.aSecretWithPrefixOf;
import static org.modelregistry.domain.testdata.TestIdentities.anIdentity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.identity.ApiKey;
import org.modelregistry.ports.out.ApiKeyRepository;

/**
 * The behaviour every {@link ApiKeyRepository} shares; extend it once per implementation and return
 * fresh, empty stores from {@link #openStores()}. The owners {@code alice} and {@code bob} are
 * stored before each test, as a store may require a key's identity to exist.
 */
public abstract class ApiKeyRepositoryContract extends IdentityStoreContract {

  protected static final String ALICE = "alice";
  protected static final String BOB = "bob";

  @BeforeEach
  protected final void storeOwners() {
    stored(anIdentity().withId(ALICE));
    stored(anIdentity().withId(BOB).withDisplayName("Bob"));
  }

  private ApiKey storedKey(int seed, String owner, Instant createdAt) {
    ApiKey key = aKey(seed, owner, createdAt);
    apiKeys.insert(key);
    return key;
  }

  private static ApiKey named(ApiKey key, String name, Optional<Instant> expiresAt) {
    return new ApiKey(
        key.prefix(),
        key.identityId(),
        key.hash(),
        name,
        key.createdAt(),
        expiresAt,
        key.revokedAt());
  }

  private static List<String> prefixes(List<ApiKey> keys) {
    return keys.stream().map(ApiKey::prefix).toList();
  }

  @Test
  void givenEveryFieldSet_insert_findByPrefixReturnsItUnchanged() {
    ApiKey key = named(aKey(1, ALICE, at(0)), "ci \"pipeline\" ü", Optional.of(at(3600)));
    apiKeys.insert(key);

    assertThat(apiKeys.findByPrefix(key.prefix())).contains(key);
    ApiKey found = apiKeys.findByPrefix(key.prefix()).orElseThrow();
    assertThat(found.hash()).isEqualTo(aSecret(1).hash());
    assertThat(found.createdAt()).isEqualTo(at(0));
    assertThat(found.expiresAt()).contains(at(3600));
    assertThat(found.revokedAt()).isEmpty();
  }

  @Test
  void givenUnnamedKeyWithoutExpiry_insert_findByPrefixReturnsItUnchanged() {
    ApiKey key = storedKey(2, BOB, at(5));

    ApiKey found = apiKeys.findByPrefix(key.prefix()).orElseThrow();
    assertThat(found).isEqualTo(key);
    assertThat(found.name()).isNull();
    assertThat(found.expiresAt()).isEmpty();
  }

  @Test
  void givenAlreadyRevokedKey_insert_keepsTheRevocation() {
    ApiKey revoked = aKey(3, ALICE, at(0)).revokedAt(at(1));
    apiKeys.insert(revoked);

    assertThat(apiKeys.findByPrefix(revoked.prefix())).contains(revoked);
  }

  @Test
  void givenUnknownPrefix_findByPrefix_isEmpty() {
    storedKey(1, ALICE, at(0));

    assertThat(apiKeys.findByPrefix(aSecret(2).prefix())).isEmpty();
  }

  @Test
  void givenPrefixesThatDifferInCase_findByPrefix_findsOnlyTheExactOne() {
    ApiKey key = storedKey(1, ALICE, at(0));
    String swapped = swapCase(key.prefix());
    assertThat(swapped).isNotEqualTo(key.prefix());

    assertThat(apiKeys.findByPrefix(swapped)).isEmpty();
    ApiKey other =
        new ApiKey(
            swapped, BOB, aSecret(9).hash(), null, at(1), Optional.empty(), Optional.empty());
    apiKeys.insert(other);
    assertThat(apiKeys.findByPrefix(key.prefix())).contains(key);
    assertThat(apiKeys.findByPrefix(swapped)).contains(other);
  }

  @Test
  void givenTakenPrefix_insert_isConflictAndKeepsTheFirst() {
    ApiKey first = storedKey(1, ALICE, at(0));
    ApiKey clash = ApiKey.issue(aSecretWithPrefixOf(1), BOB, "clash", at(9), Optional.empty());
    assertThat(clash.prefix()).isEqualTo(first.prefix());

    assertThatThrownBy(() -> apiKeys.insert(clash)).isInstanceOf(ConflictException.class);

    assertThat(apiKeys.findByPrefix(first.prefix())).contains(first);
    assertThat(apiKeys.listFor(BOB)).isEmpty();
  }

  @Test
  void givenRacingInsertsOfOnePrefix_insert_exactlyOneWins() throws Exception {
    var outcomes =
        race(
            8,
            i ->
                apiKeys.insert(
                    ApiKey.issue(
                        aSecretWithPrefixOf(4),
                        i % 2 == 0 ? ALICE : BOB,
                        "racer " + i,
                        at(i),
                        Optional.empty())));

    assertThat(outcomes).filteredOn(Optional::isEmpty).hasSize(1);
    assertThat(outcomes)
        .filteredOn(Optional::isPresent)
        .allSatisfy(o -> assertThat(o.get()).isInstanceOf(ConflictException.class));
    assertThat(apiKeys.listFor(ALICE).size() + apiKeys.listFor(BOB).size()).isOne();
  }

  @Test
  void givenKeysOfTwoIdentities_listFor_returnsOnlyTheOwnersOldestFirst() {
    ApiKey second = storedKey(1, ALICE, at(20));
    storedKey(2, BOB, at(15));
    ApiKey first = storedKey(3, ALICE, at(10));
    ApiKey third = storedKey(4, ALICE, at(30));

    assertThat(apiKeys.listFor(ALICE)).containsExactly(first, second, third);
    assertThat(apiKeys.listFor(BOB)).hasSize(1);
  }

  @Test
  void givenKeysCreatedAtTheSameInstant_listFor_ordersThemByPrefix() {
    List<ApiKey> keys =
        List.of(aKey(7, ALICE, at(1)), aKey(1, ALICE, at(1)), aKey(40, ALICE, at(1)));
    keys.forEach(apiKeys::insert);

    List<String> expected = prefixes(keys).stream().sorted().toList();
    assertThat(prefixes(apiKeys.listFor(ALICE))).containsExactlyElementsOf(expected);
  }

  @Test
  void givenKeysAMicrosecondApart_listFor_keepsTheirOrder() {
    ApiKey later = aKey(1, ALICE, T0.plusNanos(1_000));
    ApiKey earlier = aKey(2, ALICE, T0);
    apiKeys.insert(later);
    apiKeys.insert(earlier);

    assertThat(apiKeys.listFor(ALICE)).containsExactly(earlier, later);
  }

  @Test
  void givenRevokedAndExpiredKeys_listFor_includesThem() {
    ApiKey revoked = aKey(1, ALICE, at(0)).revokedAt(at(5));
    ApiKey expired = named(aKey(2, ALICE, at(1)), "old", Optional.of(at(2)));
    apiKeys.insert(revoked);
    apiKeys.insert(expired);

    assertThat(apiKeys.listFor(ALICE)).containsExactly(revoked, expired);
  }

  @Test
  void givenIdentityWithoutKeys_listFor_isEmpty() {
    storedKey(1, ALICE, at(0));

    assertThat(apiKeys.listFor(BOB)).isEmpty();
    assertThat(apiKeys.listFor("nobody")).isEmpty();
  }

  @Test
  void givenStoredKey_updateWithRevocation_persistsIt() {
    ApiKey key = storedKey(1, ALICE, at(0));
    ApiKey revoked = key.revokedAt(at(60));

    assertThat(apiKeys.update(revoked)).isTrue();

    assertThat(apiKeys.findByPrefix(key.prefix())).contains(revoked);
    assertThat(apiKeys.findByPrefix(key.prefix()).orElseThrow().revokedAt()).contains(at(60));
    assertThat(apiKeys.findByPrefix(key.prefix()).orElseThrow().isActiveAt(at(61))).isFalse();
    assertThat(apiKeys.listFor(ALICE)).containsExactly(revoked);
  }

  @Test
  void givenTwoKeys_update_changesOnlyTheOneOfItsPrefix() {
    ApiKey revokedOne = storedKey(1, ALICE, at(0));
    ApiKey untouched = storedKey(2, ALICE, at(1));

    apiKeys.update(revokedOne.revokedAt(at(9)));

    assertThat(apiKeys.findByPrefix(untouched.prefix())).contains(untouched);
  }

  @Test
  void givenUnknownPrefix_update_isFalseAndStoresNothing() {
    ApiKey ghost = aKey(1, ALICE, at(0)).revokedAt(at(1));

    assertThat(apiKeys.update(ghost)).isFalse();

    assertThat(apiKeys.findByPrefix(ghost.prefix())).isEmpty();
    assertThat(apiKeys.listFor(ALICE)).isEmpty();
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
