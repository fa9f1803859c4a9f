package org.modelregistry.adapter.persistence;

import static org.modelregistry.adapter.persistence.jooq.Tables.API_KEYS;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.modelregistry.adapter.persistence.jooq.tables.records.ApiKeysRecord;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.identity.ApiKey;
import org.modelregistry.ports.out.ApiKeyRepository;

/** API key records (hashes, never keys) in {@code api_keys}, one row each. */
final class JooqApiKeyRepository implements ApiKeyRepository {

  private final DSLContext dsl;
  private final DatabaseVendor vendor;

  JooqApiKeyRepository(DSLContext dsl, DatabaseVendor vendor) {
    this.dsl = dsl;
    this.vendor = vendor;
  }

  @Override
  public void insert(ApiKey key) {
    try {
      dsl.insertInto(API_KEYS).set(toRecord(key)).execute();
    } catch (DataAccessException e) {
      throw vendor.constraintViolation(e).isPresent()
          ? new ConflictException("an API key with prefix '" + key.prefix() + "' exists already")
          : e;
    }
  }

  @Override
  public Optional<ApiKey> findByPrefix(String prefix) {
    return dsl.selectFrom(API_KEYS)
        .where(API_KEYS.PREFIX.eq(prefix))
        .fetchOptional()
        .map(JooqApiKeyRepository::toKey);
  }

  @Override
  public List<ApiKey> listFor(String identityId) {
    return dsl.selectFrom(API_KEYS)
        .where(API_KEYS.IDENTITY_ID.eq(identityId))
        .orderBy(API_KEYS.CREATED_AT, API_KEYS.PREFIX)
        .fetch(JooqApiKeyRepository::toKey);
  }

  @Override
  public boolean update(ApiKey key) {
    var row = toRecord(key);
    row.changed(API_KEYS.PREFIX, false);
    return dsl.update(API_KEYS).set(row).where(API_KEYS.PREFIX.eq(key.prefix())).execute() > 0;
  }

  private ApiKeysRecord toRecord(ApiKey key) {
    var row = dsl.newRecord(API_KEYS);
    row.setPrefix(key.prefix());
    row.setIdentityId(key.identityId());
    row.setKeyHash(key.hash());
    row.setName(key.name());
    row.setCreatedAt(EpochMicros.of(key.createdAt()));
    row.setExpiresAt(key.expiresAt().map(EpochMicros::of).orElse(null));
    row.setRevokedAt(key.revokedAt().map(EpochMicros::of).orElse(null));
    return row;
  }

  private static ApiKey toKey(ApiKeysRecord row) {
    return new ApiKey(
        row.getPrefix(),
        row.getIdentityId(),
        row.getKeyHash(),
        row.getName(),
        EpochMicros.toInstant(row.getCreatedAt()),
        Optional.ofNullable(row.getExpiresAt()).map(EpochMicros::toInstant),
        Optional.ofNullable(row.getRevokedAt()).map(EpochMicros::toInstant));
  }
}
