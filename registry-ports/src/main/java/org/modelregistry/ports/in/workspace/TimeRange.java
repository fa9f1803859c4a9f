package org.modelregistry.ports.in.workspace;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An inclusive time range ({@code $gte} / {@code $lte}); an open side accepts everything. */
public record TimeRange(Optional<Instant> from, Optional<Instant> to) {

  public static final TimeRange ANY = new TimeRange(Optional.empty(), Optional.empty());

  public TimeRange {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }

  public boolean contains(Instant at) {
    return from.map(f -> !at.isBefore(f)).orElse(true) && to.map(t -> !at.isAfter(t)).orElse(true);
  }
}
