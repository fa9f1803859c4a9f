package org.modelregistry.domain.registration;

import org.modelregistry.domain.error.Violations;

/**
 * The container registry a docker base image is pulled from, with optional credentials. The
 * password is a {@link Secret}: stored with the registration, never written to a response.
 */
public record DockerRegistry(String url, String username, Secret password) {

  public static final int MAX_URL_LENGTH = 255;
  public static final int MAX_USERNAME_LENGTH = 255;

  /** Registry tokens (JWTs and the like) can be long; this bound only keeps rows sane. */
  public static final int MAX_PASSWORD_LENGTH = 8192;

  public DockerRegistry {
    var violations = Violations.collect();
    if (url == null) {
      violations.add(Violations.MISSING, "url is required", "url");
    } else {
      RegistrationRules.checkToken(violations.at("url"), url, MAX_URL_LENGTH, "url");
    }
    if (username != null) {
      RegistrationRules.checkToken(
          violations.at("username"), username, MAX_USERNAME_LENGTH, "username");
    }
    if (password != null) {
      // The message states the bound only; the value itself is never quoted.
      violations.require(
          !password.value().isEmpty(),
          "string_too_short",
          "password must not be empty",
          "password");
      violations.require(
          password.value().length() <= MAX_PASSWORD_LENGTH,
          "string_too_long",
          "password must be at most " + MAX_PASSWORD_LENGTH + " characters",
          "password");
    }
    // Credentials only make sense as a pair; half of one is a mistake worth reporting.
    violations.require(
        username != null || password == null,
        Violations.MISSING,
        "username is required with a password",
        "username");
    violations.require(
        password != null || username == null,
        Violations.MISSING,
        "password is required with a username",
        "password");
    violations.throwIfAny();
  }

  /** Whether credentials are stored for this registry. */
  public boolean hasCredentials() {
    return username != null;
  }
}
