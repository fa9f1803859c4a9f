package org.modelregistry.ports.out.memory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.workspace.EntityName;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.domain.workspace.ModelEntity;
import org.modelregistry.domain.workspace.ModelRef;
import org.modelregistry.domain.workspace.WorkspaceName;
import org.modelregistry.ports.in.workspace.ModelEntityQuery;
import org.modelregistry.ports.out.ModelEntityRepository;
import org.modelregistry.ports.paging.Page;

/** Model entities held in memory behind one lock. For tests and in-memory embedding. */
public final class InMemoryModelEntityRepository implements ModelEntityRepository {

  private final Map<ModelRef, ModelEntity> byKey = new LinkedHashMap<>();

  @Override
  public synchronized void insert(ModelEntity entity) {
    if (byKey.putIfAbsent(entity.ref(), entity) != null) {
      throw new ConflictException(
          "workspace '"
              + entity.workspace()
              + "' already has a model named '"
              + entity.name()
              + "'");
    }
  }

  @Override
  public synchronized boolean update(ModelEntity entity) {
    return byKey.replace(entity.ref(), entity) != null;
  }

  @Override
  public synchronized Optional<ModelEntity> find(WorkspaceName workspace, EntityName name) {
    return Optional.ofNullable(byKey.get(new ModelRef(workspace, name)));
  }

  @Override
  public synchronized Page<ModelEntity> list(ModelEntityQuery query) {
    Predicate<ModelEntity> matches = entity -> matches(query, entity);
    List<ModelEntity> sorted =
        byKey.values().stream()
            .filter(matches)
            .sorted(
                WorkspaceLists.order(
                    query.sort(),
                    ModelEntity::name,
                    ModelEntity::createdAt,
                    ModelEntity::updatedAt))
            .toList();
    return WorkspaceLists.page(sorted, query.page());
  }

  private static boolean matches(ModelEntityQuery query, ModelEntity entity) {
    var definition = entity.definition();
    String baseModel = definition.baseModel() == null ? null : definition.baseModel().toString();
    return entity.workspace().equals(query.workspace())
        && query.name().map(m -> WorkspaceLists.matches(m, entity.name().value())).orElse(true)
        && query.project().map(p -> p.equals(definition.project())).orElse(true)
        && query.hasBaseModel().map(has -> has == (baseModel != null)).orElse(true)
        && query.baseModel().map(m -> WorkspaceLists.matches(m, baseModel)).orElse(true)
        && query
            .finetuningType()
            .map(
                type ->
                    type == definition.finetuningType()
                        || entity.adapters().stream().anyMatch(a -> a.finetuningType() == type))
            .orElse(true)
        && query.fileset().map(f -> f.equals(definition.fileset())).orElse(true)
        && query
            .description()
            .map(m -> WorkspaceLists.matches(m, definition.description()))
            .orElse(true)
        && query.createdAt().contains(entity.createdAt())
        && query.updatedAt().contains(entity.updatedAt());
  }

  @Override
  public synchronized boolean usesFileset(FilesetRef fileset) {
    return byKey.values().stream()
        .anyMatch(
            entity ->
                fileset.equals(entity.definition().fileset())
                    || entity.adapters().stream().anyMatch(a -> fileset.equals(a.fileset())));
  }

  @Override
  public synchronized Optional<ModelRef> anyDerivedFrom(ModelRef base) {
    return byKey.values().stream()
        .filter(entity -> base.equals(entity.definition().baseModel()))
        .map(ModelEntity::ref)
        .sorted(java.util.Comparator.comparing(ModelRef::toString))
        .findFirst();
  }

  @Override
  public synchronized boolean delete(WorkspaceName workspace, EntityName name) {
    return byKey.remove(new ModelRef(workspace, name)) != null;
  }
}
