package org.modelregistry.ports.out;

import java.util.Optional;
import org.modelregistry.domain.template.Template;
import org.modelregistry.ports.in.TemplateQuery;
import org.modelregistry.ports.paging.Page;

/** Stores templates. Implementations are safe for concurrent use. */
public interface TemplateRepository {

  /**
   * Stores a new template.
   *
   * @throws org.modelregistry.domain.error.ConflictException when its account already has a
   *     template of the same name (exactly one of two racing inserts wins)
   */
  void insert(Template template);

  /** The template with this id, or empty; never null. */
  Optional<Template> findById(String id);

  /** One page of the matching templates, ordered by creation time then id. */
  Page<Template> list(TemplateQuery query);

  /**
   * Deletes the template.
   *
   * @return false when there was no such template
   * @throws org.modelregistry.domain.error.ConflictException while a model references it
   */
  boolean delete(String id);
}
