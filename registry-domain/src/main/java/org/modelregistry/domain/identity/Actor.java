package org.modelregistry.domain.identity;

import java.util.Objects;

/** The identity on whose behalf an operation runs; it becomes the creator of what it makes. */
public record Actor(String userId, IdentityType identityType) {

  public static final int MAX_USER_ID_LENGTH = 255;

  public Actor {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(identityType, "identityType");
    if (userId.isBlank()) {
      throw new IllegalArgumentException("an actor needs a user id");
    }
    if (userId.length() > MAX_USER_ID_LENGTH) {
      throw new IllegalArgumentException(
          "a user id has at most " + MAX_USER_ID_LENGTH + " characters");
    }
  }
}
