package org.modelregistry.domain.testdata;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.modelregistry.domain.identity.ApiKey;
import org.modelregistry.domain.identity.ApiKeySecret;
import org.modelregistry.domain.identity.Identity;
import org.modelregistry.domain.identity.IdentityType;

/** Test data builder for identities, and ready-made API keys: override what a test is about. */
public final class TestIdentities {

  public static final Instant CREATED = Instant.parse("2026-01-01T00:00:00.123456Z");

  private String id = "alice";
  private String displayName = "Alice";
  private IdentityType type = IdentityType.USER;
  private Set<String> accounts = Set.of();
  private Set<String> workspaces = Set.of();
  private boolean admin;
  private Instant createdAt = CREATED;

  private TestIdentities() {}

  /** A plain user {@code alice} with no memberships. */
  public static TestIdentities anIdentity() {
    return new TestIdentities();
  }

  /** An administrator {@code root}. */
  public static TestIdentities anAdmin() {
    return new TestIdentities().withId("root").withDisplayName("Root").admin(true);
  }

  public TestIdentities withId(String id) {
    this.id = id;
    return this;
  }

  public TestIdentities withDisplayName(String displayName) {
    this.displayName = displayName;
    return this;
  }

  public TestIdentities withType(IdentityType type) {
    this.type = type;
    return this;
  }

  public TestIdentities withAccounts(String... accounts) {
    this.accounts = Set.of(accounts);
    return this;
  }

  public TestIdentities withWorkspaces(String... workspaces) {
    this.workspaces = Set.of(workspaces);
    return this;
  }

  public TestIdentities admin(boolean admin) {
    this.admin = admin;
    return this;
  }

  public TestIdentities withCreatedAt(Instant createdAt) {
    this.createdAt = createdAt;
    return this;
  }

  public Identity build() {
    return new Identity(id, displayName, type, accounts, workspaces, admin, createdAt);
  }

  /**
   * A key whose random bytes all derive from {@code seed}: the same seed gives the same key, and
   * different seeds below 62 give different prefixes.
   */
  public static ApiKeySecret aSecret(int seed) {
    byte[] random = new byte[ApiKeySecret.RANDOM_BYTES];
    for (int i = 0; i < random.length; i++) {
      random[i] = (byte) (seed + i);
    }
    return ApiKeySecret.fromRandom(random);
  }

  /** A key that differs from {@code aSecret(seed)} in its secret part but has the same prefix. */
  public static ApiKeySecret aSecretWithPrefixOf(int seed) {
    byte[] random = new byte[ApiKeySecret.RANDOM_BYTES];
    for (int i = 0; i < random.length; i++) {
      random[i] = (byte) (i < ApiKeySecret.PREFIX_LENGTH ? seed + i : seed + i + 1);
    }
    return ApiKeySecret.fromRandom(random);
  }

  /** The unnamed, unexpired, unrevoked record of {@code aSecret(seed)}, owned by {@code owner}. */
  public static ApiKey aKey(int seed, String owner, Instant createdAt) {
    return ApiKey.issue(aSecret(seed), owner, null, createdAt, Optional.empty());
  }
}
