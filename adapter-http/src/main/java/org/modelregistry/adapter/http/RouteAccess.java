package org.modelregistry.adapter.http;

import io.javalin.security.RouteRole;

/** What a route lets callers without an API key do, when the operator allows it at all. */
enum RouteAccess implements RouteRole {

  /**
   * A read of public registered models (a version, its files, the lists): answered to anonymous
   * callers when anonymous reads are switched on, showing public versions only.
   */
  ANONYMOUS_READ
}
