package org.modelregistry.adapter.http;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.modelregistry.domain.error.Violations;
import org.modelregistry.ports.paging.PageCursor;
import org.modelregistry.ports.paging.PageRequest;

/**
 * Reads query parameters (and path parameters) into typed values, recording a violation at {@code
 * ["query", name]} (or {@code ["path", name]}) for each bad one so that a request hears about all
 * of them at once ({@link #throwIfAny}).
 */
final class QueryParams {

  private final Context ctx;
  private final Violations violations = Violations.collect();
  private final Violations query = violations.at("query");

  QueryParams(Context ctx) {
    this.ctx = ctx;
    rejectMalformedEncoding(ctx.queryString());
  }

  /**
   * A parameter whose percent-encoding is broken would otherwise vanish silently, and a list filter
   * dropped that way returns every item: each one is reported instead.
   */
  private void rejectMalformedEncoding(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return;
    }
    for (String pair : rawQuery.split("&")) {
      String rawName = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
      try {
        java.net.URLDecoder.decode(pair, java.nio.charset.StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        String name = rawName.length() > 64 ? rawName.substring(0, 64) : rawName;
        query.add("url_encoding", name + " is not correctly percent-encoded", name);
      }
    }
  }

  /** The parameter's value, or empty when it is absent or blank. */
  Optional<String> text(String name) {
    return Optional.ofNullable(ctx.queryParam(name)).filter(s -> !s.isBlank());
  }

  /**
   * Every value of a repeatable parameter, each parsed; bad values are recorded, not returned.
   *
   * @param expected what a good value is, completing "name must be ..."
   */
  <T> List<T> each(String name, Function<String, Optional<T>> parse, String expected) {
    List<T> result = new ArrayList<>();
    for (String value : ctx.queryParams(name)) {
      Optional<T> parsed = parse.apply(value);
      if (parsed.isPresent()) {
        result.add(parsed.get());
      } else {
        query.add("enum", name + " must be " + expected + ", not '" + value + "'", name);
      }
    }
    return result;
  }

