package org.modelregistry.adapter.storage.fetch;

import java.net.InetAddress;
import java.util.Optional;

/**
 * The address ranges a source fetch must not reach unless its host is allowlisted: everything that
 * is not a public unicast address (loopback, unspecified, private, shared, link-local, cloud
 * metadata, multicast, reserved, broadcast), and IPv6 forms that embed such an IPv4 address.
 */
final class BlockedAddresses {

  private BlockedAddresses() {}

  /** What kind of blocked address {@code address} is ("a loopback address"), or empty if public. */
  static Optional<String> kindOf(InetAddress address) {
    byte[] bytes = address.getAddress();
    return Optional.ofNullable(bytes.length == 4 ? ipv4(bytes, 0) : ipv6(bytes));
  }

  /** As {@link #kindOf}, phrased for a reason: "127.0.0.1, a loopback address". */
  static Optional<String> describe(InetAddress address) {
    return kindOf(address).map(kind -> address.getHostAddress() + ", " + kind);
  }

  private static String ipv4(byte[] b, int at) {
    int a = b[at] & 0xff;
    int c = b[at + 1] & 0xff;
    int d = b[at + 2] & 0xff;
    int e = b[at + 3] & 0xff;
    if (a == 169 && c == 254 && d == 169 && e == 254) {
      return "a cloud metadata address";
    }
    if (a == 0) {
      return "an unspecified address (0.0.0.0/8)";
    }
    if (a == 127) {
      return "a loopback address";
    }
    if (a == 10 || (a == 172 && (c & 0xf0) == 16) || (a == 192 && c == 168)) {
      return "a private address";
    }
    if (a == 169 && c == 254) {
      return "a link-local address";
    }
    if (a == 100 && (c & 0xc0) == 64) {
      return "a shared carrier-grade NAT address (100.64.0.0/10)";
    }
    // 192.0.0.0/24 holds protocol assignments and Oracle Cloud's metadata service (192.0.0.192).
    if (a == 192 && c == 0 && d == 0) {
      return "a special-purpose address (192.0.0.0/24)";
    }
    if (a == 198 && (c & 0xfe) == 18) {
      return "a benchmarking address (198.18.0.0/15)";
    }
    if (a >= 224 && a <= 239) {
      return "a multicast address";
    }
    if (a >= 240) {
      return "a reserved or broadcast address";
    }
    return null;
  }

  private static String ipv6(byte[] b) {
    if (zeros(b, 0, 16)) {
      return "an unspecified address (::)";
    }
    if (zeros(b, 0, 15) && b[15] == 1) {
      return "a loopback address";
    }
    if (isAwsMetadata(b)) {
      return "a cloud metadata address";
    }
    // Forms that carry an IPv4 address, which is what the packets may end up reaching.
    if (zeros(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
      return embedded("an IPv4-mapped form of ", b, 12);
    }
    if (zeros(b, 0, 12)) {
      return embedded("an IPv4-compatible form of ", b, 12);
    }
    if (b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
      if (zeros(b, 4, 12)) {
        return embedded("a NAT64 form of ", b, 12);
      }
      return "a local-use NAT64 address (64:ff9b::/32)";
    }
    if (b[0] == 0x20 && b[1] == 0x02) {
      return embedded("a 6to4 form of ", b, 2);
    }
    if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) {
      return "a Teredo tunnel address (2001::/32)";
    }
    if ((b[0] & 0xfe) == 0xfc) {
      return "a private (unique local) address";
    }
    if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) {
      return "a link-local address";
    }
    if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
      return "a site-local address";
    }
    if ((b[0] & 0xff) == 0xff) {
      return "a multicast address";
    }
    return null;
  }

  // fd00:ec2::254; also inside fc00::/7, named separately for a clearer reason.
  private static boolean isAwsMetadata(byte[] b) {
    return (b[0] & 0xff) == 0xfd
        && b[1] == 0
        && b[2] == 0x0e
        && (b[3] & 0xff) == 0xc2
        && zeros(b, 4, 14)
        && b[14] == 0x02
        && b[15] == 0x54;
  }

  private static String embedded(String form, byte[] b, int at) {
    String kind = ipv4(b, at);
    return kind == null ? null : form + kind;
  }

  private static boolean zeros(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
