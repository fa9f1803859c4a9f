package org.modelregistry.ports.in.identity;

import java.util.Optional;
import org.modelregistry.domain.identity.Identity;

/** Finds out who presents an API key. */
public interface AuthenticateUseCase {

  /**
   * The identity {@code presentedKey} belongs to, when it is a well-formed key whose record exists,
   * whose hash matches (compared in constant time), which is neither expired nor revoked now, and
   * whose identity still exists. Empty for anything else, and for null; the caller is never told
   * which check failed, and the key is never logged.
   */
  Optional<Identity> authenticate(String presentedKey);
}
