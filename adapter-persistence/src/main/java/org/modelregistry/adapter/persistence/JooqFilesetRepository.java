package org.modelregistry.adapter.persistence;

import static org.modelregistry.adapter.persistence.jooq.Tables.FILESETS;

import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SortField;
import org.jooq.exception.DataAccessException;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.workspace.EntityName;
import org.modelregistry.domain.workspace.Fileset;
import org.modelregistry.domain.workspace.WorkspaceName;
import org.modelregistry.ports.in.workspace.FilesetQuery;
import org.modelregistry.ports.out.FilesetRepository;
import org.modelregistry.ports.out.TransactionRunner;
import org.modelregistry.ports.paging.Page;

/** Filesets in {@code filesets}, one row each. */
final class JooqFilesetRepository implements FilesetRepository {

  private final DSLContext dsl;
  private final TransactionRunner transactions;
  private final DatabaseVendor vendor;
  private final FilesetRecordMapper mapper;

  JooqFilesetRepository(
      DSLContext dsl,
      TransactionRunner transactions,
      DatabaseVendor vendor,
      FilesetRecordMapper mapper) {
    this.dsl = dsl;
    this.transactions = transactions;
    this.vendor = vendor;
    this.mapper = mapper;
  }

  @Override
  public void insert(Fileset fileset) {
    var row = mapper.toRecord(fileset);
    try {
      // Checking first gives a precise message; the primary key still decides races.
      transactions.inTransaction(
          () -> {
            if (dsl.fetchExists(FILESETS, key(fileset.workspace(), fileset.name()))) {
              throw taken(fileset);
            }
            dsl.insertInto(FILESETS).set(row).execute();
            return null;
          });
    } catch (DataAccessException e) {
      throw conflictOrSelf(e, fileset);
    }
  }

  @Override
  public boolean update(Fileset fileset) {
    var row = mapper.toRecord(fileset);
    // The key selects the row; it is not one of the values that change.
    row.changed(FILESETS.WORKSPACE, false);
    row.changed(FILESETS.NAME, false);
    return dsl.update(FILESETS).set(row).where(key(fileset.workspace(), fileset.name())).execute()
        > 0;
  }

  @Override
  public Optional<Fileset> find(WorkspaceName workspace, EntityName name) {
    return dsl.selectFrom(FILESETS)
        .where(key(workspace, name))
        .fetchOptional()
        .map(mapper::toFileset);
  }

  /** One page in the query's order; count and page are two statements, as in {@link Listing}. */
  @Override
  public Page<Fileset> list(FilesetQuery query) {
    Condition filters = filters(query);
    List<SortField<?>> order =
        WorkspaceConditions.order(
            query.sort(), FILESETS.NAME, FILESETS.CREATED_AT, FILESETS.UPDATED_AT);
    long total = dsl.fetchCount(FILESETS, filters);
    List<Fileset> items =
        dsl.selectFrom(FILESETS)
            .where(filters)
            .orderBy(order)
            .limit(query.page().pageSize())
            .offset(query.page().offset())
            .fetch(mapper::toFileset);
    return new Page<>(items, total, query.page().page(), query.page().pageSize(), Optional.empty());
  }

  private static Condition filters(FilesetQuery query) {
    Condition filters = FILESETS.WORKSPACE.eq(query.workspace().value());
    if (query.name().isPresent()) {
      filters = filters.and(WorkspaceConditions.matches(FILESETS.NAME, query.name().get()));
    }
    if (query.description().isPresent()) {
      filters =
          filters.and(WorkspaceConditions.matches(FILESETS.DESCRIPTION, query.description().get()));
    }
    if (query.purpose().isPresent()) {
      filters = filters.and(FILESETS.PURPOSE.eq(query.purpose().get().wire()));
    }
    if (query.storageType().isPresent()) {
      filters = filters.and(FILESETS.STORAGE_TYPE.eq(query.storageType().get()));
    }
    return filters
        .and(WorkspaceConditions.within(FILESETS.CREATED_AT, query.createdAt()))
        .and(WorkspaceConditions.within(FILESETS.UPDATED_AT, query.updatedAt()));
  }

  @Override
  public boolean delete(WorkspaceName workspace, EntityName name) {
    return dsl.deleteFrom(FILESETS).where(key(workspace, name)).execute() > 0;
  }

  private static Condition key(WorkspaceName workspace, EntityName name) {
    return FILESETS.WORKSPACE.eq(workspace.value()).and(FILESETS.NAME.eq(name.value()));
  }

  private RuntimeException conflictOrSelf(DataAccessException e, Fileset fileset) {
    return vendor
        .constraintViolation(e)
        .<RuntimeException>map(
            kind ->
                switch (kind) {
                  case PRIMARY_KEY, UNIQUE -> taken(fileset);
                  case FOREIGN_KEY -> e;
                })
        .orElse(e);
  }

  private static ConflictException taken(Fileset fileset) {
    return new ConflictException(
        "workspace '"
            + fileset.workspace()
            + "' already has a fileset named '"
            + fileset.name()
            + "'");
  }
}
