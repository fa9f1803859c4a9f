package org.modelregistry.adapter.storage.fetch;

import java.net.Proxy;
import java.util.Optional;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * OkHttp clients for other protocols than plain fetches (an S3 endpoint a user named) that connect
 * only where {@link HttpSourceFetcher} would: the same {@link FetchSettings#allowedHosts()
 * allowlist}, the same checks of names and addresses at resolution and at connection time (see
 * {@link HostGuard}), no proxy and no redirects. Thread-safe.
 */
public final class GuardedClients {

  private final FetchSettings settings;
  private final HostGuard guard;
  private final Dns resolver;

  public GuardedClients(FetchSettings settings) {
    this(settings, Dns.SYSTEM);
  }

  /** With another resolver than the system's, for tests of DNS answers. */
  GuardedClients(FetchSettings settings, Dns resolver) {
    this.settings = settings;
    this.resolver = resolver;
    this.guard = new HostGuard(HostAllowlist.parse(settings.allowedHosts()), resolver);
  }

  /**
   * Why {@code endpoint} must not be reached, or empty: a scheme other than http(s), or a host that
   * is or resolves to a blocked address and is not allowlisted. The reason names the host and the
   * address, never a path or query.
   */
  public Optional<String> refusal(HttpUrl endpoint) {
    if (!endpoint.scheme().equals("http") && !endpoint.scheme().equals("https")) {
      return Optional.of("only http and https endpoints are reached");
    }
    return guard.refusal(endpoint);
  }

  /**
   * Configures {@code builder} to reach {@code endpoint} safely, with the timeouts of the settings.
   * For an allowlisted endpoint the client resolves names as usual but refuses requests to any host
   * and port that is not allowlisted; for any other endpoint every name it resolves and every
   * address it connects to is checked against the blocked ranges. Refusals surface as {@link
   * java.io.IOException}s that {@link #refusalIn} recognizes.
   */
  public OkHttpClient.Builder guard(OkHttpClient.Builder builder, HttpUrl endpoint) {
    builder
        .connectTimeout(settings.connectTimeout())
        .readTimeout(settings.readTimeout())
        .writeTimeout(settings.readTimeout())
        .followRedirects(false)
        .followSslRedirects(false)
        .proxy(Proxy.NO_PROXY);
    if (!guard.isAllowlisted(endpoint)) {
      return builder.dns(guard.dns()).socketFactory(guard.socketFactory());
    }
    return builder
        .dns(resolver)
        .addInterceptor(
            chain -> {
              HttpUrl url = chain.request().url();
              if (!guard.isAllowlisted(url)) {
                throw new HostGuard.RefusedConnectionException(
                    "the host " + url.host() + ":" + url.port() + " is not allowlisted");
              }
              return chain.proceed(chain.request());
            });
  }

  /** The reason a guard layer gave, when {@code failure} or what it wraps is such a refusal. */
  public static Optional<String> refusalIn(Throwable failure) {
    return HostGuard.refusalIn(failure);
  }
}
