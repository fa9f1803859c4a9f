package org.modelregistry.adapter.persistence;

import static org.modelregistry.adapter.persistence.jooq.Tables.MODEL_ENTITIES;
import static org.modelregistry.adapter.persistence.jooq.Tables.MODEL_ENTITY_ADAPTERS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.SortField;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.modelregistry.adapter.persistence.jooq.tables.records.ModelEntitiesRecord;
import org.modelregistry.adapter.persistence.jooq.tables.records.ModelEntityAdaptersRecord;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.workspace.EntityName;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.domain.workspace.ModelEntity;
import org.modelregistry.domain.workspace.ModelRef;
import org.modelregistry.domain.workspace.WorkspaceName;
import org.modelregistry.ports.in.workspace.ModelEntityQuery;
import org.modelregistry.ports.out.ModelEntityRepository;
import org.modelregistry.ports.out.TransactionRunner;
import org.modelregistry.ports.paging.Page;

/**
 * Model entities in {@code model_entities}, their adapters in {@code model_entity_adapters}. An
 * entity is always read together with its adapters in one statement (a join), so that a reader
 * never combines an entity's row with the adapters of another moment, even outside a transaction.
 */
final class JooqModelEntityRepository implements ModelEntityRepository {

  private final DSLContext dsl;
  private final TransactionRunner transactions;
  private final DatabaseVendor vendor;
  private final ModelEntityRecordMapper mapper;

  JooqModelEntityRepository(
      DSLContext dsl,
      TransactionRunner transactions,
      DatabaseVendor vendor,
      ModelEntityRecordMapper mapper) {
    this.dsl = dsl;
    this.transactions = transactions;
    this.vendor = vendor;
    this.mapper = mapper;
  }

  @Override
  public void insert(ModelEntity entity) {
    var row = mapper.toRecord(entity);
    var adapters = mapper.toAdapterRecords(entity);
    try {
      // Checking first gives a precise message; the primary key still decides races that a
      // database without SQLite's serialized writers lets through.
      transactions.inTransaction(
          () -> {
            if (dsl.fetchExists(MODEL_ENTITIES, key(entity.workspace(), entity.name()))) {
              throw taken(entity);
            }
            dsl.insertInto(MODEL_ENTITIES).set(row).execute();
            insertAdapters(adapters);
            return null;
          });
    } catch (DataAccessException e) {
      throw conflictOrSelf(e, entity);
    }
  }

  @Override
  public boolean update(ModelEntity entity) {
    var row = mapper.toRecord(entity);
    // The key selects the row; it is not one of the values that change.
    row.changed(MODEL_ENTITIES.WORKSPACE, false);
    row.changed(MODEL_ENTITIES.NAME, false);
    var adapters = mapper.toAdapterRecords(entity);
    try {
      return transactions.inTransaction(
          () -> {
            int updated =
                dsl.update(MODEL_ENTITIES)
                    .set(row)
                    .where(key(entity.workspace(), entity.name()))
                    .execute();
            if (updated == 0) {
              return false;
            }
            dsl.deleteFrom(MODEL_ENTITY_ADAPTERS)
                .where(adaptersOf(entity.workspace(), entity.name()))
                .execute();
            insertAdapters(adapters);
            return true;
          });
    } catch (DataAccessException e) {
      throw conflictOrSelf(e, entity);
    }
  }

  private void insertAdapters(List<ModelEntityAdaptersRecord> adapters) {
    if (!adapters.isEmpty()) {
      Inserts.all(dsl, MODEL_ENTITY_ADAPTERS, adapters);
    }
  }

  @Override
  public Optional<ModelEntity> find(WorkspaceName workspace, EntityName name) {
    return fetch(key(workspace, name), List.of(MODEL_ENTITIES.NAME.asc())).stream().findFirst();
  }