  /** A single enum-like parameter; a bad value is recorded and reads as empty. */
  <T> Optional<T> oneOf(String name, Function<String, Optional<T>> parse, String allowed) {
    Optional<String> value = text(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Optional<T> parsed = parse.apply(value.get());
    if (parsed.isEmpty()) {
      query.add("enum", name + " must be one of " + allowed, name);
    }
    return parsed;
  }

  /**
   * The slice of a list the request asks for: {@code page} (from 1), {@code limit} (1 to 10000,
   * default 100) and the opaque {@code cursor}, which cannot be combined with a page other than 1
   * or, when {@code sorted}, with {@code sort_by}. Null when any of them is bad.
   */
  PageRequest page(boolean sorted) {
    return page(sorted, PageRequest.MAX_LIMIT);
  }

  /** Like {@link #page(boolean)}, with {@code limit} at most {@code maxLimit}. */
  PageRequest page(boolean sorted, int maxLimit) {
    Integer page = integer("page", 1);
    Integer limit = integer("limit", PageRequest.DEFAULT_LIMIT);
    if (page != null) {
      query.require(page >= 1, "greater_than_equal", "page must be at least 1", "page");
    }
    if (limit != null) {
      query.require(limit >= 1, "greater_than_equal", "limit must be at least 1", "limit");
      query.require(
          limit <= maxLimit, "less_than_equal", "limit must be at most " + maxLimit, "limit");
    }
    Optional<PageCursor> cursor = Optional.empty();
    Optional<String> opaque = Optional.ofNullable(ctx.queryParam("cursor"));
    if (opaque.isPresent()) {
      cursor = PageCursor.parse(opaque.get());
      query.require(
          cursor.isPresent(), "value_error", "cursor is not one this registry issued", "cursor");
      query.require(
          page == null || page == 1,
          "value_error",
          "cursor cannot be combined with a page other than 1",
          "cursor");
      query.require(
          !sorted, "value_error", "cursor paging cannot be combined with sort_by", "cursor");
    }
    if (!violations.isEmpty()) {
      return null;
    }
    Optional<PageCursor> after = cursor;
    return query.attempt(() -> new PageRequest(page, limit, after));
  }

  /**
   * Records every parameter that is not among {@code allowed}, and every allowed one given more
   * than once: for routes that answer an unknown parameter instead of ignoring it.
   */
  void allowOnly(Set<String> allowed) {
    ctx.queryParamMap()
        .forEach(
            (name, values) -> {
              String shown = name.length() > 64 ? name.substring(0, 64) : name;
              if (!allowed.contains(name)) {
                query.add("extra_forbidden", shown + " is not a parameter of this route", shown);
              } else if (values.size() > 1) {
                query.add("value_error", name + " may be given only once", name);
              }
            });
  }

  /**
   * The parameter's value, or empty when it is absent; an empty value is recorded as a violation
   * instead of being read as absent.
   *
   * @param maxLength the longest value accepted, in characters
   */
  Optional<String> nonEmpty(String name, int maxLength) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value.isBlank()) {
      query.add("string_too_short", name + " must not be empty", name);
      return Optional.empty();
    }
    if (value.length() > maxLength) {
      query.add("string_too_long", name + " must be at most " + maxLength + " characters", name);
      return Optional.empty();
    }
    return Optional.of(value);
  }

  /**
   * One of {@code allowed}'s keys, exactly; absent is empty. Any other value, the empty one
   * included, is recorded as a violation.
   */
  <T> Optional<T> choice(String name, Map<String, T> allowed) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return Optional.empty();
    }
    T chosen = allowed.get(value);
    if (chosen == null) {
      query.add("enum", name + " must be one of " + String.join(", ", allowed.keySet()), name);
    }
    return Optional.ofNullable(chosen);
  }

  /** {@code true} or {@code false} (any case); absent is {@code false}. */
  boolean flag(String name) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return false;
    }
    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
      query.add("bool_parsing", name + " must be true or false", name);
      return false;
    }
    return value.equalsIgnoreCase("true");
  }

  /** An integer from {@code min} to {@code max}; absent is {@code defaultValue}. */
  int integerBetween(String name, int min, int max, int defaultValue) {
    Integer value = integer(name, defaultValue);
    if (value == null) {
      return defaultValue;
    }
    if (value < min || value > max) {
      query.add(
          value < min ? "greater_than_equal" : "less_than_equal",
          name + " must be between " + min + " and " + max,
          name);
      return defaultValue;
    }
    return value;
  }

  /**
   * Runs a value object's constructor on a parameter; its violations are recorded at the parameter
   * and empty is returned in their place.
   */
  <T> Optional<T> parsed(Optional<String> value, String name, Function<String, T> factory) {
    return value.map(v -> query.at(name).attempt(() -> factory.apply(v)));
  }

  /**
   * A path parameter read by a value object's constructor; its violations are recorded at {@code
   * ["path", name]} and null is returned in their place.
   */
  <T> T pathParam(String name, Function<String, T> factory) {
    return pathParam(name, ctx.pathParam(name), factory);
  }

  /** Like {@link #pathParam(String, Function)}, for a value the route adjusted. */
  <T> T pathParam(String name, String value, Function<String, T> factory) {
    return violations.at("path", name).attempt(() -> factory.apply(value));
  }

  /**
   * Runs domain work that may fail validation (reading a body), so that its violations are reported
   * together with the parameters' ones; null is returned in place of a failed result.
   */
  <T> T alongside(Supplier<T> work) {
    return violations.attempt(work);
  }

  /** Records a violation at {@code ["query", name]} for a parameter the route rejects. */
  void reject(String name, String type, String message) {
    query.add(type, message, name);
  }

  /** Throws one validation failure listing every bad parameter read so far, if any. */
  void throwIfAny() {
    violations.throwIfAny();
  }

  private Integer integer(String name, int defaultValue) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      query.add("int_parsing", name + " must be an integer", name);
      return null;
    }
  }
}
