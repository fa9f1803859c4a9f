package org.modelregistry.adapter.storage.fetch;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How an {@link HttpSourceFetcher} connects.
 *
 * @param connectTimeout how long to wait for a connection to open
 * @param readTimeout how long to wait for the next bytes of a response (headers or body) before
 *     giving up; a slow but steady source is never cut off
 * @param maxRedirects how many redirects one fetch follows, at most {@value #MAX_REDIRECTS_LIMIT};
 *     0 refuses every redirect
 * @param allowedHosts hosts that are reached whatever they resolve to, such as an object store on
 *     the private network: {@code host} (any port), {@code host:port}, {@code [::1]:8080}; compared
 *     case-insensitively. Everything else is checked against the blocked address ranges.
 * @param userAgent the User-Agent header sent with every request
 */
public record FetchSettings(
    Duration connectTimeout,
    Duration readTimeout,
    int maxRedirects,
    List<String> allowedHosts,
    String userAgent) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_MAX_REDIRECTS = 5;
  public static final int MAX_REDIRECTS_LIMIT = 20;
  public static final String DEFAULT_USER_AGENT = "model-registry";

  public FetchSettings {
    requireTimeout(connectTimeout, "connectTimeout");
    requireTimeout(readTimeout, "readTimeout");
    if (maxRedirects < 0 || maxRedirects > MAX_REDIRECTS_LIMIT) {
      throw new IllegalArgumentException(
          "maxRedirects must be between 0 and " + MAX_REDIRECTS_LIMIT + ": " + maxRedirects);
    }
    allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    // Parsed here only to fail at startup on a typo; the fetcher parses them again.
    HostAllowlist.parse(allowedHosts);
    Objects.requireNonNull(userAgent, "userAgent");
    if (userAgent.isBlank() || !userAgent.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException("userAgent must be non-blank printable ASCII");
    }
  }

  /** Ten seconds to connect, thirty without data, five redirects, no allowed hosts. */
  public static FetchSettings defaults() {
    return new FetchSettings(
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_READ_TIMEOUT,
        DEFAULT_MAX_REDIRECTS,
        List.of(),
        DEFAULT_USER_AGENT);
  }

  public FetchSettings withAllowedHosts(List<String> hosts) {
    return new FetchSettings(connectTimeout, readTimeout, maxRedirects, hosts, userAgent);
  }

  public FetchSettings withTimeouts(Duration connect, Duration read) {
    return new FetchSettings(connect, read, maxRedirects, allowedHosts, userAgent);
  }

  public FetchSettings withMaxRedirects(int redirects) {
    return new FetchSettings(connectTimeout, readTimeout, redirects, allowedHosts, userAgent);
  }

  private static void requireTimeout(Duration timeout, String name) {
    Objects.requireNonNull(timeout, name);
    // OkHttp counts in whole milliseconds, up to Integer.MAX_VALUE of them.
    if (timeout.toMillis() < 1 || timeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          name + " must be between 1 ms and " + Integer.MAX_VALUE + " ms: " + timeout);
    }
  }
}
