package org.modelregistry.adapter.persistence;

import static org.modelregistry.adapter.persistence.jooq.Tables.AUDIT_LOG;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.modelregistry.adapter.persistence.jooq.tables.records.AuditLogRecord;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.AuditEntry;
import org.modelregistry.domain.identity.IdentityType;
import org.modelregistry.ports.out.AuditLog;
import org.modelregistry.ports.out.TransactionRunner;
import org.modelregistry.ports.paging.Page;

/**
 * The audit log in {@code audit_log}: each entry takes the next sequence number, so entries that
 * share a timestamp keep their arrival order; two racing appends retry on the taken number.
 */
final class JooqAuditLog implements AuditLog {

  private static final int APPEND_ATTEMPTS = 5;

  private final DSLContext dsl;
  private final TransactionRunner transactions;
  private final DatabaseVendor vendor;

  JooqAuditLog(DSLContext dsl, TransactionRunner transactions, DatabaseVendor vendor) {
    this.dsl = dsl;
    this.transactions = transactions;
    this.vendor = vendor;
  }

  @Override
  public void append(AuditEntry entry) {
    for (int attempt = 1; ; attempt++) {
      try {
        transactions.inTransaction(
            () -> {
              long next =
                  Optional.ofNullable(
                              dsl.select(DSL.max(AUDIT_LOG.SEQ))
                                  .from(AUDIT_LOG)
                                  .fetchOne(0, Long.class))
                          .orElse(0L)
                      + 1;
              var row = dsl.newRecord(AUDIT_LOG);
              row.setSeq(next);
              row.setAt(EpochMicros.of(entry.at()));
              row.setActorId(entry.actor().map(Actor::userId).orElse(null));
              row.setActorType(entry.actor().map(a -> a.identityType().wireValue()).orElse(null));
              row.setAction(entry.action());
              row.setTarget(entry.target());
              row.setStatus(entry.status());
              dsl.insertInto(AUDIT_LOG).set(row).execute();
              return null;
            });
        return;
      } catch (DataAccessException e) {
        if (attempt >= APPEND_ATTEMPTS || vendor.constraintViolation(e).isEmpty()) {
          throw e;
        }
      }
    }
  }

  @Override
  public Page<AuditEntry> list(
      Optional<String> actorId, Optional<Instant> before, int page, int pageSize) {
    Condition filter = DSL.trueCondition();
    if (actorId.isPresent()) {
      filter = filter.and(AUDIT_LOG.ACTOR_ID.eq(actorId.get()));
    }
    if (before.isPresent()) {
      filter = filter.and(AUDIT_LOG.AT.le(EpochMicros.of(before.get())));
    }
    long total = dsl.fetchCount(AUDIT_LOG, filter);
    List<AuditEntry> items =
        dsl.selectFrom(AUDIT_LOG)
            .where(filter)
            .orderBy(AUDIT_LOG.AT.desc(), AUDIT_LOG.SEQ.desc())
            .limit(pageSize)
            .offset((long) (page - 1) * pageSize)
            .fetch(JooqAuditLog::toEntry);
    return new Page<>(items, total, page, pageSize, Optional.empty());
  }

  private static AuditEntry toEntry(AuditLogRecord row) {
    Optional<Actor> actor =
        row.getActorId() == null
            ? Optional.empty()
            : Optional.of(new Actor(row.getActorId(), IdentityType.fromWire(row.getActorType())));
    return new AuditEntry(
        EpochMicros.toInstant(row.getAt()),
        actor,
        row.getAction(),
        row.getTarget(),
        row.getStatus());
  }
}
