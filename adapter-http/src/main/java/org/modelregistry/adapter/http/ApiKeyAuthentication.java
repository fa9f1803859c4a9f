package org.modelregistry.adapter.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.Header;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.identity.Identity;
import org.modelregistry.ports.in.identity.AuthenticateUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests act as the identity whose API key they present, as {@code Authorization: Bearer <key>}
 * or {@code x-api-key: <key>} (the header the template and model family's clients send). A request
 * without a key, or with one that does not authenticate, is refused with 401; an address whose
 * presented keys failed too often is refused with 429 for a while, whatever it presents. Keys are
 * never logged.
 *
 * <p>When anonymous public reads are switched on, a GET or HEAD without any credential to a route
 * marked {@link RouteAccess#ANONYMOUS_READ} calls as {@link Caller#anonymous()}, which sees public
 * registered versions only. A request that presents a credential is always authenticated by it: a
 * bad key, a blank one or another scheme ({@code Basic}, {@code Token}) is refused, never taken for
 * anonymous.
 */
public final class ApiKeyAuthentication implements IdentitySource {

  /** The challenge of every 401. */
  static final String CHALLENGE = "Bearer realm=\"model-registry\"";

  /** The header the template and model family's clients send their key in. */
  static final String API_KEY_HEADER = "x-api-key";

  /** Failed keys one address may present at once, regained over {@link #DEFAULT_WINDOW}. */
  public static final int DEFAULT_MAX_FAILURES = 10;

  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);

  private static final Logger LOG = LoggerFactory.getLogger(ApiKeyAuthentication.class);
  private static final String IDENTITY = ApiKeyAuthentication.class.getName() + ".identity";
  private static final String BEARER = "Bearer ";

  private final AuthenticateUseCase authenticate;
  private final FailureRateLimit failures;
  private final boolean anonymousPublicReads;

  /**
   * Authenticates through {@code authenticate}; each address may present {@code maxFailures} bad
   * keys at once, an allowance it regains evenly over {@code window} as {@code clock} tells.
   */
  public ApiKeyAuthentication(
      AuthenticateUseCase authenticate, Clock clock, int maxFailures, Duration window) {
    this(authenticate, clock, maxFailures, window, false);
  }

  /**
   * Like the four-argument constructor; with {@code anonymousPublicReads}, requests without a key
   * may read public registered versions.
   */
  public ApiKeyAuthentication(
      AuthenticateUseCase authenticate,
      Clock clock,
      int maxFailures,
      Duration window,
      boolean anonymousPublicReads) {
    this.authenticate = Objects.requireNonNull(authenticate, "authenticate");
    this.failures = new FailureRateLimit(maxFailures, window, clock);
    this.anonymousPublicReads = anonymousPublicReads;
  }

  /**
   * With the default limit of {@value #DEFAULT_MAX_FAILURES} failures a minute; anonymous public
   * reads when {@code anonymousPublicReads}.
   */
  public static ApiKeyAuthentication withDefaultLimit(
      AuthenticateUseCase authenticate, Clock clock, boolean anonymousPublicReads) {
    return new ApiKeyAuthentication(
        authenticate, clock, DEFAULT_MAX_FAILURES, DEFAULT_WINDOW, anonymousPublicReads);
  }

  @Override
  public void register(RoutesConfig routes) {
    // Before routing, so that no request without a valid key reaches even a 404 or 405 (nor the
    // audit log) unless it may be an anonymous read; once the route is known, whether it is one.
    routes.before(this::authenticate);
    routes.beforeMatched(this::requireAnonymousRead);
  }

  /** Stores the request's identity, or refuses the request. */
  void authenticate(Context ctx) {
    if (RouteAccess.isPublic(ctx.path())) {
      return; // operational routes answer anyone, and ignore any key presented with them
    }
    String address = ctx.ip();
    Optional<String> presented = presentedKey(ctx);
    if (presented.isEmpty()) {
      if (anonymousPublicReads
          && (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD)) {
        return; // decided by requireAnonymousRead once the route is known
      }
      throw AuthenticationFailed.unauthenticated("an API key is required");
    }
    // A valid key always works: clients behind one address (a proxy, a NAT) must not be locked
    // out by another's bad keys. A 256-bit key cannot be guessed; the limit only slows the noise.
    Optional<Identity> identity =
        presented.get().isEmpty() ? Optional.empty() : authenticate.authenticate(presented.get());
    if (identity.isEmpty()) {
      Optional<Duration> wait = failures.retryAfter(address);
      if (wait.isPresent()) {
        throw AuthenticationFailed.tooManyFailures(wait.get());
      }
      // Only presented keys count: a client that sends none guesses nothing.
      failures.recordFailure(address);
      LOG.info("Refused an API key for {} {} from {}", ctx.method(), ctx.path(), address);
      throw AuthenticationFailed.unauthenticated(
          presented.get().isEmpty()
              ? "the credentials must be 'Authorization: Bearer <key>' or 'x-api-key: <key>'"
              : "the API key is not valid");
    }
    ctx.attribute(IDENTITY, identity.get());
  }

  /** A request without a key passed {@link #authenticate} only for a route anonymous may read. */
  private void requireAnonymousRead(Context ctx) {
    if (identityOf(ctx).isEmpty()
        && !anonymousReadAllowed(ctx)
        && !ctx.routeRoles().contains(RouteAccess.PUBLIC)) {
      throw AuthenticationFailed.unauthenticated("an API key is required");
    }
  }

  /**
   * The key in {@code Authorization: Bearer}, else in {@code x-api-key}; empty when the request
   * carries neither header, and an empty text when it carries a credential that is no key (a blank
   * one, another scheme), which must be refused rather than taken for no credential at all.
   */
  private static Optional<String> presentedKey(Context ctx) {
    String authorization = ctx.header(Header.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.of(authorization.substring(BEARER.length()).strip());
    }
    String apiKey = ctx.header(API_KEY_HEADER);
    if (apiKey != null) {
      return Optional.of(apiKey.strip());
    }
    return authorization == null ? Optional.empty() : Optional.of("");
  }

  private boolean anonymousReadAllowed(Context ctx) {
    return anonymousPublicReads && ctx.routeRoles().contains(RouteAccess.ANONYMOUS_READ);
  }

  @Override
  public Caller callerOf(Context ctx) {
    Optional<Identity> identity = identityOf(ctx);
    if (identity.isPresent()) {
      return Caller.of(identity.get());
    }
    if (anonymousReadAllowed(ctx)) {
      return Caller.anonymous();
    }
    throw AuthenticationFailed.unauthenticated("an API key is required");
  }

  @Override
  public Optional<Identity> identityOf(Context ctx) {
    return Optional.ofNullable(ctx.attribute(IDENTITY));
  }

  @Override
  public Optional<Actor> auditedActorOf(Context ctx) {
    return identityOf(ctx).map(Identity::actor);
  }
}
