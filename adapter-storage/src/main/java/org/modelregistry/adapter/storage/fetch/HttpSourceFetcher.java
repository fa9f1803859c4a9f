package org.modelregistry.adapter.storage.fetch;

import java.io.IOException;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.modelregistry.domain.registration.SourceUrl;
import org.modelregistry.ports.out.FetchRequest;
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
 * <p>A bearer token goes to the URL's own origin (scheme, host, port) only, never to a redirect
 * elsewhere. A range is asked for with a {@code Range} header and the answer is cut to it whatever
 * the source does with it. Answers that are neither successes nor redirects fail with an {@link
 * HttpStatusException} cause carrying their status.
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
  public FetchedSource open(SourceUrl url, FetchRequest request) {
    String origin = url.redacted();
    refusal(url)
        .ifPresent(
            reason -> {
              throw refused("GET " + origin + " refused: " + reason);
            });
    HttpUrl hop = HttpUrl.parse(url.value());
    HttpUrl tokenOrigin = hop;
    for (int redirects = 0; ; redirects++) {
      String where = redacted(hop);
      // Credentials go to the origin they were given for (scheme, host and port): neither a CDN's
      // signed redirect nor a downgrade to plain http or another port on the same host gets them.
      boolean withToken = sameOrigin(hop, tokenOrigin);
      Response response = execute(hop, where, request, withToken);
      int status = response.code();
      if (response.isSuccessful()) {
        return answer(response, where, request);
      }
      if (status == 416) {
        response.close();
        throw new SourceFetchException(
            "GET " + where + " returned 416: the range starts beyond the end",
            false,
            new HttpStatusException(status));
      }
      String location = response.header("Location");
      response.close();
      if (!REDIRECTS.contains(status)) {
        throw new SourceFetchException(
            "GET " + where + " returned " + status,
            isRetryable(status),
            new HttpStatusException(status));
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

  /**
   * The body of a 2xx answer, exactly the bytes {@code request} asked for: a 206 must start at the
   * offset asked for (its Content-Range says so) and is cut at the length; a 200 to a range request
   * carries the whole body, and the range is cut out of it.
   */
  private FetchedSource answer(Response response, String where, FetchRequest request) {
    String timeout = describe(settings.readTimeout());
    if (!request.isRange()) {
      return new HttpFetchedSource(response, where, timeout);
    }
    if (response.code() == 206) {
      OptionalLong start = ByteRanges.contentRangeStart(response.header("Content-Range"));
      if (response.header("Content-Range") != null
          && (start.isEmpty() || start.getAsLong() != request.offset())) {
        response.close();
        throw refused(
            "GET " + where + " answered a range that does not start at byte " + request.offset());
      }
      return new HttpFetchedSource(response, where, timeout, 0, request.length());
    }
    OptionalLong whole = ByteRanges.announcedLength(response.headers());
    if (whole.isPresent() && request.offset() > whole.getAsLong()) {
      response.close();
      throw refused(
          "GET " + where + ": the range starts beyond the end (" + whole.getAsLong() + " bytes)");
    }
    return new HttpFetchedSource(response, where, timeout, request.offset(), request.length());
  }

  private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
    return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
  }

  /** Drops idle pooled connections; requests still running are not affected. */
  @Override
  public void close() {
    guardedClient.connectionPool().evictAll();
  }

  private Response execute(HttpUrl url, String where, FetchRequest fetch, boolean withToken) {
    Request.Builder builder =
        new Request.Builder()
            .url(url)
            .get()
            // Exact bytes: without this OkHttp asks for gzip and inflates it behind our back.
            .header("Accept-Encoding", "identity")
            .header("User-Agent", settings.userAgent());
    if (fetch.isRange()) {
      // A length that reaches beyond the largest offset means "to the end"; no overflow.
      boolean toEnd = fetch.length() < 0 || fetch.length() > Long.MAX_VALUE - fetch.offset();
      String last = toEnd ? "" : Long.toString(fetch.offset() + fetch.length() - 1);
      builder.header("Range", "bytes=" + fetch.offset() + "-" + last);
    }
    if (withToken && fetch.bearerToken().isPresent()) {
      builder.header("Authorization", "Bearer " + fetch.bearerToken().get().value());
    }
    Request request = builder.build();
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
