package org.modelregistry.ports.out.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.AuditEntry;
import org.modelregistry.ports.out.AuditLog;
import org.modelregistry.ports.paging.Page;

/** The audit log held in memory behind one lock. For tests and in-memory embedding. */
public final class InMemoryAuditLog implements AuditLog {

  /** An entry and its arrival number, which orders entries of the same instant. */
  private record Numbered(long seq, AuditEntry entry) {}

  private static final Comparator<Numbered> NEWEST_FIRST =
      Comparator.comparing((Numbered n) -> n.entry().at())
          .thenComparingLong(Numbered::seq)
          .reversed();

  private final List<Numbered> entries = new ArrayList<>();

  @Override
  public synchronized void append(AuditEntry entry) {
    entries.add(new Numbered(entries.size() + 1L, entry));
  }

  @Override
  public synchronized Page<AuditEntry> list(
      Optional<String> actorId, Optional<Instant> before, int page, int pageSize) {
    List<AuditEntry> matching =
        entries.stream()
            .filter(n -> actorId.map(id -> isBy(n.entry(), id)).orElse(true))
            .filter(n -> before.map(b -> !n.entry().at().isAfter(b)).orElse(true))
            .sorted(NEWEST_FIRST)
            .map(Numbered::entry)
            .toList();
    int from = (int) Math.min((long) (page - 1) * pageSize, matching.size());
    int to = Math.min(from + pageSize, matching.size());
    return new Page<>(
        matching.subList(from, to), matching.size(), page, pageSize, Optional.empty());
  }

  /** Every entry, in the order they were appended. */
  public synchronized List<AuditEntry> entries() {
    return entries.stream().map(Numbered::entry).toList();
  }

  private static boolean isBy(AuditEntry entry, String actorId) {
    return entry.actor().map(Actor::userId).filter(actorId::equals).isPresent();
  }
}
