package org.modelregistry.adapter.persistence;

import static org.modelregistry.adapter.persistence.jooq.Tables.REGISTERED_MODELS;
import static org.modelregistry.adapter.persistence.jooq.Tables.REGISTERED_MODEL_FILES;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
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
import org.modelregistry.adapter.persistence.jooq.tables.records.RegisteredModelFilesRecord;
import org.modelregistry.adapter.persistence.jooq.tables.records.RegisteredModelsRecord;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.naming.ResourceName;
import org.modelregistry.domain.registration.ImportState;
import org.modelregistry.domain.registration.RegisteredModel;
import org.modelregistry.domain.registration.VersionName;
import org.modelregistry.domain.registration.Visibility;
import org.modelregistry.ports.in.registration.RegisteredModelQuery;
import org.modelregistry.ports.out.RegisteredModelRepository;
import org.modelregistry.ports.out.TransactionRunner;
import org.modelregistry.ports.paging.Page;
import org.modelregistry.ports.paging.PageCursor;
import org.modelregistry.ports.paging.PageRequest;

/**
 * Registered versions in {@code registered_models}, their files in {@code registered_model_files}.
 * A version is always read together with its files in one statement (a join), so that a reader
 * never combines a version's row with the files of another moment, even outside a transaction.
 */
final class JooqRegisteredModelRepository implements RegisteredModelRepository {

  private static final List<SortField<?>> NEWEST_FIRST =
      List.of(REGISTERED_MODELS.CREATED_AT.desc(), REGISTERED_MODELS.ID.desc());
  private static final List<SortField<?>> OLDEST_FIRST =
      List.of(REGISTERED_MODELS.CREATED_AT.asc(), REGISTERED_MODELS.ID.asc());

  private final DSLContext dsl;
  private final TransactionRunner transactions;
  private final DatabaseVendor vendor;
  private final RegisteredModelRecordMapper mapper;

  JooqRegisteredModelRepository(
      DSLContext dsl,
      TransactionRunner transactions,
      DatabaseVendor vendor,
      RegisteredModelRecordMapper mapper) {
    this.dsl = dsl;
    this.transactions = transactions;
    this.vendor = vendor;
    this.mapper = mapper;
  }

  @Override
  public void insert(RegisteredModel model) {
    var row = mapper.toRecord(model);
    var files = mapper.toFileRecords(model);
    try {
      // Checking first gives precise messages; the constraints still decide races that a
      // database without SQLite's serialized writers lets through.
      transactions.inTransaction(
          () -> {
            if (dsl.fetchExists(REGISTERED_MODELS, sameVersion(model))) {
              throw versionTaken(model);
            }
            if (dsl.fetchExists(REGISTERED_MODELS, REGISTERED_MODELS.ID.eq(model.id()))) {
              throw idTaken(model);
            }
            dsl.insertInto(REGISTERED_MODELS).set(row).execute();
            Inserts.all(dsl, REGISTERED_MODEL_FILES, files);
            return null;
          });
    } catch (DataAccessException e) {
      throw conflictOrSelf(e, model);
    }
  }

  @Override
  public boolean update(RegisteredModel model) {
    var row = mapper.toRecord(model);
    // The id selects the row; it is not one of the values that change.
    row.changed(REGISTERED_MODELS.ID, false);
    var files = mapper.toFileRecords(model);
    try {
      return transactions.inTransaction(
          () -> {
            int updated =
                dsl.update(REGISTERED_MODELS)
                    .set(row)
                    .where(REGISTERED_MODELS.ID.eq(model.id()))
                    .execute();
            if (updated == 0) {
              return false;
            }
            replaceFiles(model.id(), files);
            return true;
          });
    } catch (DataAccessException e) {
      throw conflictOrSelf(e, model);
    }
  }

  /**
   * Makes the stored file rows of {@code modelId} equal to {@code files}. An import updates one
   * file at a time, often (progress), so only the rows that changed are written; a different list
   * of targets, which the domain never produces, replaces every row.
   */
  private void replaceFiles(String modelId, List<RegisteredModelFilesRecord> files) {
    List<RegisteredModelFilesRecord> stored =
        dsl.selectFrom(REGISTERED_MODEL_FILES)
            .where(REGISTERED_MODEL_FILES.MODEL_ID.eq(modelId))
            .orderBy(REGISTERED_MODEL_FILES.POSITION)
            .fetch();
    if (!sameTargets(stored, files)) {
      dsl.deleteFrom(REGISTERED_MODEL_FILES)
          .where(REGISTERED_MODEL_FILES.MODEL_ID.eq(modelId))
          .execute();
      Inserts.all(dsl, REGISTERED_MODEL_FILES, files);
      return;
    }
    for (int i = 0; i < files.size(); i++) {
      RegisteredModelFilesRecord file = files.get(i);
      if (!Arrays.equals(stored.get(i).intoArray(), file.intoArray())) {
        dsl.update(REGISTERED_MODEL_FILES)
            .set(file)
            .where(REGISTERED_MODEL_FILES.MODEL_ID.eq(modelId))
            .and(REGISTERED_MODEL_FILES.POSITION.eq(file.getPosition()))
            .execute();
      }
    }
  }