  /**
   * One page in the query's order. The total counts every match, wherever the page starts; count
   * and page are two statements, as in {@link Listing#fetch}; the entities and their adapters are
   * one.
   */
  @Override
  public Page<ModelEntity> list(ModelEntityQuery query) {
    Condition filters = filters(query);
    List<SortField<?>> order =
        WorkspaceConditions.order(
            query.sort(),
            MODEL_ENTITIES.NAME,
            MODEL_ENTITIES.CREATED_AT,
            MODEL_ENTITIES.UPDATED_AT);
    long total = dsl.fetchCount(MODEL_ENTITIES, filters);
    var pageNames =
        DSL.select(MODEL_ENTITIES.NAME)
            .from(MODEL_ENTITIES)
            .where(filters)
            .orderBy(order)
            .limit(query.page().pageSize())
            .offset(query.page().offset());
    List<ModelEntity> items =
        fetch(
            MODEL_ENTITIES
                .WORKSPACE
                .eq(query.workspace().value())
                .and(MODEL_ENTITIES.NAME.in(pageNames)),
            order);
    return new Page<>(items, total, query.page().page(), query.page().pageSize(), Optional.empty());
  }

  private static Condition filters(ModelEntityQuery query) {
    Condition filters = MODEL_ENTITIES.WORKSPACE.eq(query.workspace().value());
    if (query.name().isPresent()) {
      filters = filters.and(WorkspaceConditions.matches(MODEL_ENTITIES.NAME, query.name().get()));
    }
    if (query.project().isPresent()) {
      filters = filters.and(MODEL_ENTITIES.PROJECT.eq(query.project().get().value()));
    }
    if (query.hasBaseModel().isPresent()) {
      filters =
          filters.and(
              query.hasBaseModel().get()
                  ? MODEL_ENTITIES.BASE_MODEL.isNotNull()
                  : MODEL_ENTITIES.BASE_MODEL.isNull());
    }
    if (query.baseModel().isPresent()) {
      filters =
          filters.and(
              WorkspaceConditions.matches(MODEL_ENTITIES.BASE_MODEL, query.baseModel().get()));
    }
    if (query.finetuningType().isPresent()) {
      String type = query.finetuningType().get().wire();
      filters =
          filters.and(
              MODEL_ENTITIES
                  .FINETUNING_TYPE
                  .eq(type)
                  .or(
                      DSL.exists(
                          DSL.selectOne()
                              .from(MODEL_ENTITY_ADAPTERS)
                              .where(MODEL_ENTITY_ADAPTERS.WORKSPACE.eq(MODEL_ENTITIES.WORKSPACE))
                              .and(MODEL_ENTITY_ADAPTERS.MODEL_NAME.eq(MODEL_ENTITIES.NAME))
                              .and(MODEL_ENTITY_ADAPTERS.FINETUNING_TYPE.eq(type)))));
    }
    if (query.fileset().isPresent()) {
      filters = filters.and(MODEL_ENTITIES.FILESET.eq(query.fileset().get().toString()));
    }
    if (query.description().isPresent()) {
      filters =
          filters.and(
              WorkspaceConditions.matches(MODEL_ENTITIES.DESCRIPTION, query.description().get()));
    }
    return filters
        .and(WorkspaceConditions.within(MODEL_ENTITIES.CREATED_AT, query.createdAt()))
        .and(WorkspaceConditions.within(MODEL_ENTITIES.UPDATED_AT, query.updatedAt()));
  }

  @Override
  public boolean usesFileset(FilesetRef fileset) {
    String ref = fileset.toString();
    return dsl.fetchExists(
        DSL.selectOne()
            .from(MODEL_ENTITIES)
            .where(MODEL_ENTITIES.FILESET.eq(ref))
            .unionAll(
                DSL.selectOne()
                    .from(MODEL_ENTITY_ADAPTERS)
                    .where(MODEL_ENTITY_ADAPTERS.FILESET.eq(ref))));
  }

