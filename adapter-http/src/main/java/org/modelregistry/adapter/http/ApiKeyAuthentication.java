package org.modelregistry.adapter.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.Identity;
import org.modelregistry.ports.in.identity.AuthenticateUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests act as the identity whose API key they present, as {@code Authorization: Bearer <key>}
 * or {@code x-api-key: <key>} (the header the template and model family's clients send). A request
 * without a key, or with one that does not authenticate, is refused with 401 before any route runs;
 * an address whose presented keys failed too often is refused with 429 for a while, whatever it
 * presents. Keys are never logged.
 *
 * <p>TODO(next step): anonymous reads (GET and HEAD without a key) are not supported yet; every
 * request needs a key once this source is wired.
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

  /**
   * Authenticates through {@code authenticate}; each address may present {@code maxFailures} bad
   * keys at once, an allowance it regains evenly over {@code window} as {@code clock} tells.
   */
  public ApiKeyAuthentication(
      AuthenticateUseCase authenticate, Clock clock, int maxFailures, Duration window) {
    this.authenticate = Objects.requireNonNull(authenticate, "authenticate");
    this.failures = new FailureRateLimit(maxFailures, window, clock);
  }

  /** With the default limit of {@value #DEFAULT_MAX_FAILURES} failures a minute. */
  public static ApiKeyAuthentication withDefaultLimit(
      AuthenticateUseCase authenticate, Clock clock) {
    return new ApiKeyAuthentication(authenticate, clock, DEFAULT_MAX_FAILURES, DEFAULT_WINDOW);
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.before(this::authenticate);
  }

  /** Stores the request's identity, or refuses the request. */
  void authenticate(Context ctx) {
    String address = ctx.ip();
    Optional<String> presented = presentedKey(ctx);
    if (presented.isEmpty()) {
      throw AuthenticationFailed.unauthenticated("an API key is required");
    }
    // A valid key always works: clients behind one address (a proxy, a NAT) must not be locked
    // out by another's bad keys. A 256-bit key cannot be guessed; the limit only slows the noise.
    Optional<Identity> identity = authenticate.authenticate(presented.get());
    if (identity.isEmpty()) {
      Optional<Duration> wait = failures.retryAfter(address);
      if (wait.isPresent()) {
        throw AuthenticationFailed.tooManyFailures(wait.get());
      }
      // Only presented keys count: a client that sends none guesses nothing.
      failures.recordFailure(address);
      LOG.info("Refused an API key for {} {} from {}", ctx.method(), ctx.path(), address);
      throw AuthenticationFailed.unauthenticated("the API key is not valid");
    }
    ctx.attribute(IDENTITY, identity.get());
  }

  /** The key in {@code Authorization: Bearer}, else in {@code x-api-key}; empty when neither. */
  private static Optional<String> presentedKey(Context ctx) {
    String authorization = ctx.header(Header.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return nonBlank(authorization.substring(BEARER.length()));
    }
    return nonBlank(ctx.header(API_KEY_HEADER));
  }

  private static Optional<String> nonBlank(String text) {
    return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
  }

  @Override
  public Actor actorOf(Context ctx) {
    return authenticated(ctx).actor();
  }

  @Override
  public boolean isAdmin(Context ctx) {
    return authenticated(ctx).admin();
  }

  @Override
  public Optional<Identity> identityOf(Context ctx) {
    return Optional.ofNullable(ctx.attribute(IDENTITY));
  }

  @Override
  public Optional<Actor> auditedActorOf(Context ctx) {
    return identityOf(ctx).map(Identity::actor);
  }

  private Identity authenticated(Context ctx) {
    return identityOf(ctx)
        .orElseThrow(() -> AuthenticationFailed.unauthenticated("an API key is required"));
  }
}
