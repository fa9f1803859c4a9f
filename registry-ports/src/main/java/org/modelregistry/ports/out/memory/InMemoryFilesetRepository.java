package org.modelregistry.ports.out.memory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.workspace.EntityName;
import org.modelregistry.domain.workspace.Fileset;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.domain.workspace.WorkspaceName;
import org.modelregistry.ports.in.workspace.FilesetQuery;
import org.modelregistry.ports.out.FilesetRepository;
import org.modelregistry.ports.paging.Page;

/** Filesets held in memory behind one lock. For tests and in-memory embedding. */
public final class InMemoryFilesetRepository implements FilesetRepository {

  private final Map<FilesetRef, Fileset> byKey = new LinkedHashMap<>();

  @Override
  public synchronized void insert(Fileset fileset) {
    if (byKey.putIfAbsent(fileset.ref(), fileset) != null) {
      throw new ConflictException(
          "workspace '"
              + fileset.workspace()
              + "' already has a fileset named '"
              + fileset.name()
              + "'");
    }
  }

  @Override
  public synchronized boolean update(Fileset fileset) {
    return byKey.replace(fileset.ref(), fileset) != null;
  }

  @Override
  public synchronized Optional<Fileset> find(WorkspaceName workspace, EntityName name) {
    return Optional.ofNullable(byKey.get(new FilesetRef(workspace, name)));
  }

  @Override
  public synchronized Page<Fileset> list(FilesetQuery query) {
    List<Fileset> sorted =
        byKey.values().stream()
            .filter(
                f ->
                    f.workspace().equals(query.workspace())
                        && query
                            .name()
                            .map(m -> WorkspaceLists.matches(m, f.name().value()))
                            .orElse(true)
                        && query
                            .description()
                            .map(m -> WorkspaceLists.matches(m, f.description()))
                            .orElse(true)
                        && query.purpose().map(p -> p == f.purpose()).orElse(true)
                        && query.storageType().map(t -> t.equals(f.storage().type())).orElse(true)
                        && query.createdAt().contains(f.createdAt())
                        && query.updatedAt().contains(f.updatedAt()))
            .sorted(
                WorkspaceLists.order(
                    query.sort(), Fileset::name, Fileset::createdAt, Fileset::updatedAt))
            .toList();
    return WorkspaceLists.page(sorted, query.page());
  }

  @Override
  public synchronized boolean delete(WorkspaceName workspace, EntityName name) {
    return byKey.remove(new FilesetRef(workspace, name)) != null;
  }
}
