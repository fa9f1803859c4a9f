package org.modelregistry.domain.error;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects violations from many self-validating value objects so that one failure can report all of
 * them, each at its full path. Children made with {@link #at} share the parent's list.
 */
public final class Violations {

  /** The type of a violation that reports a required value as absent. */
  public static final String MISSING = "missing";

  private final List<Object> prefix;
  private final List<Violation> collected;

  private Violations(List<Object> prefix, List<Violation> collected) {
    this.prefix = prefix;
    this.collected = collected;
  }

  public static Violations collect() {
    return new Violations(List.of(), new ArrayList<>());
  }

  /** A view of this collector whose paths start below {@code segments}. */
  public Violations at(Object... segments) {
    var path = new ArrayList<Object>(prefix);
    path.addAll(List.of(segments));
    return new Violations(List.copyOf(path), collected);
  }

  /**
   * Runs a factory that may reject its input; its violations are recorded under this path and
   * {@code null} is returned in their place.
   */
  public <T> T attempt(Supplier<T> factory) {
    try {
      return factory.get();
    } catch (ValidationException e) {
      e.violations().forEach(v -> record(v.under(prefix)));
      return null;
    }
  }

  /** Records a violation unless {@code holds}. */
  public void require(boolean holds, String type, String message, Object... relativePath) {
    if (!holds) {
      add(type, message, relativePath);
    }
  }

  public void add(String type, String message, Object... relativePath) {
    record(new Violation(List.of(relativePath), message, type).under(prefix));
  }

  /**
   * A part that was already rejected reaches its parent as null; the parent's "missing" complaint
   * about it would only repeat the rejection, so it is dropped.
   */
  private void record(Violation violation) {
    boolean repeatsRejectedPart =
        violation.type().equals(MISSING)
            && collected.stream().anyMatch(v -> startsWith(v.path(), violation.path()));
    if (!repeatsRejectedPart) {
      collected.add(violation);
    }
  }

  private static boolean startsWith(List<Object> path, List<Object> prefix) {
    return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
  }

  public boolean isEmpty() {
    return collected.isEmpty();
  }

  public List<Violation> list() {
    return List.copyOf(collected);
  }

  /** Throws one {@link ValidationException} listing everything collected so far, if anything. */
  public void throwIfAny() {
    if (!collected.isEmpty()) {
      throw new ValidationException(collected);
    }
  }
}
