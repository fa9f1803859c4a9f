package org.modelregistry.ports.in.workspace;

import java.util.Objects;
import java.util.Optional;
import org.modelregistry.domain.workspace.FilesetPurpose;
import org.modelregistry.domain.workspace.WorkspaceName;

/**
 * Which filesets of one workspace to list, as the reference's {@code FilesetFilter} allows.
 *
 * @param storageType the storage's wire type ({@code FilesetStorage.type()})
 */
public record FilesetQuery(
    WorkspaceName workspace,
    Optional<TextMatch> name,
    Optional<TextMatch> description,
    Optional<FilesetPurpose> purpose,
    Optional<String> storageType,
    EntitySort sort,
    PageSlice page) {

  public FilesetQuery {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(storageType, "storageType");
    Objects.requireNonNull(sort, "sort");
    Objects.requireNonNull(page, "page");
    if (sort.field() == EntitySort.Field.UPDATED_AT) {
      throw new IllegalArgumentException("filesets sort by name or created_at only");
    }
  }

  public static FilesetQuery all(WorkspaceName workspace) {
    return new FilesetQuery(
        workspace,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        EntitySort.DEFAULT,
        PageSlice.FIRST);
  }
}
