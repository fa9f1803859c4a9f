package org.modelregistry.ports.out.memory;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.naming.ResourceName;
import org.modelregistry.domain.registration.ImportState;
import org.modelregistry.domain.registration.RegisteredModel;
import org.modelregistry.domain.registration.VersionName;
import org.modelregistry.domain.registration.Visibility;
import org.modelregistry.ports.in.registration.RegisteredModelQuery;
import org.modelregistry.ports.out.RegisteredModelRepository;
import org.modelregistry.ports.paging.Page;
import org.modelregistry.ports.paging.PageCursor;

/** Registered versions held in memory behind one lock. For tests and in-memory embedding. */
public final class InMemoryRegisteredModelRepository implements RegisteredModelRepository {

  /** Newest first: creation time, then id, both descending. */
  private static final Comparator<RegisteredModel> NEWEST_FIRST =
      Comparator.comparing(RegisteredModel::createdAt)
          .thenComparing(RegisteredModel::id)
          .reversed();

  private final Map<String, RegisteredModel> byId = new LinkedHashMap<>();

  @Override
  public synchronized void insert(RegisteredModel model) {
    if (byId.containsKey(model.id())
        || find(model.ownerId(), model.name(), model.version()).isPresent()) {
      throw new ConflictException(
          "model '" + model.name() + "' version '" + model.version() + "' is already registered");
    }
    byId.put(model.id(), model);
  }

  @Override
  public synchronized boolean update(RegisteredModel model) {
    return byId.replace(model.id(), model) != null;
  }

  @Override
  public synchronized Optional<RegisteredModel> findById(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized Optional<RegisteredModel> find(
      String ownerId, ResourceName name, VersionName version) {
    return byId.values().stream()
        .filter(
            m ->
                m.ownerId().equals(ownerId) && m.name().equals(name) && m.version().equals(version))
        .findFirst();
  }

  @Override
  public synchronized List<RegisteredModel> findPublic(ResourceName name, VersionName version) {
    return byId.values().stream()
        .filter(m -> m.name().equals(name) && m.version().equals(version))
        .filter(m -> m.visibility() == Visibility.PUBLIC)
        .sorted(NEWEST_FIRST.reversed())
        .toList();
  }

  @Override
  public synchronized Page<RegisteredModel> list(RegisteredModelQuery query) {
    Predicate<RegisteredModel> matches =
        m ->
            m.isVisibleTo(query.viewer())
                && query.type().map(t -> t == m.type()).orElse(true)
                && query.visibility().map(v -> v == m.visibility()).orElse(true)
                && query.ownerId().map(o -> o.equals(m.ownerId())).orElse(true)
                && query.name().map(n -> n.equals(m.name())).orElse(true)
                && query.namePrefix().map(p -> m.name().value().startsWith(p)).orElse(true);
    List<RegisteredModel> sorted =
        byId.values().stream().filter(matches).sorted(NEWEST_FIRST).toList();
    long total = sorted.size();
    List<RegisteredModel> remaining = sorted;
    if (query.page().cursor().isPresent()) {
      PageCursor after = query.page().cursor().get();
      Comparator<PageCursor> keyOrder =
          Comparator.comparing(PageCursor::createdAt).thenComparing(PageCursor::id).reversed();
      remaining = sorted.stream().filter(m -> keyOrder.compare(cursorOf(m), after) > 0).toList();
    }
    int from = (int) Math.min(query.page().offset(), remaining.size());
    int to = Math.min(from + query.page().limit(), remaining.size());
    List<RegisteredModel> items = remaining.subList(from, to);
    Optional<PageCursor> next =
        to < remaining.size() && !items.isEmpty()
            ? Optional.of(cursorOf(items.get(items.size() - 1)))
            : Optional.empty();
    return new Page<>(items, total, query.page().page(), query.page().limit(), next);
  }

  @Override
  public synchronized List<RegisteredModel> findImporting() {
    return byId.values().stream()
        .filter(m -> m.state() == ImportState.IMPORTING)
        .sorted(NEWEST_FIRST.reversed())
        .toList();
  }

  @Override
  public synchronized Map<ImportState, Long> countByState() {
    Map<ImportState, Long> counts = new EnumMap<>(ImportState.class);
    for (ImportState state : ImportState.values()) {
      counts.put(state, byId.values().stream().filter(m -> m.state() == state).count());
    }
    return counts;
  }

  @Override
  public synchronized boolean delete(String id) {
    return byId.remove(id) != null;
  }

  private static PageCursor cursorOf(RegisteredModel model) {
    return new PageCursor(model.createdAt(), model.id());
  }
}
