package org.modelregistry.domain.template;

import java.time.Instant;
import java.util.Objects;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.Caller;

/**
 * A model template: static deployment scaffolding plus the parameters models created from it may
 * set. Templates are immutable once created.
 */
public final class Template {

  private final String id;
  private final TemplateDefinition definition;
  private final Instant createdAt;
  private final Actor createdBy;

  private Template(String id, TemplateDefinition definition, Instant createdAt, Actor createdBy) {
    this.id = Objects.requireNonNull(id, "id");
    this.definition = Objects.requireNonNull(definition, "definition");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
  }

  /** A new template, created now by {@code actor}. */
  public static Template create(
      String id, TemplateDefinition definition, Actor actor, Instant now) {
    return new Template(id, definition, now, actor);
  }

  /** A template read back from storage. */
  public static Template reconstitute(
      String id, TemplateDefinition definition, Instant createdAt, Actor createdBy) {
    return new Template(id, definition, createdAt, createdBy);
  }

  public String id() {
    return id;
  }

  public TemplateDefinition definition() {
    return definition;
  }

  public String accountId() {
    return definition.accountId();
  }

  public ModelType modelType() {
    return definition.modelType();
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Actor createdBy() {
    return createdBy;
  }

  /**
   * Whether {@code caller} may see this template: a member of its account, its creator, or an
   * admin.
   */
  public boolean isVisibleTo(Caller caller) {
    return caller.sees(accountId(), createdBy);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Template t
        && id.equals(t.id)
        && definition.equals(t.definition)
        && createdAt.equals(t.createdAt)
        && createdBy.equals(t.createdBy);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "Template[" + id + ", " + definition.name() + "]";
  }
}
