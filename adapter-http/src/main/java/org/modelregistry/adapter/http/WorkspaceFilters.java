package org.modelregistry.adapter.http;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.modelregistry.ports.in.workspace.TextMatch;
import org.modelregistry.ports.in.workspace.TimeRange;

/**
 * The {@code filter[...]} parameters of the workspace family's lists, read in the reference's
 * deepObject style into typed filters, and echoed back in the reference's shape. Filters combine
 * with AND. The forms a route's keys accept depend on their {@link Kind}:
 *
 * <ul>
 *   <li>{@link Kind#TEXT} ({@code StringFilter} or a string): {@code filter[name]=x} (the same as
 *       {@code $eq}), {@code filter[name][$eq]=x}, {@code filter[name][$like]=x} (case-insensitive
 *       containment, {@code %} and {@code _} wildcards), {@code filter[name][$in]=a} and {@code
 *       $nin}. A list operator takes repeated parameters ({@code [$in]=a&[$in]=b}), the {@code
 *       [$in][]=a} form, and comma-separated values ({@code [$in]=a,b}), all merged; a comma always
 *       separates, so a value containing one cannot be listed (use {@code $eq} or {@code $like}).
 *   <li>{@link Kind#TIME} ({@code DatetimeFilter}): {@code filter[created_at][$gte]=...} and {@code
 *       [$lte]}, RFC 3339 date-times with an offset ({@code 2026-01-01T00:00:00Z}), bounds
 *       included.
 *   <li>{@link Kind#BASE_MODEL} ({@code BaseModelFilter}, boolean or string): {@code
 *       filter[base_model]=true} or {@code false} (has a base model or not), {@code
 *       filter[base_model]=ws/name}, and {@code filter[base_model][name]} in the text forms above;
 *       a base model is matched by its full reference {@code workspace/name}.
 *   <li>{@link Kind#PLAIN} (a plain string or enum): {@code filter[purpose]=dataset} only.
 * </ul>
 *
 * <p>Every other shape is recorded at the parameter itself ({@code ["query",
 * "filter[name][$like]"]}): unknown keys and operators, a single value given twice, a key given
 * both as a plain value and with operators (or, for {@code base_model}, both plainly and by {@code
 * name}), a date-time that does not parse, and the keys the route declares unsupported.
 */
final class WorkspaceFilters {

  /** The shapes a filter key accepts; see the class comment. */
  enum Kind {
    TEXT,
    PLAIN,
    TIME,
    BASE_MODEL
  }

  /** The {@code base_model} key, the only one of {@link Kind#BASE_MODEL}. */
  static final String BASE_MODEL = "base_model";

  private static final String PREFIX = "filter";
  private static final List<String> TEXT_OPERATORS = List.of("$eq", "$like", "$in", "$nin");
  private static final List<String> TIME_OPERATORS = List.of("$gte", "$lte");
  private static final int SHOWN = 64;

  /** RFC 3339 date-times: an offset is required, {@code T} and {@code Z} in either case. */
  private static final DateTimeFormatter DATE_TIME =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
          .toFormatter();

  /** What a route accepts: its keys in the order they are echoed, and the keys it rejects. */
  static final class Spec {
    private final Map<String, Kind> keys = new LinkedHashMap<>();
    private final Map<String, String> unsupported = new LinkedHashMap<>();

    Spec text(String key) {
      keys.put(key, Kind.TEXT);
      return this;
    }

    Spec plain(String key) {
      keys.put(key, Kind.PLAIN);
      return this;
    }

    Spec time(String key) {
      keys.put(key, Kind.TIME);
      return this;
    }

    Spec baseModel() {
      keys.put(BASE_MODEL, Kind.BASE_MODEL);
      return this;
    }

    /** A key the reference lists but this registry cannot serve yet; {@code why} ends the error. */
    Spec unsupported(String key, String why) {
      unsupported.put(key, why);
      return this;
    }
  }

  /** One {@code filter[key]...} parameter: its name as shown, the segments after the key. */
  private record Param(String name, List<String> path, List<String> values) {

