package org.modelregistry.adapter.storage.fetch;

import java.io.IOException;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.modelregistry.domain.registration.SourceUrl;
import org.modelregistry.ports.out.FetchedSource;
import org.modelregistry.ports.out.SourceFetchException;
import org.modelregistry.ports.out.SourceFetcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SourceFetcher} over HTTP(S) with OkHttp, guarded against server-side request forgery.
 *
 * <p>Every hop (the URL, then each redirect) is checked before it is requested: http or https, then
 * the allowlist of {@link FetchSettings#allowedHosts()}, then the addresses the host is or resolves
 * to against {@link BlockedAddresses}. Requests to hosts that are not allowlisted then go through a
 * client whose DNS and sockets check again, so the address actually connected to is the one judged
 * (see {@link HostGuard}). Redirects are followed here, never by OkHttp, and no proxy is used:
 * through a proxy, the guard would only see the proxy's address.
 *
 * <p>Bytes are fetched as stored: {@code Accept-Encoding: identity}, no transparent decompression.
 * Messages and logs name URLs in their redacted form only (scheme, host, port, path), never the
 * query that carries the signature. Instances are thread-safe; share one, and close it on shutdown.
 */
public final class HttpSourceFetcher implements SourceFetcher, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HttpSourceFetcher.class);
  private static final Set<String> SCHEMES = Set.of("http", "https");
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final Pattern SCHEME = Pattern.compile("^\\s*([a-zA-Z][a-zA-Z0-9+.\\-]*):");

  private final FetchSettings settings;
  private final HostGuard guard;
  private final OkHttpClient allowlistedClient;
  private final OkHttpClient guardedClient;

  public HttpSourceFetcher(FetchSettings settings) {
    this(settings, Dns.SYSTEM);
  }

  /** With another resolver than the system's, for tests of DNS answers. */
  HttpSourceFetcher(FetchSettings settings, Dns resolver) {
    this.settings = settings;
    this.guard = new HostGuard(HostAllowlist.parse(settings.allowedHosts()), resolver);
    OkHttpClient base =
        new OkHttpClient.Builder()
            .connectTimeout(settings.connectTimeout())
            .readTimeout(settings.readTimeout())
            .writeTimeout(settings.readTimeout())
            .followRedirects(false)
            .followSslRedirects(false)
            .proxy(Proxy.NO_PROXY)
            .build();
    // Both share one connection pool; OkHttp never reuses a connection across different Dns
    // instances, so a connection made for an allowlisted host stays with that client.
    this.allowlistedClient = base.newBuilder().dns(resolver).build();
    this.guardedClient =
        base.newBuilder().dns(guard.dns()).socketFactory(guard.socketFactory()).build();
  }

  @Override
  public Optional<String> refusal(SourceUrl url) {
    String scheme = url.scheme();
    if (!SCHEMES.contains(scheme)) {
      return Optional.of("only http and https sources are fetched, not '" + scheme + "'");
    }
    HttpUrl httpUrl = HttpUrl.parse(url.value());
    if (httpUrl == null) {
      return Optional.of("the URL is not a valid http(s) URL");
    }
    return guard.refusal(httpUrl);
  }

  @Override
  public FetchedSource open(SourceUrl url) {
    String origin = url.redacted();
    refusal(url)
        .ifPresent(
            reason -> {
              throw refused("GET " + origin + " refused: " + reason);
            });
    HttpUrl hop = HttpUrl.parse(url.value());
    for (int redirects = 0; ; redirects++) {
      String where = redacted(hop);
      Response response = execute(hop, where);
      int status = response.code();
      if (response.isSuccessful()) {
        return new HttpFetchedSource(response, where, describe(settings.readTimeout()));
      }
      String location = response.header("Location");
      response.close();
      if (!REDIRECTS.contains(status)) {
        throw new SourceFetchException("GET " + where + " returned " + status, isRetryable(status));
      }
      if (location == null) {
        throw refused("GET " + where + " returned " + status + " without a Location");
      }
      if (redirects >= settings.maxRedirects()) {
        throw refused(
            "GET " + origin + " redirected more than " + settings.maxRedirects() + " times");
      }
      HttpUrl next = hop.resolve(location);
      if (next == null) {
        throw refused("GET " + where + " redirected to " + unfetchable(location));
      }
      String target = redacted(next);
      Optional<String> reason = guard.refusal(next);
      if (reason.isPresent()) {
        throw refused(
            "GET " + where + " redirected to " + target + ", which is refused: " + reason.get());
      }
      log.debug("GET {} redirected ({}) to {}", where, status, target);
      hop = next;
    }
  }

  /** Drops idle pooled connections; requests still running are not affected. */
  @Override
  public void close() {
    guardedClient.connectionPool().evictAll();
  }

  private Response execute(HttpUrl url, String where) {
    Request request =
        new Request.Builder()
            .url(url)
            .get()
            // Exact bytes: without this OkHttp asks for gzip and inflates it behind our back.
            .header("Accept-Encoding", "identity")
            .header("User-Agent", settings.userAgent())
            .build();
    OkHttpClient client = guard.isAllowlisted(url) ? allowlistedClient : guardedClient;
    try {
      return client.newCall(request).execute();
    } catch (IOException e) {
      Optional<String> reason = HostGuard.refusalIn(e);
      if (reason.isPresent()) {
        log.debug("GET {} refused at connection time: {}", where, reason.get());
        throw new SourceFetchException("GET " + where + " refused: " + reason.get(), false, e);
      }
      log.debug("GET {} failed", where, e);
      throw new SourceFetchException("GET " + where + " failed: " + describe(e), true, e);
    }
  }

  private String describe(IOException e) {
    if (e instanceof SocketTimeoutException) {
      return "timed out (connect "
          + describe(settings.connectTimeout())
          + ", read "
          + describe(settings.readTimeout())
          + ")";
    }
    if (e instanceof UnknownHostException) {
      return "unknown host " + e.getMessage();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static boolean isRetryable(int status) {
    return status == 408 || status == 429 || status >= 500;
  }

  private static SourceFetchException refused(String message) {
    return new SourceFetchException(message, false);
  }

  /** What a redirect target OkHttp cannot follow is, without quoting it. */
  private static String unfetchable(String location) {
    Matcher scheme = SCHEME.matcher(location);
    if (scheme.find()) {
      String name = scheme.group(1).toLowerCase(Locale.ROOT);
      if (!SCHEMES.contains(name)) {
        return "a '" + name + "' URL; only http and https sources are fetched";
      }
    }
    return "a malformed URL";
  }

  private static String redacted(HttpUrl url) {
    return url.newBuilder().username("").password("").query(null).fragment(null).build().toString();
  }

  private static String describe(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }
}