  @Override
  public Optional<ModelRef> anyDerivedFrom(ModelRef base) {
    return dsl.select(MODEL_ENTITIES.WORKSPACE, MODEL_ENTITIES.NAME)
        .from(MODEL_ENTITIES)
        .where(MODEL_ENTITIES.BASE_MODEL.eq(base.toString()))
        .orderBy(MODEL_ENTITIES.WORKSPACE, MODEL_ENTITIES.NAME)
        .limit(1)
        .fetchOptional(
            r ->
                new ModelRef(
                    new WorkspaceName(r.get(MODEL_ENTITIES.WORKSPACE)),
                    new EntityName(r.get(MODEL_ENTITIES.NAME))));
  }

  @Override
  public boolean delete(WorkspaceName workspace, EntityName name) {
    // The adapter rows go with it: ON DELETE CASCADE.
    return dsl.deleteFrom(MODEL_ENTITIES).where(key(workspace, name)).execute() > 0;
  }

  /**
   * The entities {@code where} selects with their adapters, in {@code order}, from one statement.
   */
  private List<ModelEntity> fetch(Condition where, List<SortField<?>> order) {
    var fields = new ArrayList<SelectField<?>>(Arrays.asList(MODEL_ENTITIES.fields()));
    fields.addAll(Arrays.asList(MODEL_ENTITY_ADAPTERS.fields()));
    var orderWithAdapters = new ArrayList<SortField<?>>(order);
    orderWithAdapters.add(MODEL_ENTITY_ADAPTERS.POSITION.asc());
    var result =
        dsl.select(fields)
            .from(MODEL_ENTITIES)
            .leftJoin(MODEL_ENTITY_ADAPTERS)
            .on(MODEL_ENTITY_ADAPTERS.WORKSPACE.eq(MODEL_ENTITIES.WORKSPACE))
            .and(MODEL_ENTITY_ADAPTERS.MODEL_NAME.eq(MODEL_ENTITIES.NAME))
            .where(where)
            .orderBy(orderWithAdapters)
            .fetch();
    // Keyed by name: every statement here reads one workspace.
    Map<String, ModelEntitiesRecord> rows = new LinkedHashMap<>();
    Map<String, List<ModelEntityAdaptersRecord>> adapters = new HashMap<>();
    for (Record record : result) {
      String name = record.get(MODEL_ENTITIES.NAME);
      rows.computeIfAbsent(name, k -> record.into(MODEL_ENTITIES));
      if (record.get(MODEL_ENTITY_ADAPTERS.MODEL_NAME) != null) {
        adapters
            .computeIfAbsent(name, k -> new ArrayList<>())
            .add(record.into(MODEL_ENTITY_ADAPTERS));
      }
    }
    return rows.values().stream()
        .map(row -> mapper.toEntity(row, adapters.getOrDefault(row.getName(), List.of())))
        .toList();
  }

  private static Condition key(WorkspaceName workspace, EntityName name) {
    return MODEL_ENTITIES.WORKSPACE.eq(workspace.value()).and(MODEL_ENTITIES.NAME.eq(name.value()));
  }

  private static Condition adaptersOf(WorkspaceName workspace, EntityName name) {
    return MODEL_ENTITY_ADAPTERS
        .WORKSPACE
        .eq(workspace.value())
        .and(MODEL_ENTITY_ADAPTERS.MODEL_NAME.eq(name.value()));
  }

  private RuntimeException conflictOrSelf(DataAccessException e, ModelEntity entity) {
    return vendor
        .constraintViolation(e)
        .<RuntimeException>map(
            kind ->
                switch (kind) {
                  case PRIMARY_KEY, UNIQUE -> taken(entity);
                  case FOREIGN_KEY -> e;
                })
        .orElse(e);
  }

  private static ConflictException taken(ModelEntity entity) {
    return new ConflictException(
        "workspace '" + entity.workspace() + "' already has a model named '" + entity.name() + "'");
  }
}
