package org.modelregistry.adapter.storage.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Host names that are IPv4 addresses in disguise. Resolvers and URL parsers disagree on hosts like
 * {@code 2130706433}, {@code 0x7f000001}, {@code 0177.0.0.1} or {@code 127.1}: the C library reads
 * them as {@code 127.0.0.1}, Java reads some as other addresses or as names. Only the plain form
 * {@code a.b.c.d} has one meaning, so every other numeric host is refused rather than interpreted.
 */
final class NumericHosts {

  private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
  private static final Pattern DOTTED_QUAD =
      Pattern.compile(OCTET + "\\." + OCTET + "\\." + OCTET + "\\." + OCTET);
  private static final Pattern DECIMAL = Pattern.compile("[0-9]+");
  private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F]*");
  private static final Pattern OCTAL = Pattern.compile("0[0-7]*");

  private NumericHosts() {}

  /** Whether {@code host} is an IPv4 address in the plain form {@code a.b.c.d}. */
  static boolean isDottedQuad(String host) {
    return DOTTED_QUAD.matcher(host).matches();
  }

  /**
   * Why {@code host} is refused as a numeric address in another form than {@code a.b.c.d}, or empty
   * when it is plain or a name. As in the WHATWG URL standard, a host whose last label is a number
   * (decimal or {@code 0x} hexadecimal) is an IPv4 address, never a name.
   */
  static Optional<String> nonStandardForm(String host) {
    if (isDottedQuad(host) || !endsInNumber(host)) {
      return Optional.empty();
    }
    String reading =
        inetAton(host)
            .map(
                address ->
                    "read as "
                        + BlockedAddresses.describe(address).orElse(address.getHostAddress()))
            .orElse("not a valid address");
    return Optional.of(
        "the host "
            + host
            + " is an IPv4 address in a non-standard form ("
            + reading
            + "); only the form a.b.c.d is accepted");
  }

  private static boolean endsInNumber(String host) {
    String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    String last = name.substring(name.lastIndexOf('.') + 1);
    return !last.isEmpty() && (DECIMAL.matcher(last).matches() || HEX.matcher(last).matches());
  }

  /** How the C library's {@code inet_aton} reads {@code host}, or empty when it does not. */
  static Optional<InetAddress> inetAton(String host) {
    String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    String[] parts = name.split("\\.", -1);
    if (parts.length > 4) {
      return Optional.empty();
    }
    long[] values = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      long value = part(parts[i]);
      // Each leading part is one byte; the last fills the bytes that remain.
      long max = i < parts.length - 1 ? 0xff : (1L << (8 * (5 - parts.length))) - 1;
      if (value < 0 || value > max) {
        return Optional.empty();
      }
      values[i] = value;
    }
    long address = values[parts.length - 1];
    for (int i = 0; i < parts.length - 1; i++) {
      address |= values[i] << (8 * (3 - i));
    }
    byte[] bytes = {
      (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address
    };
    try {
      return Optional.of(InetAddress.getByAddress(bytes));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static long part(String text) {
    // Longer texts overflow any part; 12 digits keep the arithmetic below within a long.
    if (text.isEmpty() || text.length() > 12) {
      return -1;
    }
    if (HEX.matcher(text).matches()) {
      return text.length() == 2 ? 0 : Long.parseLong(text.substring(2), 16);
    }
    if (OCTAL.matcher(text).matches()) {
      return Long.parseLong(text, 8);
    }
    if (DECIMAL.matcher(text).matches() && text.charAt(0) != '0') {
      return Long.parseLong(text);
    }
    return -1;
  }
}
