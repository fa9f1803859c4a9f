package org.modelregistry.ports.out.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.model.Model;
import org.modelregistry.domain.model.ModelDefinition;
import org.modelregistry.domain.template.Template;
import org.modelregistry.ports.in.ModelQuery;
import org.modelregistry.ports.in.ModelSort;
import org.modelregistry.ports.in.TemplateQuery;
import org.modelregistry.ports.out.ModelRepository;
import org.modelregistry.ports.out.TemplateRepository;
import org.modelregistry.ports.paging.Page;
import org.modelregistry.ports.paging.PageCursor;
import org.modelregistry.ports.paging.PageRequest;
import org.modelregistry.ports.paging.SortDirection;

/**
 * Templates and models held in memory behind one lock, so that the rule "no template is deleted
 * while a model uses it" holds as it does in a database. For tests and in-memory embedding.
 */
public final class InMemoryRegistryStore {

  private final Map<String, Template> templates = new LinkedHashMap<>();
  private final Map<String, Model> models = new LinkedHashMap<>();

  private final TemplateRepository templateRepository = new Templates();
  private final ModelRepository modelRepository = new Models();

  /** The templates; deleting one fails while a model of this store uses it. */
  public TemplateRepository templates() {
    return templateRepository;
  }

  /** The models. */
  public ModelRepository models() {
    return modelRepository;
  }

  private static final Comparator<Template> TEMPLATE_ORDER =
      Comparator.comparing(Template::createdAt).thenComparing(Template::id);
  private static final Comparator<Model> MODEL_ORDER =
      Comparator.comparing(Model::createdAt).thenComparing(Model::id);

  private final class Templates implements TemplateRepository {

    @Override
    public void insert(Template template) {
      synchronized (InMemoryRegistryStore.this) {
        boolean taken =
            templates.values().stream()
                .anyMatch(
                    t ->
                        t.accountId().equals(template.accountId())
                            && t.definition().name().equals(template.definition().name()));
        if (taken || templates.containsKey(template.id())) {
          throw new ConflictException(
              "a model template named '" + template.definition().name() + "' already exists");
        }
        templates.put(template.id(), template);
      }
    }

    @Override
    public Optional<Template> findById(String id) {
      synchronized (InMemoryRegistryStore.this) {
        return Optional.ofNullable(templates.get(id));
      }
    }

    @Override
    public Page<Template> list(TemplateQuery query) {
      synchronized (InMemoryRegistryStore.this) {
        Predicate<Template> matches =
            t ->
                t.isVisibleTo(query.viewer())
                    && query.accountId().map(a -> a.equals(t.accountId())).orElse(true);
        return page(
            templates.values(),
            matches,
            TEMPLATE_ORDER,
            query.page(),
            t -> new PageCursor(t.createdAt(), t.id()));
      }
    }

    @Override
    public boolean delete(String id) {
      synchronized (InMemoryRegistryStore.this) {
        if (!templates.containsKey(id)) {
          return false;
        }
        long users =
            models.values().stream()
                .filter(m -> id.equals(m.definition().modelTemplateId()))
                .count();
        if (users > 0) {
          throw new ConflictException(
              "model template '" + id + "' is used by " + users + " model(s)");
        }
        templates.remove(id);
        return true;
      }
    }
  }

  private final class Models implements ModelRepository {

    @Override
    public void insert(Model model) {
      synchronized (InMemoryRegistryStore.this) {
        checkNameFree(model);
        if (models.containsKey(model.id())) {
          throw new ConflictException("a model with id '" + model.id() + "' already exists");
        }
        models.put(model.id(), model);
      }
    }

    @Override
    public boolean update(Model model) {
      synchronized (InMemoryRegistryStore.this) {
        if (!models.containsKey(model.id())) {
          return false;
        }
        checkNameFree(model);
        models.put(model.id(), model);
        return true;
      }
    }

    private void checkNameFree(Model model) {
      boolean taken =
          models.values().stream()
              .anyMatch(
                  m ->
                      !m.id().equals(model.id())
                          && m.accountId().equals(model.accountId())
                          && m.definition().name().equals(model.definition().name()));
      if (taken) {
        throw new ConflictException(
            "a model named '" + model.definition().name() + "' already exists");
      }
    }

    @Override
    public Optional<Model> findById(String id) {
      synchronized (InMemoryRegistryStore.this) {
        return Optional.ofNullable(models.get(id));
      }
    }

