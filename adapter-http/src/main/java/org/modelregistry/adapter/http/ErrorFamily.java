package org.modelregistry.adapter.http;

/**
 * The API serves two families of routes, each answering failures in its own shape; a request's
 * family follows from its path alone, so that failures raised before any route matched (an unknown
 * path, a wrong method, a URI Jetty refuses) answer in the shape of the routes the client meant.
 */
enum ErrorFamily {

  /**
   * {@code /v4/model-templates}, {@code /v4/models}, the workspace routes under {@code /apis/...}
   * (and every path outside {@code /api}): the reference's {@code HTTPValidationError} and {@code
   * {"detail": "..."}}.
   */
  TEMPLATES_AND_MODELS,

  /**
   * The registration API under {@code /api} ({@code /api/v1.0/model...}, {@code /api/add_models}):
   * {@code {"status", "error", "message", "violations"}}.
   */
  REGISTRATION;

  static final String REGISTRATION_ROOT = "/api";

  /** The family of a request path (raw or decoded; only its first segment counts). */
  static ErrorFamily of(String path) {
    if (path != null
        && path.startsWith(REGISTRATION_ROOT)
        && (path.length() == REGISTRATION_ROOT.length()
            || path.charAt(REGISTRATION_ROOT.length()) == '/')) {
      return REGISTRATION;
    }
    return TEMPLATES_AND_MODELS;
  }
}