  private static boolean sameTargets(
      List<RegisteredModelFilesRecord> stored, List<RegisteredModelFilesRecord> files) {
    if (stored.size() != files.size()) {
      return false;
    }
    for (int i = 0; i < files.size(); i++) {
      if (!stored.get(i).getPosition().equals(files.get(i).getPosition())
          || !stored.get(i).getTarget().equals(files.get(i).getTarget())) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Optional<RegisteredModel> findById(String id) {
    return fetch(REGISTERED_MODELS.ID.eq(id), OLDEST_FIRST).stream().findFirst();
  }

  @Override
  public Optional<RegisteredModel> find(String ownerId, ResourceName name, VersionName version) {
    Condition key =
        REGISTERED_MODELS
            .OWNER_ID
            .eq(ownerId)
            .and(REGISTERED_MODELS.NAME.eq(name.value()))
            .and(REGISTERED_MODELS.VERSION.eq(version.value()));
    return fetch(key, OLDEST_FIRST).stream().findFirst();
  }

  @Override
  public List<RegisteredModel> findPublic(ResourceName name, VersionName version) {
    return fetch(
        REGISTERED_MODELS
            .NAME
            .eq(name.value())
            .and(REGISTERED_MODELS.VERSION.eq(version.value()))
            .and(REGISTERED_MODELS.VISIBILITY.eq(Visibility.PUBLIC.name())),
        OLDEST_FIRST);
  }

  @Override
  public List<RegisteredModel> findImporting() {
    return fetch(REGISTERED_MODELS.STATE.eq(ImportState.IMPORTING.name()), OLDEST_FIRST);
  }

  /** One grouped count over the state column. */
  @Override
  public Map<ImportState, Long> countByState() {
    Map<ImportState, Long> counts = new EnumMap<>(ImportState.class);
    for (ImportState state : ImportState.values()) {
      counts.put(state, 0L);
    }
    dsl.select(REGISTERED_MODELS.STATE, DSL.count())
        .from(REGISTERED_MODELS)
        .groupBy(REGISTERED_MODELS.STATE)
        .forEach(row -> counts.put(ImportState.valueOf(row.value1()), (long) row.value2()));
    return counts;
  }

  /**
   * One page, newest first. The total counts every match, wherever the page starts. One version
   * more than the page holds is fetched to learn whether another page follows; only then does the
   * page carry a cursor to its last item. Count and page are two statements, as in {@link
   * Listing#fetch}; the versions and their files are one.
   */
  @Override
  public Page<RegisteredModel> list(RegisteredModelQuery query) {
    Condition filters = filters(query);
    PageRequest request = query.page();
    long total = dsl.fetchCount(REGISTERED_MODELS, filters);
    Condition position =
        request
            .cursor()
            .map(
                c ->
                    Listing.afterNewestFirst(c, REGISTERED_MODELS.CREATED_AT, REGISTERED_MODELS.ID))
            .orElse(DSL.noCondition());
    var pageIds =
        DSL.select(REGISTERED_MODELS.ID)
            .from(REGISTERED_MODELS)
            .where(filters.and(position))
            .orderBy(NEWEST_FIRST)
            .limit(request.limit() + 1)
            .offset(request.offset());
    List<RegisteredModel> rows = fetch(REGISTERED_MODELS.ID.in(pageIds), NEWEST_FIRST);
    boolean more = rows.size() > request.limit();
    List<RegisteredModel> items = more ? rows.subList(0, request.limit()) : rows;
    Optional<PageCursor> next =
        more
            ? Optional.of(new PageCursor(items.getLast().createdAt(), items.getLast().id()))
            : Optional.empty();
    return new Page<>(items, total, request.page(), request.limit(), next);
  }

  /**
   * Visible to the viewer ({@link
   * org.modelregistry.domain.registration.RegisteredModel#isVisibleTo}: public, the viewer's own,
   * or every one to an administrator), and every optional filter.
   */
  private static Condition filters(RegisteredModelQuery query) {
    Caller viewer = query.viewer();
    Condition filters =
        viewer.admin()
            ? DSL.noCondition()
            : viewer
                .actor()
                .map(
                    actor ->
                        REGISTERED_MODELS
                            .VISIBILITY
                            .eq(Visibility.PUBLIC.name())
                            .or(REGISTERED_MODELS.OWNER_ID.eq(actor.userId())))
                .orElse(REGISTERED_MODELS.VISIBILITY.eq(Visibility.PUBLIC.name()));
    if (query.type().isPresent()) {
      filters = filters.and(REGISTERED_MODELS.TYPE.eq(query.type().get().name()));
    }
    if (query.visibility().isPresent()) {
      filters = filters.and(REGISTERED_MODELS.VISIBILITY.eq(query.visibility().get().name()));
    }
    if (query.ownerId().isPresent()) {
      filters = filters.and(REGISTERED_MODELS.OWNER_ID.eq(query.ownerId().get()));
    }
    if (query.name().isPresent()) {
      filters = filters.and(REGISTERED_MODELS.NAME.eq(query.name().get().value()));
    }
    if (query.namePrefix().isPresent() && !query.namePrefix().get().isEmpty()) {
      filters = filters.and(startsWith(query.namePrefix().get()));
    }
    return filters;
  }

  /**
   * Names starting with {@code prefix}, compared as text: no LIKE, whose wildcards ({@code %},
   * {@code _}) would need escaping and which ignores ASCII case on SQLite. Both SQLite and
   * PostgreSQL count {@code substr} positions in characters (code points).
   */
  private static Condition startsWith(String prefix) {
    int length = prefix.codePointCount(0, prefix.length());
    return DSL.substring(REGISTERED_MODELS.NAME, DSL.inline(1), DSL.val(length)).eq(prefix);
  }

  @Override
  public boolean delete(String id) {
    // The file rows go with it: ON DELETE CASCADE.
    return dsl.deleteFrom(REGISTERED_MODELS).where(REGISTERED_MODELS.ID.eq(id)).execute() > 0;
  }

  /** The versions {@code where} selects with their files, in {@code order}, from one statement. */
  private List<RegisteredModel> fetch(Condition where, List<SortField<?>> order) {
    var fields = new ArrayList<SelectField<?>>(Arrays.asList(REGISTERED_MODELS.fields()));
    fields.addAll(Arrays.asList(REGISTERED_MODEL_FILES.fields()));
    var orderWithFiles = new ArrayList<SortField<?>>(order);
    orderWithFiles.add(REGISTERED_MODEL_FILES.POSITION.asc());
    var result =
        dsl.select(fields)
            .from(REGISTERED_MODELS)
            .leftJoin(REGISTERED_MODEL_FILES)
            .on(REGISTERED_MODEL_FILES.MODEL_ID.eq(REGISTERED_MODELS.ID))
            .where(where)
            .orderBy(orderWithFiles)
            .fetch();
    Map<String, RegisteredModelsRecord> rows = new LinkedHashMap<>();
    Map<String, List<RegisteredModelFilesRecord>> files = new HashMap<>();
    for (Record record : result) {
      String id = record.get(REGISTERED_MODELS.ID);
      rows.computeIfAbsent(id, k -> record.into(REGISTERED_MODELS));
      // A version without file rows is corrupt; the mapper says so instead of skipping it.
      if (record.get(REGISTERED_MODEL_FILES.MODEL_ID) != null) {
        files.computeIfAbsent(id, k -> new ArrayList<>()).add(record.into(REGISTERED_MODEL_FILES));
      }
    }
    return rows.values().stream()
        .map(row -> mapper.toModel(row, files.getOrDefault(row.getId(), List.of())))
        .toList();
  }

  private static Condition sameVersion(RegisteredModel model) {
    return REGISTERED_MODELS
        .OWNER_ID
        .eq(model.ownerId())
        .and(REGISTERED_MODELS.NAME.eq(model.name().value()))
        .and(REGISTERED_MODELS.VERSION.eq(model.version().value()));
  }

  private RuntimeException conflictOrSelf(DataAccessException e, RegisteredModel model) {
    return vendor
        .constraintViolation(e)
        .<RuntimeException>map(
            kind ->
                switch (kind) {
                  case PRIMARY_KEY -> idTaken(model);
                  case UNIQUE -> versionTaken(model);
                  case FOREIGN_KEY -> e;
                })
        .orElse(e);
  }

  private static ConflictException versionTaken(RegisteredModel model) {
    return new ConflictException(
        "model '" + model.name() + "' version '" + model.version() + "' is already registered");
  }

  private static ConflictException idTaken(RegisteredModel model) {
    return new ConflictException("a registered model with id '" + model.id() + "' already exists");
  }
}
