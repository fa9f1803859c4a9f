package org.modelregistry.adapter.storage.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.SocketFactory;
import okhttp3.Dns;
import okhttp3.HttpUrl;

/**
 * Decides which hosts and addresses a fetch may reach, at three moments: before a request ({@link
 * #refusal}), when OkHttp resolves a name ({@link #dns()}), and when a socket connects ({@link
 * #socketFactory()}). The last one sees exactly the address the packets go to, so neither DNS
 * rebinding between the checks nor an IP literal that OkHttp connects to without asking {@link Dns}
 * gets past it. The DNS and socket layers serve the requests to hosts that are not allowlisted.
 */
final class HostGuard {

  private final HostAllowlist allowlist;
  private final Dns resolver;
  private final Dns guardedDns = this::lookupChecked;
  private final SocketFactory guardedSockets = new GuardedSocketFactory();

  HostGuard(HostAllowlist allowlist, Dns resolver) {
    this.allowlist = allowlist;
    this.resolver = resolver;
  }

  boolean isAllowlisted(HttpUrl url) {
    return allowlist.admits(url.host(), url.port());
  }

  /**
   * Why {@code url} must not be requested, or empty. Allowlisted host and port pass; so does a name
   * that does not resolve (the request then fails on its own). IP literals are read, never
   * resolved.
   */
  Optional<String> refusal(HttpUrl url) {
    if (isAllowlisted(url)) {
      return Optional.empty();
    }
    String host = url.host();
    Optional<String> numeric = NumericHosts.nonStandardForm(host);
    if (numeric.isPresent()) {
      return numeric;
    }
    if (isLiteral(host)) {
      return literal(host)
          .flatMap(BlockedAddresses::kindOf)
          .map(kind -> "the host " + host + " is " + kind);
    }
    try {
      return blockedAmong(host, resolver.lookup(host));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** Resolves through the real resolver and fails when any answer is a blocked address. */
  Dns dns() {
    return guardedDns;
  }

  /** Sockets that refuse to connect to a blocked address. */
  SocketFactory socketFactory() {
    return guardedSockets;
  }

  /** The reason a guard layer gave, when {@code failure} or what it wraps is such a refusal. */
  static Optional<String> refusalIn(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    var pending = new ArrayDeque<Throwable>();
    pending.add(failure);
    while (!pending.isEmpty()) {
      Throwable next = pending.poll();
      if (!seen.add(next)) {
        continue;
      }
      if (next instanceof RefusedHostException || next instanceof RefusedConnectionException) {
        return Optional.of(next.getMessage());
      }
      if (next.getCause() != null) {
        pending.add(next.getCause());
      }
      pending.addAll(List.of(next.getSuppressed()));
    }
    return Optional.empty();
  }

  private List<InetAddress> lookupChecked(String host) throws UnknownHostException {
    Optional<String> numeric = NumericHosts.nonStandardForm(host);
    if (numeric.isPresent()) {
      throw new RefusedHostException(numeric.get());
    }
    List<InetAddress> addresses = resolver.lookup(host);
    Optional<String> blocked = blockedAmong(host, addresses);
    if (blocked.isPresent()) {
      throw new RefusedHostException(blocked.get());
    }
    return addresses;
  }

  // One blocked answer is enough: a name that mixes public and private answers is a rebinding trap.
  private static Optional<String> blockedAmong(String host, List<InetAddress> addresses) {
    for (InetAddress address : addresses) {
      Optional<String> blocked = BlockedAddresses.describe(address);
      if (blocked.isPresent()) {
        return Optional.of("the host " + host + " resolves to " + blocked.get());
      }
    }
    return Optional.empty();
  }

  // OkHttp's canonical hosts: IPv6 literals without brackets, IPv4 literals checked to be plain.
  private static boolean isLiteral(String host) {
    return host.indexOf(':') >= 0 || NumericHosts.isDottedQuad(host);
  }

  private static Optional<InetAddress> literal(String host) {
    try {
      // A literal in brackets or a dotted quad is parsed, never looked up.
      return Optional.of(InetAddress.getByName(host.indexOf(':') >= 0 ? "[" + host + "]" : host));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** A host whose name or answers the guard refused; the message is the reason, safe to show. */
  static final class RefusedHostException extends UnknownHostException {
    RefusedHostException(String reason) {
      super(reason);
    }
  }

  /** A connection the guard refused; the message is the reason, safe to show. */
  static final class RefusedConnectionException extends SocketException {
    RefusedConnectionException(String reason) {
      super(reason);
    }
  }

  private static final class GuardedSocketFactory extends SocketFactory {

    @Override
    public Socket createSocket() {
      return new GuardedSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return connected(null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      return connected(
          new InetSocketAddress(localHost, localPort), new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return connected(null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(
        InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
      return connected(
          new InetSocketAddress(localAddress, localPort), new InetSocketAddress(address, port));
    }

    private static Socket connected(SocketAddress local, SocketAddress remote) throws IOException {
      var socket = new GuardedSocket();
      try {
        if (local != null) {
          socket.bind(local);
        }
        socket.connect(remote);
        return socket;
      } catch (IOException | RuntimeException e) {
        socket.close();
        throw e;
      }
    }
  }

  private static final class GuardedSocket extends Socket {

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
      if (!(endpoint instanceof InetSocketAddress remote) || remote.isUnresolved()) {
        throw new RefusedConnectionException("only resolved addresses are connected to");
      }
      Optional<String> blocked = BlockedAddresses.describe(remote.getAddress());
      if (blocked.isPresent()) {
        throw new RefusedConnectionException("the connection would reach " + blocked.get());
      }
      super.connect(endpoint, timeout);
    }
  }
}
