package org.modelregistry.ports.in.registration;

import java.util.Objects;
import java.util.Optional;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.naming.ResourceName;
import org.modelregistry.domain.registration.ModelKind;
import org.modelregistry.domain.registration.Visibility;
import org.modelregistry.ports.paging.PageRequest;

/**
 * Which registered versions to list, as seen by {@code viewer}: only versions visible to the viewer
 * (public ones and the viewer's own; every one to an administrator) ever match. The other filters
 * are optional and combine with AND. The order is always newest first (creation time, then id,
 * descending); keyset cursors continue in that order.
 *
 * @param name exactly this model name (the versions of one model)
 * @param namePrefix names starting with this text (case-sensitive)
 */
public record RegisteredModelQuery(
    Caller viewer,
    Optional<ModelKind> type,
    Optional<Visibility> visibility,
    Optional<String> ownerId,
    Optional<ResourceName> name,
    Optional<String> namePrefix,
    PageRequest page) {

  public RegisteredModelQuery {
    Objects.requireNonNull(viewer, "viewer");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(visibility, "visibility");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namePrefix, "namePrefix");
    Objects.requireNonNull(page, "page");
  }

  /** Every version visible to {@code viewer}, one page. */
  public static RegisteredModelQuery visibleTo(Caller viewer, PageRequest page) {
    return new RegisteredModelQuery(
        viewer,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        page);
  }

  public RegisteredModelQuery withName(ResourceName exactName) {
    return new RegisteredModelQuery(
        viewer, type, visibility, ownerId, Optional.of(exactName), namePrefix, page);
  }
}
