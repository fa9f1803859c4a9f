package org.modelregistry.adapter.http;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.error.Violation;
import tools.jackson.databind.node.ObjectNode;

/**
 * The first stage of every request with a body: read it as a JSON object, apply the selected
 * account where the route takes one, check it against the reference schema and read it with the
 * domain's document reader. Only a body that passes both reaches a use case.
 */
final class RequestBodies {

  private static final List<Object> BODY = List.of("body");

  private final JsonBodyReader reader;
  private final ReferenceSchemas schemas;
  private final JsonCodec codec;

  RequestBodies(JsonBodyReader reader, ReferenceSchemas schemas, JsonCodec codec) {
    this.reader = reader;
    this.schemas = schemas;
    this.codec = codec;
  }

  /** A create body, read by {@code domainReader}: the selected account applies. */
  <T> T forCreate(Context ctx, String schemaName, Function<Map<String, Object>, T> domainReader) {
    return read(ctx, schemaName, true, domainReader, body -> List.of());
  }

  /**
   * A create body whose use case applies further rules (for example against a referenced template).
   * When the body already has problems, {@code furtherChecks} runs on it too, so the one response
   * lists those rules' violations as well instead of revealing them on a retry.
   */
  <T> T forCreate(
      Context ctx,
      String schemaName,
      Function<Map<String, Object>, T> domainReader,
      Function<Map<String, Object>, List<Violation>> furtherChecks) {
    return read(ctx, schemaName, true, domainReader, furtherChecks);
  }

  /** A body that carries no account (a partial update), read by {@code domainReader}. */
  <T> T forUpdate(Context ctx, String schemaName, Function<Map<String, Object>, T> domainReader) {
    return read(ctx, schemaName, false, domainReader, body -> List.of());
  }

  /**
   * Checks the body against the reference schema and reads it with the domain in one go, so that
   * one response lists every violation: the schema's, and the domain's at places the schema did not
   * already complain about.
   */
  private <T> T read(
      Context ctx,
      String schemaName,
      boolean selectAccount,
      Function<Map<String, Object>, T> domainReader,
      Function<Map<String, Object>, List<Violation>> furtherChecks) {
    ObjectNode body = reader.read(ctx);
    List<Violation> violations = new ArrayList<>();
    if (selectAccount) {
      violations.addAll(AccountSelection.applyTo(ctx, body));
    }
    violations.addAll(schemas.check(schemaName, body));
    Map<String, Object> document = codec.toPlainMap(body);
    T result = null;
    try {
      result = inBody(() -> domainReader.apply(document));
    } catch (ValidationException e) {
      addUnreported(violations, e.violations());
    } catch (RuntimeException e) {
      // A body the schema already rejected may trip the domain reader in ways a valid one cannot;
      // the schema's violations say what is wrong. Without them this is a real fault.
      if (violations.isEmpty()) {
        throw e;
      }
    }
    if (!violations.isEmpty()) {
      addUnreported(
          violations, furtherChecks.apply(document).stream().map(v -> v.under(BODY)).toList());
      throw new ValidationException(violations);
    }
    return result;
  }

  /** Adds the violations at places nothing has been reported yet. */
  private static void addUnreported(List<Violation> violations, List<Violation> more) {
    Set<List<Object>> reported = new HashSet<>();
    violations.forEach(v -> reported.add(v.path()));
    more.stream().filter(v -> reported.add(v.path())).forEach(violations::add);
  }

  /**
   * Runs domain work on a body: the domain reports paths from the document root, the API from the
   * request root, so its violations are moved under {@code body}.
   */
  static <T> T inBody(Supplier<T> work) {
    try {
      return work.get();
    } catch (ValidationException e) {
      throw new ValidationException(e.violations().stream().map(v -> v.under(BODY)).toList());
    }
  }
}
