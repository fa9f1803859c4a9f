package org.modelregistry.adapter.storage.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Dns;

/**
 * A resolver with fixed answers, like a hosts file, so that tests control what names resolve to
 * (including a name that changes its answer between two lookups, as in DNS rebinding).
 */
final class TestDns implements Dns {

  private final Map<String, List<List<InetAddress>>> answers;
  private final AtomicInteger lookups = new AtomicInteger();

  private TestDns(Map<String, List<List<InetAddress>>> answers) {
    this.answers = answers;
  }

  /** No name resolves. */
  static TestDns of() {
    return new TestDns(Map.of());
  }

  /** {@code host} resolves to {@code addresses}; no other name resolves. */
  static TestDns of(String host, InetAddress... addresses) {
    return new TestDns(Map.of(host, List.of(List.of(addresses))));
  }

  /** {@code host} answers {@code first} on the first lookup and {@code then} on every later one. */
  static TestDns rebinding(String host, InetAddress first, InetAddress then) {
    return new TestDns(Map.of(host, List.of(List.of(first), List.of(then))));
  }

  int lookups() {
    return lookups.get();
  }

  @Override
  public List<InetAddress> lookup(String hostname) throws UnknownHostException {
    List<List<InetAddress>> sequence = answers.get(hostname.toLowerCase(Locale.ROOT));
    if (sequence == null) {
      throw new UnknownHostException(hostname + ": Name or service not known");
    }
    int lookup = lookups.getAndIncrement();
    return sequence.get(Math.min(lookup, sequence.size() - 1));
  }

  static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }
}
