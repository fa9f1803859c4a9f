package org.modelregistry.adapter.http;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.modelregistry.domain.error.Violations;
import org.modelregistry.ports.paging.PageCursor;
import org.modelregistry.ports.paging.PageRequest;

/**
 * Reads query parameters into typed values, recording a violation at {@code ["query", name]} for
 * each bad one so that a request hears about all of them at once ({@link #throwIfAny}).
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
    Integer page = integer("page", 1);
    Integer limit = integer("limit", PageRequest.DEFAULT_LIMIT);
    if (page != null) {
      query.require(page >= 1, "greater_than_equal", "page must be at least 1", "page");
    }
    if (limit != null) {
      query.require(limit >= 1, "greater_than_equal", "limit must be at least 1", "limit");
      query.require(
          limit <= PageRequest.MAX_LIMIT,
          "less_than_equal",
          "limit must be at most " + PageRequest.MAX_LIMIT,
          "limit");
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