    Param below() {
      return new Param(name, path.subList(1, path.size()), values);
    }
  }

  private final QueryParams params;
  private final Map<String, TextMatch> texts = new LinkedHashMap<>();
  private final Map<String, String> plains = new LinkedHashMap<>();
  private final Map<String, TimeRange> times = new LinkedHashMap<>();
  private final Map<String, Object> echo = new LinkedHashMap<>();
  private Optional<Boolean> hasBaseModel = Optional.empty();
  private Optional<TextMatch> baseModel = Optional.empty();

  private WorkspaceFilters(QueryParams params) {
    this.params = params;
  }

  static Spec spec() {
    return new Spec();
  }

  /**
   * Reads every {@code filter} parameter of the request as {@code spec} allows; each bad one is
   * recorded in {@code params} (and left out), to be thrown with the others.
   */
  static WorkspaceFilters read(Context ctx, QueryParams params, Spec spec) {
    Map<String, List<Param>> byKey = new LinkedHashMap<>();
    ctx.queryParamMap()
        .forEach(
            (name, values) -> {
              if (!name.equals(PREFIX) && !name.startsWith(PREFIX + "[")) {
                return;
              }
              String shown = name.length() > SHOWN ? name.substring(0, SHOWN) : name;
              Optional<List<String>> segments = segments(name);
              if (segments.isEmpty()) {
                params.reject(
                    shown,
                    "value_error",
                    "filters are written filter[key]=value or filter[key][$operator]=value");
                return;
              }
              String key = segments.get().getFirst();
              if (spec.unsupported.containsKey(key)) {
                params.reject(
                    shown,
                    "value_error",
                    "filter[" + key + "] is not supported yet: " + spec.unsupported.get(key));
              } else if (!spec.keys.containsKey(key)) {
                params.reject(
                    shown,
                    "extra_forbidden",
                    "filter must name one of " + String.join(", ", spec.keys.keySet()));
              } else {
                var path = segments.get();
                byKey
                    .computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new Param(shown, path.subList(1, path.size()), values));
              }
            });
    WorkspaceFilters filters = new WorkspaceFilters(params);
    spec.keys.forEach(
        (key, kind) -> {
          List<Param> given = byKey.get(key);
          if (given != null) {
            filters.readKey(key, kind, given);
          }
        });
    return filters;
  }

  /** The match a {@link Kind#TEXT} key asks for, if it was given. */
  Optional<TextMatch> text(String key) {
    return Optional.ofNullable(texts.get(key));
  }

  /** The value of a {@link Kind#PLAIN} key, if it was given; the route checks it. */
  Optional<String> plain(String key) {
    return Optional.ofNullable(plains.get(key));
  }

  /** The range a {@link Kind#TIME} key asks for; {@link TimeRange#ANY} when it was not given. */
  TimeRange time(String key) {
    return times.getOrDefault(key, TimeRange.ANY);
  }

  /** {@code filter[base_model]=true} or {@code false}. */
  Optional<Boolean> hasBaseModel() {
    return hasBaseModel;
  }

  /** {@code filter[base_model]=ws/name} or {@code filter[base_model][name]...}. */
  Optional<TextMatch> baseModel() {
    return baseModel;
  }

  /**
   * The filters as the reference writes them, for the list envelope's {@code filter}: {@code
   * {"name": "x"}} for a plain value, {@code {"name": {"$like": "x"}}} with operators, date-times
   * in the API's own format.
   */
  Map<String, Object> echo() {
    return echo;
  }

  private void readKey(String key, Kind kind, List<Param> given) {
    String prefix = PREFIX + "[" + key + "]";
    switch (kind) {
      case TEXT ->
          readText(prefix, given)
              .ifPresent(
                  t -> {
                    texts.put(key, t.match());
                    echo.put(key, t.echo());
                  });
      case PLAIN -> readPlain(key, prefix, given);
      case TIME -> readTime(key, prefix, given);
      case BASE_MODEL -> readBaseModel(prefix, given);
    }
  }

  /** A text filter read, with its echo. */
  private record Text(TextMatch match, Object echo) {}

  private Optional<Text> readText(String prefix, List<Param> given) {
    Optional<String> plain = Optional.empty();
    boolean withOperators = false;
    String eq = null;
    String like = null;
    List<String> in = new ArrayList<>();
    List<String> notIn = new ArrayList<>();
    boolean bad = false;
    for (Param p : given) {
      if (p.path().isEmpty()) {
        plain = single(p);
        bad |= plain.isEmpty();
        continue;
      }
      withOperators = true;
      String op = p.path().getFirst();
      boolean list = op.equals("$in") || op.equals("$nin");
      // A list operator may also be written [$in][], as some query string encoders do.
      boolean arrayForm = list && p.path().size() == 2 && p.path().get(1).isEmpty();
      if (!TEXT_OPERATORS.contains(op) || (p.path().size() > 1 && !arrayForm)) {
        params.reject(
            p.name(),
            "extra_forbidden",
            prefix + " takes the operators " + String.join(", ", TEXT_OPERATORS));
        bad = true;
        continue;
      }
      switch (op) {
        case "$eq" -> {
          eq = single(p).orElse(null);
          bad |= eq == null;
        }
        case "$like" -> {
          like = single(p).orElse(null);
          bad |= like == null;
        }
        case "$in" -> in.addAll(items(p.values()));
        default -> notIn.addAll(items(p.values()));
      }
    }
    if (plain.isPresent() && withOperators) {
      params.reject(
          prefix,
          "value_error",
          prefix + " is given both as a value and with operators; give one or the other");
      return Optional.empty();
    }
    if (bad) {
      return Optional.empty();
    }
    if (plain.isPresent()) {
      return Optional.of(new Text(TextMatch.equalTo(plain.get()), plain.get()));
    }
    Map<String, Object> shown = new LinkedHashMap<>();
    if (eq != null) {
      shown.put("$eq", eq);
    }
    if (like != null) {
      shown.put("$like", like);
    }
    // A given list is never empty: even an empty value is one (empty) item.
    if (!in.isEmpty()) {
      shown.put("$in", List.copyOf(in));
    }
    if (!notIn.isEmpty()) {
      shown.put("$nin", List.copyOf(notIn));
    }
    var match = new TextMatch(Optional.ofNullable(eq), Optional.ofNullable(like), in, notIn);
    return Optional.of(new Text(match, shown));
  }

  /** The items of a list operator's values: each split at its commas. */
  private static List<String> items(List<String> values) {
    return values.stream().flatMap(v -> Arrays.stream(v.split(",", -1))).toList();
  }

  private void readPlain(String key, String prefix, List<Param> given) {
    for (Param p : given) {
      if (!p.path().isEmpty()) {
        params.reject(
            p.name(), "extra_forbidden", prefix + " takes a plain value: " + prefix + "=...");
        return;
      }
    }
    // Only the plain parameter is left: one name, so one entry.
    single(given.getFirst())
        .ifPresent(
            value -> {
              plains.put(key, value);
              echo.put(key, value);
            });
  }

  private void readTime(String key, String prefix, List<Param> given) {
    Optional<Instant> from = Optional.empty();
    Optional<Instant> to = Optional.empty();
    boolean bad = false;
    for (Param p : given) {
      if (p.path().size() != 1 || !TIME_OPERATORS.contains(p.path().getFirst())) {
        params.reject(
            p.name(),
            "extra_forbidden",
            prefix
                + " takes the operators $gte and $lte, e.g. "
                + prefix
                + "[$gte]=2026-01-01T00:00:00Z");
        bad = true;
        continue;
      }
      Optional<Instant> at = single(p).flatMap(v -> dateTime(p.name(), v));
      bad |= at.isEmpty();
      if (p.path().getFirst().equals("$gte")) {
        from = at;
      } else {
        to = at;
      }
    }
    if (bad) {
      return;
    }
    times.put(key, new TimeRange(from, to));
    Map<String, Object> shown = new LinkedHashMap<>();
    from.ifPresent(f -> shown.put("$gte", wire(f)));
    to.ifPresent(t -> shown.put("$lte", wire(t)));
    echo.put(key, shown);
  }

  private void readBaseModel(String prefix, List<Param> given) {
    List<Param> plain = new ArrayList<>();
    List<Param> byName = new ArrayList<>();
    boolean bad = false;
    for (Param p : given) {
      if (p.path().isEmpty()) {
        plain.add(p);
      } else if (p.path().getFirst().equals("name")) {
        byName.add(p.below());
      } else {
        params.reject(
            p.name(),
            "extra_forbidden",
            prefix
                + " takes true, false, a model reference workspace/name, or "
                + prefix
                + "[name] with a value or the operators "
                + String.join(", ", TEXT_OPERATORS));
        bad = true;
      }
    }
    if (!plain.isEmpty() && !byName.isEmpty()) {
      params.reject(
          prefix,
          "value_error",
          prefix + " is given both as a value and as " + prefix + "[name]; give one or the other");
      return;
    }
    if (bad) {
      return;
    }
    if (!plain.isEmpty()) {
      single(plain.getFirst())
          .ifPresent(
              value -> {
                if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                  boolean has = value.equalsIgnoreCase("true");
                  hasBaseModel = Optional.of(has);
                  echo.put(BASE_MODEL, has);
                } else {
                  baseModel = Optional.of(TextMatch.equalTo(value));
                  echo.put(BASE_MODEL, value);
                }
              });
      return;
    }
    readText(prefix + "[name]", byName)
        .ifPresent(
            t -> {
              baseModel = Optional.of(t.match());
              echo.put(BASE_MODEL, Map.of("name", t.echo()));
            });
  }

  /** The one value of a parameter that takes one; given more than once, a violation. */
  private Optional<String> single(Param p) {
    if (p.values().size() != 1) {
      params.reject(p.name(), "value_error", p.name() + " may be given only once");
      return Optional.empty();
    }
    return Optional.of(p.values().getFirst());
  }

  private Optional<Instant> dateTime(String name, String value) {
    try {
      OffsetDateTime parsed = OffsetDateTime.parse(value, DATE_TIME);
      // Stored times count microseconds in a long; years 0 to 9999 are what anyone means.
      if (parsed.getYear() < 0 || parsed.getYear() > 9999) {
        params.reject(
            name, "datetime_parsing", name + " must be a date-time in the years 0000 to 9999");
        return Optional.empty();
      }
      return Optional.of(parsed.toInstant());
    } catch (DateTimeParseException e) {
      String shown = value.length() > SHOWN ? value.substring(0, SHOWN) + "..." : value;
      String hint =
          value.contains(" ") && isDateTime(value.replace(' ', '+'))
              ? " ('+' in a query string reads as a space: send it as %2B)"
              : "";
      params.reject(
          name,
          "datetime_parsing",
          name
              + " must be a date-time with an offset, such as 2026-01-01T00:00:00Z, not '"
              + shown
              + "'"
              + hint);
      return Optional.empty();
    }
  }

  private static boolean isDateTime(String value) {
    try {
      OffsetDateTime.parse(value, DATE_TIME);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** The API's own time format, or every digit when a bound is finer than a microsecond. */
  private static String wire(Instant at) {
    return at.getNano() % 1_000 == 0
        ? WireTime.format(at)
        : DateTimeFormatter.ISO_INSTANT.format(at);
  }

  /**
   * The bracketed segments of a filter parameter's name, {@code filter[a][b]} giving {@code [a,
   * b]}; empty unless the name is exactly {@code filter} followed by one or more of them.
   */
  private static Optional<List<String>> segments(String name) {
    List<String> segments = new ArrayList<>();
    int at = PREFIX.length();
    while (at < name.length()) {
      int close = name.indexOf(']', at);
      if (name.charAt(at) != '[' || close < 0) {
        return Optional.empty();
      }
      String segment = name.substring(at + 1, close);
      if (segment.indexOf('[') >= 0) {
        return Optional.empty();
      }
      segments.add(segment);
      at = close + 1;
    }
    return segments.isEmpty() ? Optional.empty() : Optional.of(segments);
  }
}
