package org.modelregistry.adapter.persistence;

import static org.modelregistry.adapter.persistence.jooq.Tables.MODEL_INSTANCE;
import static org.modelregistry.adapter.persistence.jooq.Tables.MODEL_TEMPLATE;

import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.modelregistry.adapter.persistence.DatabaseVendor.ConstraintKind;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.template.Template;
import org.modelregistry.ports.in.TemplateQuery;
import org.modelregistry.ports.out.TemplateRepository;
import org.modelregistry.ports.out.TransactionRunner;
import org.modelregistry.ports.paging.Page;
import org.modelregistry.ports.paging.PageCursor;

/** Templates in the {@code model_template} table. */
final class JooqTemplateRepository implements TemplateRepository {

  private final DSLContext dsl;
  private final TransactionRunner transactions;
  private final DatabaseVendor vendor;
  private final TemplateRecordMapper mapper;

  JooqTemplateRepository(
      DSLContext dsl,
      TransactionRunner transactions,
      DatabaseVendor vendor,
      TemplateRecordMapper mapper) {
    this.dsl = dsl;
    this.transactions = transactions;
    this.vendor = vendor;
    this.mapper = mapper;
  }

  @Override
  public void insert(Template template) {
    var record = mapper.toRecord(template);
    try {
      // Checking first gives precise messages; the unique constraints still decide races that
      // a database without SQLite's serialized writers lets through.
      transactions.inTransaction(
          () -> {
            if (dsl.fetchExists(
                MODEL_TEMPLATE,
                MODEL_TEMPLATE
                    .ACCOUNT_ID
                    .eq(template.accountId())
                    .and(MODEL_TEMPLATE.NAME.eq(template.definition().name().value())))) {
              throw nameTaken(template);
            }
            if (dsl.fetchExists(MODEL_TEMPLATE, MODEL_TEMPLATE.ID.eq(template.id()))) {
              throw idTaken(template);
            }
            dsl.insertInto(MODEL_TEMPLATE).set(record).execute();
            return null;
          });
    } catch (DataAccessException e) {
      throw vendor
          .constraintViolation(e)
          .map(kind -> kind == ConstraintKind.PRIMARY_KEY ? idTaken(template) : nameTaken(template))
          .orElseThrow(() -> e);
    }
  }

  @Override
  public Optional<Template> findById(String id) {
    return dsl.selectFrom(MODEL_TEMPLATE)
        .where(MODEL_TEMPLATE.ID.eq(id))
        .fetchOptional()
        .map(mapper::toTemplate);
  }

  @Override
  public Page<Template> list(TemplateQuery query) {
    Condition filters =
        AccountScopes.condition(
                query.scope(), MODEL_TEMPLATE.ACCOUNT_ID, MODEL_TEMPLATE.CREATED_BY_USER_ID)
            .and(query.accountId().map(MODEL_TEMPLATE.ACCOUNT_ID::eq).orElse(DSL.noCondition()));
    return Listing.fetch(
        dsl,
        MODEL_TEMPLATE,
        filters,
        MODEL_TEMPLATE.CREATED_AT,
        MODEL_TEMPLATE.ID,
        List.of(MODEL_TEMPLATE.CREATED_AT.asc(), MODEL_TEMPLATE.ID.asc()),
        true,
        query.page(),
        mapper::toTemplate,
        t -> new PageCursor(t.createdAt(), t.id()));
  }

  @Override
  public boolean delete(String id) {
    try {
      // The usage check names the problem; the foreign key still guards a model inserted by a
      // transaction this one cannot see yet.
      return transactions.inTransaction(
          () -> {
            if (!dsl.fetchExists(MODEL_TEMPLATE, MODEL_TEMPLATE.ID.eq(id))) {
              return false;
            }
            int users = dsl.fetchCount(MODEL_INSTANCE, MODEL_INSTANCE.MODEL_TEMPLATE_ID.eq(id));
            if (users > 0) {
              throw new ConflictException(
                  "model template '" + id + "' is used by " + users + " model(s)");
            }
            return dsl.deleteFrom(MODEL_TEMPLATE).where(MODEL_TEMPLATE.ID.eq(id)).execute() > 0;
          });
    } catch (DataAccessException e) {
      if (vendor.constraintViolation(e).orElse(null) == ConstraintKind.FOREIGN_KEY) {
        throw new ConflictException("model template '" + id + "' is used by a model");
      }
      throw e;
    }
  }

  private static ConflictException nameTaken(Template template) {
    return new ConflictException(
        "a model template named '"
            + template.definition().name()
            + "' already exists in account '"
            + template.accountId()
            + "'");
  }

  private static ConflictException idTaken(Template template) {
    return new ConflictException("a model template with id '" + template.id() + "' already exists");
  }
}
