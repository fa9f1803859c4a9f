package org.modelregistry.adapter.http;

import io.javalin.security.RouteRole;
import java.util.Set;

/** What a route lets callers without an API key do, when the operator allows it at all. */
enum RouteAccess implements RouteRole {

  /**
   * A read of public registered models (a version, its files, the lists): answered to anonymous
   * callers when anonymous reads are switched on, showing public versions only.
   */
  ANONYMOUS_READ,

  /**
   * An operational route anyone may call without a key whatever the settings (health, readiness,
   * metrics, the API description): it shows nothing of what the registry holds.
   */
  PUBLIC;

  /**
   * The paths of the {@link #PUBLIC} routes. Authentication runs before routing, when a request's
   * route and roles are not known yet, so it recognises them by their exact path.
   */
  static final Set<String> PUBLIC_PATHS =
      Set.of("/healthz", "/readyz", "/metrics", "/openapi.json", "/docs");

  /**
   * Whether {@code path} reaches a public route: Javalin ignores one trailing slash, so does this.
   */
  static boolean isPublic(String path) {
    String route =
        path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return PUBLIC_PATHS.contains(route);
  }
}
