package org.modelregistry.ports.in.workspace;

import java.util.Objects;
import java.util.Optional;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.domain.workspace.FinetuningType;
import org.modelregistry.domain.workspace.ProjectName;
import org.modelregistry.domain.workspace.WorkspaceName;

/**
 * Which model entities of one workspace to list, as the reference's {@code ModelEntityFilter}
 * allows. Filters combine with AND.
 *
 * @param hasBaseModel true: only entities with a base model; false: only those without
 * @param baseModel the base model's reference ({@code workspace/name}) must match
 * @param finetuningType the entity's own fine-tuning type, or one of its adapters', must be this
 * @param fileset the entity's own fileset (not its adapters') must be this
 */
public record ModelEntityQuery(
    WorkspaceName workspace,
    Optional<TextMatch> name,
    Optional<ProjectName> project,
    Optional<Boolean> hasBaseModel,
    Optional<TextMatch> baseModel,
    Optional<FinetuningType> finetuningType,
    Optional<FilesetRef> fileset,
    Optional<TextMatch> description,
    TimeRange createdAt,
    TimeRange updatedAt,
    EntitySort sort,
    PageSlice page) {

  public ModelEntityQuery {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(hasBaseModel, "hasBaseModel");
    Objects.requireNonNull(baseModel, "baseModel");
    Objects.requireNonNull(finetuningType, "finetuningType");
    Objects.requireNonNull(fileset, "fileset");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(sort, "sort");
    Objects.requireNonNull(page, "page");
  }

  /** Every entity of {@code workspace}, default order, first page. */
  public static ModelEntityQuery all(WorkspaceName workspace) {
    return new ModelEntityQuery(
        workspace,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
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
