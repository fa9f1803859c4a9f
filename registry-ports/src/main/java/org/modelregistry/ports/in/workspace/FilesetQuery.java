package org.modelregistry.ports.in.workspace;

import java.util.Objects;
import java.util.Optional;
import org.modelregistry.domain.workspace.FilesetPurpose;
import org.modelregistry.domain.workspace.WorkspaceName;

/**
 * Which filesets of one workspace to list, as the reference's {@code FilesetFilter} allows. Filters
 * combine with AND.
 *
 * @param storageType the storage's wire type ({@code FilesetStorage.type()})
 * @param createdAt the creation time must lie in this range, bounds included
 * @param updatedAt the last update's time must lie in this range, bounds included
 */
public record FilesetQuery(
    WorkspaceName workspace,
    Optional<TextMatch> name,
    Optional<TextMatch> description,
    Optional<FilesetPurpose> purpose,
    Optional<String> storageType,
    TimeRange createdAt,
    TimeRange updatedAt,
    EntitySort sort,
    PageSlice page) {

  public FilesetQuery {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(storageType, "storageType");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(sort, "sort");
    Objects.requireNonNull(page, "page");
    if (sort.field() == EntitySort.Field.UPDATED_AT) {
      throw new IllegalArgumentException("filesets sort by name or created_at only");
    }
  }

  /** Every fileset of {@code workspace}, default order, first page. */
  public static FilesetQuery all(WorkspaceName workspace) {
    return new FilesetQuery(
        workspace,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        TimeRange.ANY,
        TimeRange.ANY,
        EntitySort.DEFAULT,
        PageSlice.FIRST);
  }
}
