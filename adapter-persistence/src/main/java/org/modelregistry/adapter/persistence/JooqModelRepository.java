package org.modelregistry.adapter.persistence;

import static org.modelregistry.adapter.persistence.jooq.Tables.MODEL_INSTANCE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.SortOrder;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.model.Model;
import org.modelregistry.domain.template.ModelType;
import org.modelregistry.ports.in.ModelQuery;
import org.modelregistry.ports.in.ModelSort;
import org.modelregistry.ports.in.ModelSortField;
import org.modelregistry.ports.out.ModelRepository;
import org.modelregistry.ports.out.TransactionRunner;
import org.modelregistry.ports.paging.Page;
import org.modelregistry.ports.paging.PageCursor;
import org.modelregistry.ports.paging.SortDirection;

/** Models in the {@code model_instance} table. */
final class JooqModelRepository implements ModelRepository {

  /** The model types whose models support multi-turn use, as stored. */
  private static final List<String> MULTI_TURN_TYPES =
      Arrays.stream(ModelType.values())
          .filter(ModelType::supportsMultiTurn)
          .map(ModelType::name)
          .toList();

  private final DSLContext dsl;
  private final TransactionRunner transactions;
  private final DatabaseVendor vendor;
  private final ModelRecordMapper mapper;

  JooqModelRepository(
      DSLContext dsl,
      TransactionRunner transactions,
      DatabaseVendor vendor,
      ModelRecordMapper mapper) {
    this.dsl = dsl;
    this.transactions = transactions;
    this.vendor = vendor;
    this.mapper = mapper;
  }

  @Override
  public void insert(Model model) {
    var record = mapper.toRecord(model);
    try {
      // Checking first gives precise messages; the constraints still decide races that a
      // database without SQLite's serialized writers lets through.
      transactions.inTransaction(
          () -> {
            requireNameFree(model);
            if (dsl.fetchExists(MODEL_INSTANCE, MODEL_INSTANCE.ID.eq(model.id()))) {
              throw idTaken(model);
            }
            dsl.insertInto(MODEL_INSTANCE).set(record).execute();
            return null;
          });
    } catch (DataAccessException e) {
      throw conflictOrSelf(e, model);
    }
  }

  @Override
  public boolean update(Model model) {
    var record = mapper.toRecord(model);
    // The id selects the row; it is not one of the values that change.
    record.changed(MODEL_INSTANCE.ID, false);
    try {
      return transactions.inTransaction(
          () -> {
            if (!dsl.fetchExists(MODEL_INSTANCE, MODEL_INSTANCE.ID.eq(model.id()))) {
              return false;
            }
            requireNameFree(model);
            return dsl.update(MODEL_INSTANCE)
                    .set(record)
                    .where(MODEL_INSTANCE.ID.eq(model.id()))
                    .execute()
                > 0;
          });
    } catch (DataAccessException e) {
      throw conflictOrSelf(e, model);
    }
  }

  /** Another model of the same account already has this model's name. */
  private void requireNameFree(Model model) {
    if (dsl.fetchExists(
        MODEL_INSTANCE,
        MODEL_INSTANCE
            .ACCOUNT_ID
            .eq(model.accountId())
            .and(MODEL_INSTANCE.NAME.eq(model.definition().name().value()))
            .and(MODEL_INSTANCE.ID.ne(model.id())))) {
      throw nameTaken(model);
    }
  }

  @Override
  public Optional<Model> findById(String id) {
    return dsl.selectFrom(MODEL_INSTANCE)
        .where(MODEL_INSTANCE.ID.eq(id))
        .fetchOptional()
        .map(mapper::toModel);
  }

