package org.modelregistry.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import java.util.ArrayList;
import java.util.List;
import org.modelregistry.adapter.http.ApiFixture.Reply;
import tools.jackson.databind.JsonNode;

/** Reading the workspace family's replies in tests: list names, error locations, schemas. */
final class WorkspaceReplies {

  private WorkspaceReplies() {}

  /** Asserts that {@code body} conforms to the workspace reference's {@code component} schema. */
  static void assertConforms(SchemaRegistry registry, String component, JsonNode body) {
    Schema schema = registry.getSchema(ReferenceSchemas.workspaceLocation(component));
    List<String> errors = schema.validate(body).stream().map(Error::toString).toList();
    assertThat(errors).as(component + ": " + body).isEmpty();
  }

  /** The {@code name} of every item of a list reply, in order. */
  static List<String> names(Reply reply) {
    List<String> names = new ArrayList<>();
    reply.json().get("data").forEach(m -> names.add(m.get("name").stringValue()));
    return names;
  }

  /** The {@code msg} of the entry of an {@code HTTPValidationError} reply at {@code loc}. */
  static String message(Reply reply, List<Object> loc) {
    for (JsonNode detail : reply.json().get("detail")) {
      List<Object> at = new ArrayList<>();
      detail.get("loc").forEach(p -> at.add(p.isInt() ? (Object) p.intValue() : p.stringValue()));
      if (at.equals(loc)) {
        return detail.get("msg").stringValue();
      }
    }
    throw new AssertionError("no violation at " + loc + " in " + reply.body());
  }

  /** The {@code loc} of every entry of an {@code HTTPValidationError} reply. */
  static List<List<Object>> locs(Reply reply) {
    List<List<Object>> locs = new ArrayList<>();
    for (JsonNode detail : reply.json().get("detail")) {
      List<Object> loc = new ArrayList<>();
      detail.get("loc").forEach(p -> loc.add(p.isInt() ? (Object) p.intValue() : p.stringValue()));
      locs.add(loc);
    }
    return locs;
  }
}
