package org.modelregistry.adapter.persistence;

import static org.modelregistry.adapter.persistence.jooq.Tables.IDENTITIES;
import static org.modelregistry.adapter.persistence.jooq.Tables.IDENTITY_MEMBERSHIPS;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.modelregistry.adapter.persistence.jooq.tables.records.IdentitiesRecord;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.identity.Identity;
import org.modelregistry.domain.identity.IdentityType;
import org.modelregistry.ports.out.IdentityRepository;
import org.modelregistry.ports.out.TransactionRunner;

/** Identities in {@code identities}, their memberships in {@code identity_memberships}. */
final class JooqIdentityRepository implements IdentityRepository {

  private static final String ACCOUNT = "account";
  private static final String WORKSPACE = "workspace";

  private final DSLContext dsl;
  private final TransactionRunner transactions;
  private final DatabaseVendor vendor;

  JooqIdentityRepository(DSLContext dsl, TransactionRunner transactions, DatabaseVendor vendor) {
    this.dsl = dsl;
    this.transactions = transactions;
    this.vendor = vendor;
  }

  @Override
  public void insert(Identity identity) {
    try {
      transactions.inTransaction(
          () -> {
            if (dsl.fetchExists(IDENTITIES, IDENTITIES.ID.eq(identity.id()))) {
              throw taken(identity);
            }
            dsl.insertInto(IDENTITIES).set(toRecord(identity)).execute();
            insertMemberships(identity);
            return null;
          });
    } catch (DataAccessException e) {
      throw vendor.constraintViolation(e).isPresent() ? taken(identity) : e;
    }
  }

  @Override
  public Optional<Identity> find(String id) {
    return dsl.selectFrom(IDENTITIES)
        .where(IDENTITIES.ID.eq(id))
        .fetchOptional()
        .map(row -> toIdentity(row, memberships(Set.of(id)).getOrDefault(id, Map.of())));
  }

  @Override
  public boolean update(Identity identity) {
    return transactions.inTransaction(
        () -> {
          var row = toRecord(identity);
          row.changed(IDENTITIES.ID, false);
          if (dsl.update(IDENTITIES).set(row).where(IDENTITIES.ID.eq(identity.id())).execute()
              == 0) {
            return false;
          }
          dsl.deleteFrom(IDENTITY_MEMBERSHIPS)
              .where(IDENTITY_MEMBERSHIPS.IDENTITY_ID.eq(identity.id()))
              .execute();
          insertMemberships(identity);
          return true;
        });
  }

  @Override
  public List<Identity> list() {
    List<IdentitiesRecord> rows = dsl.selectFrom(IDENTITIES).orderBy(IDENTITIES.ID).fetch();
    var members =
        memberships(rows.stream().map(IdentitiesRecord::getId).collect(Collectors.toSet()));
    return rows.stream()
        .map(row -> toIdentity(row, members.getOrDefault(row.getId(), Map.of())))
        .toList();
  }

  @Override
  public boolean isEmpty() {
    return !dsl.fetchExists(IDENTITIES);
  }

  private void insertMemberships(Identity identity) {
    for (String account : identity.accounts()) {
      insertMembership(identity.id(), ACCOUNT, account);
    }
    for (String workspace : identity.workspaces()) {
      insertMembership(identity.id(), WORKSPACE, workspace);
    }
  }

  private void insertMembership(String identityId, String kind, String name) {
    dsl.insertInto(IDENTITY_MEMBERSHIPS)
        .set(IDENTITY_MEMBERSHIPS.IDENTITY_ID, identityId)
        .set(IDENTITY_MEMBERSHIPS.KIND, kind)
        .set(IDENTITY_MEMBERSHIPS.NAME, name)
        .execute();
  }

  /** Memberships by identity id, then by kind. */
  private Map<String, Map<String, Set<String>>> memberships(Set<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return dsl
        .selectFrom(IDENTITY_MEMBERSHIPS)
        .where(IDENTITY_MEMBERSHIPS.IDENTITY_ID.in(ids))
        .fetch()
        .stream()
        .collect(
            Collectors.groupingBy(
                r -> r.getIdentityId(),
                Collectors.groupingBy(
                    r -> r.getKind(), Collectors.mapping(r -> r.getName(), Collectors.toSet()))));
  }

  private IdentitiesRecord toRecord(Identity identity) {
    var row = dsl.newRecord(IDENTITIES);
    row.setId(identity.id());
    row.setDisplayName(identity.displayName());
    row.setIdentityType(identity.type().wireValue());
    row.setIsAdmin(identity.admin());
    row.setCreatedAt(EpochMicros.of(identity.createdAt()));
    return row;
  }

  private static Identity toIdentity(IdentitiesRecord row, Map<String, Set<String>> memberships) {
    return new Identity(
        row.getId(),
        row.getDisplayName(),
        IdentityType.fromWire(row.getIdentityType()),
        new HashSet<>(memberships.getOrDefault(ACCOUNT, Set.of())),
        new HashSet<>(memberships.getOrDefault(WORKSPACE, Set.of())),
        row.getIsAdmin(),
        EpochMicros.toInstant(row.getCreatedAt()));
  }

  private static ConflictException taken(Identity identity) {
    return new ConflictException("an identity with id '" + identity.id() + "' exists already");
  }
}