  @Override
  public Page<Model> list(ModelQuery query) {
    Condition filters =
        AccountScopes.condition(
            query.scope(), MODEL_INSTANCE.ACCOUNT_ID, MODEL_INSTANCE.CREATED_BY_USER_ID);
    if (query.accountId().isPresent()) {
      filters = filters.and(MODEL_INSTANCE.ACCOUNT_ID.eq(query.accountId().get()));
    }
    if (query.modelType().isPresent()) {
      filters = filters.and(MODEL_INSTANCE.MODEL_TYPE.eq(query.modelType().get().name()));
    }
    if (query.modelGroupId().isPresent()) {
      filters = filters.and(MODEL_INSTANCE.MODEL_GROUP_ID.eq(query.modelGroupId().get()));
    }
    var order = new ArrayList<SortField<?>>();
    for (ModelSort sort : query.sort()) {
      sortKey(sort.field())
          .ifPresent(
              key ->
                  order.add(
                      key.sort(
                              sort.direction() == SortDirection.ASC
                                  ? SortOrder.ASC
                                  : SortOrder.DESC)
                          .nullsLast()));
    }
    // Creation time and id always end the order, so that every order is total and stable.
    order.add(MODEL_INSTANCE.CREATED_AT.asc());
    order.add(MODEL_INSTANCE.ID.asc());
    return Listing.fetch(
        dsl,
        MODEL_INSTANCE,
        filters,
        MODEL_INSTANCE.CREATED_AT,
        MODEL_INSTANCE.ID,
        order,
        query.sort().isEmpty(),
        query.page(),
        mapper::toModel,
        m -> new PageCursor(m.createdAt(), m.id()));
  }

  /**
   * The column or expression a sort field orders by. JSON-valued attributes have none: their text
   * has no meaningful order and it would differ between databases, so sorting by them leaves the
   * order to the keys that follow.
   */
  private static Optional<Field<?>> sortKey(ModelSortField field) {
    Field<?> key =
        switch (field) {
          case NAME -> MODEL_INSTANCE.NAME;
          case DISPLAY_NAME -> MODEL_INSTANCE.DISPLAY_NAME;
          case DESCRIPTION -> MODEL_INSTANCE.DESCRIPTION;
          case MODEL_VENDOR -> MODEL_INSTANCE.MODEL_VENDOR;
          case MODEL_TYPE -> MODEL_INSTANCE.MODEL_TYPE;
          case BASE_MODEL_ID -> MODEL_INSTANCE.BASE_MODEL_ID;
          case MODEL_CARD -> MODEL_INSTANCE.MODEL_CARD;
          case TRAINING_DATA_CARD -> MODEL_INSTANCE.TRAINING_DATA_CARD;
          case MODEL_TEMPLATE_ID -> MODEL_INSTANCE.MODEL_TEMPLATE_ID;
          case MODEL_GROUP_ID -> MODEL_INSTANCE.MODEL_GROUP_ID;
          case ID -> MODEL_INSTANCE.ID;
          case CREATED_AT -> MODEL_INSTANCE.CREATED_AT;
          case ACCOUNT_ID -> MODEL_INSTANCE.ACCOUNT_ID;
          case CREATED_BY_USER_ID -> MODEL_INSTANCE.CREATED_BY_USER_ID;
          // Not stored: derived from the model type, false before true as booleans order.
          case SUPPORTS_MULTI_TURN ->
              DSL.when(MODEL_INSTANCE.MODEL_TYPE.in(MULTI_TURN_TYPES), DSL.inline(1))
                  .otherwise(DSL.inline(0));
          case BASE_MODEL_METADATA, MODEL_CREATION_PARAMETERS, REQUEST_SCHEMA, RESPONSE_SCHEMA ->
              null;
        };
    return Optional.ofNullable(key);
  }

  @Override
  public boolean delete(String id) {
    return dsl.deleteFrom(MODEL_INSTANCE).where(MODEL_INSTANCE.ID.eq(id)).execute() > 0;
  }

  private RuntimeException conflictOrSelf(DataAccessException e, Model model) {
    return vendor
        .constraintViolation(e)
        .<RuntimeException>map(
            kind ->
                switch (kind) {
                  case PRIMARY_KEY -> idTaken(model);
                  case UNIQUE -> nameTaken(model);
                  // Only when the template was deleted by a transaction committed meanwhile.
                  case FOREIGN_KEY ->
                      new ConflictException(
                          "model template '"
                              + model.definition().modelTemplateId()
                              + "' no longer exists");
                })
        .orElse(e);
  }

  private static ConflictException nameTaken(Model model) {
    return new ConflictException(
        "a model named '"
            + model.definition().name()
            + "' already exists in account '"
            + model.accountId()
            + "'");
  }

  private static ConflictException idTaken(Model model) {
    return new ConflictException("a model with id '" + model.id() + "' already exists");
  }
}
