package org.modelregistry.adapter.persistence;

import static org.modelregistry.adapter.persistence.jooq.Tables.REGISTERED_MODELS;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.modelregistry.domain.registration.ImportState;
import org.modelregistry.ports.out.ImportLeases;

/**
 * Claims on IMPORTING versions in two columns of their rows. Each operation is one conditional
 * statement: two nodes claiming at once both ask for the row, and the database lets the second see
 * the first's claim (SQLite runs one writer at a time; PostgreSQL re-reads a row it waited for), so
 * exactly one of them succeeds.
 */
final class JooqImportLeases implements ImportLeases {

  private final DSLContext dsl;

  JooqImportLeases(DSLContext dsl) {
    this.dsl = Objects.requireNonNull(dsl, "dsl");
  }

  @Override
  public boolean claim(String registrationId, String nodeId, Instant now, Instant until) {
    return dsl.update(REGISTERED_MODELS)
            .set(REGISTERED_MODELS.LEASE_OWNER, nodeId)
            .set(REGISTERED_MODELS.LEASE_EXPIRES_AT, EpochMicros.of(until))
            .where(REGISTERED_MODELS.ID.eq(registrationId))
            .and(importing())
            .and(
                REGISTERED_MODELS
                    .LEASE_OWNER
                    .isNull()
                    .or(REGISTERED_MODELS.LEASE_OWNER.eq(nodeId))
                    .or(REGISTERED_MODELS.LEASE_EXPIRES_AT.le(EpochMicros.of(now))))
            .execute()
        == 1;
  }

  @Override
  public boolean renew(String registrationId, String nodeId, Instant now, Instant until) {
    return dsl.update(REGISTERED_MODELS)
            .set(REGISTERED_MODELS.LEASE_EXPIRES_AT, EpochMicros.of(until))
            .where(REGISTERED_MODELS.ID.eq(registrationId))
            .and(importing())
            .and(heldBy(nodeId, now))
            .execute()
        == 1;
  }

  @Override
  public boolean holds(String registrationId, String nodeId, Instant now) {
    return dsl.fetchExists(
        REGISTERED_MODELS, REGISTERED_MODELS.ID.eq(registrationId).and(heldBy(nodeId, now)));
  }

  @Override
  public void release(String registrationId, String nodeId, Instant now) {
    // Run out rather than cleared: a claim never taken is left to its registering node a while,
    // one given up may be taken over at once.
    dsl.update(REGISTERED_MODELS)
        .set(REGISTERED_MODELS.LEASE_EXPIRES_AT, EpochMicros.of(now))
        .where(REGISTERED_MODELS.ID.eq(registrationId))
        .and(REGISTERED_MODELS.LEASE_OWNER.eq(nodeId))
        .execute();
  }

  @Override
  public List<String> claimable(Instant now, java.time.Duration grace, int limit) {
    return dsl.select(REGISTERED_MODELS.ID)
        .from(REGISTERED_MODELS)
        .where(importing())
        .and(
            REGISTERED_MODELS
                .LEASE_OWNER
                .isNull()
                .and(REGISTERED_MODELS.CREATED_AT.le(EpochMicros.of(now.minus(grace))))
                .or(REGISTERED_MODELS.LEASE_EXPIRES_AT.le(EpochMicros.of(now))))
        .orderBy(REGISTERED_MODELS.CREATED_AT, REGISTERED_MODELS.ID)
        .limit(limit)
        .fetch(REGISTERED_MODELS.ID);
  }

  private static Condition importing() {
    return REGISTERED_MODELS.STATE.eq(ImportState.IMPORTING.name());
  }

  private static Condition heldBy(String nodeId, Instant now) {
    return REGISTERED_MODELS
        .LEASE_OWNER
        .eq(nodeId)
        .and(REGISTERED_MODELS.LEASE_EXPIRES_AT.gt(EpochMicros.of(now)));
  }
}
