package org.modelregistry.adapter.storage.fetch;

import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * The hosts that are reached whatever they resolve to. Entries are {@code host} (any port) or
 * {@code host:port}, IPv6 literals in brackets; hosts are compared in OkHttp's canonical form
 * (lower case, IDN as punycode, IPv6 compressed, IPv4-mapped IPv6 as IPv4), the form OkHttp then
 * connects to.
 */
final class HostAllowlist {

  private static final int ANY_PORT = -1;

  private record Entry(String host, int port) {}

  private final List<Entry> entries;

  private HostAllowlist(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /**
   * @throws IllegalArgumentException naming the first malformed entry
   */
  static HostAllowlist parse(List<String> texts) {
    var entries = new ArrayList<Entry>();
    for (String text : texts) {
      entries.add(parseEntry(text));
    }
    return new HostAllowlist(entries);
  }

  /** Whether {@code host} (canonical, as in {@link HttpUrl#host()}) at {@code port} is listed. */
  boolean admits(String host, int port) {
    for (Entry entry : entries) {
      if (entry.host().equals(host) && (entry.port() == ANY_PORT || entry.port() == port)) {
        return true;
      }
    }
    return false;
  }

  private static Entry parseEntry(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("an allowed host must not be blank");
    }
    String entry = text.strip();
    String host;
    String port = null;
    if (entry.startsWith("[")) {
      int close = entry.indexOf(']');
      if (close < 0) {
        throw invalid(text, "an IPv6 address needs its closing bracket");
      }
      host = entry.substring(0, close + 1);
      String rest = entry.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          throw invalid(text, "expected host or host:port");
        }
        port = rest.substring(1);
      }
    } else {
      int colon = entry.indexOf(':');
      if (colon >= 0 && entry.indexOf(':', colon + 1) >= 0) {
        throw invalid(text, "write IPv6 addresses in brackets, such as [::1]:8080");
      }
      host = colon < 0 ? entry : entry.substring(0, colon);
      port = colon < 0 ? null : entry.substring(colon + 1);
    }
    return new Entry(canonicalHost(text, host), port == null ? ANY_PORT : parsePort(text, port));
  }

  private static String canonicalHost(String text, String host) {
    try {
      return new HttpUrl.Builder().scheme("http").host(host).build().host();
    } catch (IllegalArgumentException e) {
      throw invalid(text, "not a valid host name or address");
    }
  }

  private static int parsePort(String text, String port) {
    if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw invalid(text, "the port must be a number from 1 to 65535");
    }
    int value = Integer.parseInt(port);
    if (value < 1 || value > 65535) {
      throw invalid(text, "the port must be a number from 1 to 65535");
    }
    return value;
  }

  private static IllegalArgumentException invalid(String text, String why) {
    return new IllegalArgumentException("invalid allowed host '" + text + "': " + why);
  }
}