    @Override
    public Page<Model> list(ModelQuery query) {
      synchronized (InMemoryRegistryStore.this) {
        Predicate<Model> matches =
            m ->
                m.isVisibleTo(query.viewer())
                    && query.accountId().map(a -> a.equals(m.accountId())).orElse(true)
                    && query.modelType().map(t -> t == m.definition().modelType()).orElse(true)
                    && query
                        .modelGroupId()
                        .map(g -> g.equals(m.definition().modelGroupId()))
                        .orElse(true);
        Comparator<Model> order = null;
        for (ModelSort sort : query.sort()) {
          Comparator<Model> key = sortKey(sort);
          order = order == null ? key : order.thenComparing(key);
        }
        boolean defaultOrder = order == null;
        order = defaultOrder ? MODEL_ORDER : order.thenComparing(MODEL_ORDER);
        Page<Model> page =
            page(
                models.values(),
                matches,
                order,
                query.page(),
                m -> new PageCursor(m.createdAt(), m.id()));
        // Keyset cursors describe positions in the default order only.
        return defaultOrder
            ? page
            : new Page<>(
                page.items(),
                page.totalItemCount(),
                page.currentPage(),
                page.itemsPerPage(),
                Optional.empty());
      }
    }

    @Override
    public boolean delete(String id) {
      synchronized (InMemoryRegistryStore.this) {
        return models.remove(id) != null;
      }
    }
  }

  /** Nulls sort last in either direction, as the SQL adapters do. */
  private static Comparator<Model> sortKey(ModelSort sort) {
    Function<Model, Comparable<?>> extractor = extractor(sort);
    Comparator<Comparable<Object>> natural = Comparator.naturalOrder();
    Comparator<Comparable<Object>> directed =
        sort.direction() == SortDirection.ASC ? natural : natural.reversed();
    @SuppressWarnings("unchecked")
    Comparator<Model> result =
        Comparator.comparing(
            m -> (Comparable<Object>) extractor.apply(m), Comparator.nullsLast(directed));
    return result;
  }

  private static Function<Model, Comparable<?>> extractor(ModelSort sort) {
    Function<Model, ModelDefinition> d = Model::definition;
    return switch (sort.field()) {
      case NAME -> m -> d.apply(m).name().value();
      case DISPLAY_NAME -> m -> d.apply(m).displayName();
      case DESCRIPTION -> m -> d.apply(m).description();
      case MODEL_VENDOR ->
          m -> d.apply(m).modelVendor() == null ? null : d.apply(m).modelVendor().name();
      case MODEL_TYPE -> m -> d.apply(m).modelType().name();
      case BASE_MODEL_ID -> m -> d.apply(m).baseModelId();
      case BASE_MODEL_METADATA, MODEL_CREATION_PARAMETERS, REQUEST_SCHEMA, RESPONSE_SCHEMA ->
          m -> null;
      case MODEL_CARD -> m -> d.apply(m).modelCard();
      case TRAINING_DATA_CARD -> m -> d.apply(m).trainingDataCard();
      case MODEL_TEMPLATE_ID -> m -> d.apply(m).modelTemplateId();
      case MODEL_GROUP_ID -> m -> d.apply(m).modelGroupId();
      case SUPPORTS_MULTI_TURN -> Model::supportsMultiTurn;
      case ID -> Model::id;
      case CREATED_AT -> Model::createdAt;
      case ACCOUNT_ID -> Model::accountId;
      case CREATED_BY_USER_ID -> m -> m.createdBy().userId();
    };
  }

  private static <T> Page<T> page(
      Iterable<T> all,
      Predicate<T> matches,
      Comparator<T> order,
      PageRequest request,
      Function<T, PageCursor> cursorOf) {
    List<T> sorted = new ArrayList<>();
    all.forEach(
        t -> {
          if (matches.test(t)) {
            sorted.add(t);
          }
        });
    sorted.sort(order);
    long total = sorted.size();
    List<T> remaining = sorted;
    if (request.cursor().isPresent()) {
      PageCursor after = request.cursor().get();
      Comparator<PageCursor> keyOrder =
          Comparator.comparing(PageCursor::createdAt).thenComparing(PageCursor::id);
      remaining =
          sorted.stream().filter(t -> keyOrder.compare(cursorOf.apply(t), after) > 0).toList();
    }
    int from = (int) Math.min(request.offset(), remaining.size());
    int to = Math.min(from + request.limit(), remaining.size());
    List<T> items = remaining.subList(from, to);
    Optional<PageCursor> next =
        to < remaining.size() && !items.isEmpty()
            ? Optional.of(cursorOf.apply(items.get(items.size() - 1)))
            : Optional.empty();
    return new Page<>(items, total, request.page(), request.limit(), next);
  }
}
