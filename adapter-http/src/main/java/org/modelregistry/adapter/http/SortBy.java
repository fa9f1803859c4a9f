package org.modelregistry.adapter.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.modelregistry.ports.in.ModelSort;
import org.modelregistry.ports.in.ModelSortField;
import org.modelregistry.ports.paging.SortDirection;

/**
 * One {@code sort_by} value of a model list: {@code <field>:asc} or {@code <field>:desc}, the
 * fields being those of the reference's {@code SortByEnumForModelInstance}.
 *
 * @param order the ordering it adds, or empty for a field on which every model is equal
 */
record SortBy(String wireValue, Optional<ModelSort> order) {

  /** The reference's sortable fields, in its order. */
  static final List<String> FIELDS =
      List.of(
          "display_name",
          "model_vendor",
          "base_model_id",
          "base_model_metadata",
          "model_creation_parameters",
          "model_card",
          "training_data_card",
          "description",
          "model_template_id",
          "model_group_id",
          "model_group",
          "request_schema",
          "response_schema",
          "deployment_count",
          "supports_multi_turn",
          "deployments",
          "id",
          "created_at",
          "account_id",
          "created_by_user_id",
          "created_by_user",
          "name",
          "model_type");

  /** What a good value is, for messages. */
  static final String EXPECTED =
      "<field>:asc or <field>:desc with <field> one of " + String.join(", ", FIELDS);

  /** Fields named differently here than in the domain: the group is known only by its id. */
  private static final Map<String, ModelSortField> ALIASES =
      Map.of(
          "model_group", ModelSortField.MODEL_GROUP_ID,
          "created_by_user", ModelSortField.CREATED_BY_USER_ID);

  /** No model has deployments yet (count 0, list empty), so these order nothing. */
  private static final Set<String> CONSTANT = Set.of("deployment_count", "deployments");

  static Optional<SortBy> parse(String value) {
    String[] parts = value.split(":", -1);
    if (parts.length != 2 || !FIELDS.contains(parts[0])) {
      return Optional.empty();
    }
    SortDirection direction;
    switch (parts[1]) {
      case "asc" -> direction = SortDirection.ASC;
      case "desc" -> direction = SortDirection.DESC;
      default -> {
        return Optional.empty();
      }
    }
    String field = parts[0];
    if (CONSTANT.contains(field)) {
      return Optional.of(new SortBy(value, Optional.empty()));
    }
    ModelSortField domainField =
        ALIASES.containsKey(field)
            ? ALIASES.get(field)
            : ModelSortField.valueOf(field.toUpperCase(Locale.ROOT));
    return Optional.of(new SortBy(value, Optional.of(new ModelSort(domainField, direction))));
  }
}
