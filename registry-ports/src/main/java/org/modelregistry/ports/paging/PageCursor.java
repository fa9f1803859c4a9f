package org.modelregistry.ports.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * A keyset position in a list ordered by creation time then id: the next page starts after it.
 * Clients see it only as an opaque string.
 */
public record PageCursor(Instant createdAt, String id) {

  private static final String VERSION = "v1";

  public PageCursor {
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(id, "id");
  }

  /** The opaque form handed to clients. */
  public String encode() {
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
    String plain = VERSION + ":" + micros + ":" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor a client sent back, or empty when it is not one this registry issued. */
  public static Optional<PageCursor> parse(String opaque) {
    if (opaque == null || opaque.isEmpty() || opaque.length() > 512) {
      return Optional.empty();
    }
    try {
      String plain = new String(Base64.getUrlDecoder().decode(opaque), StandardCharsets.UTF_8);
      String[] parts = plain.split(":", 3);
      if (parts.length != 3 || !parts[0].equals(VERSION) || parts[2].isEmpty()) {
        return Optional.empty();
      }
      Instant at = Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
      return Optional.of(new PageCursor(at, parts[2]));
    } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
      return Optional.empty();
    }
  }
}
