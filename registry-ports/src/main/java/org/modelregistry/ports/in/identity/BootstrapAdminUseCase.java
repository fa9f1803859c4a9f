package org.modelregistry.ports.in.identity;

import java.util.Optional;

/**
 * Makes a new installation usable: when no identity exists yet, creates the administrator {@value
 * #ADMIN_ID} and a key for it.
 */
public interface BootstrapAdminUseCase {

  /** The id of the administrator a bootstrap creates. */
  String ADMIN_ID = "admin";

  /** The display name of the administrator a bootstrap creates. */
  String ADMIN_DISPLAY_NAME = "Administrator";

  /** The name of the key a bootstrap issues. */
  String KEY_NAME = "bootstrap";

  /**
   * Creates the administrator and its key, together, when no identity exists; the key is {@code
   * presetKey} when given (for automation), otherwise a new random one. Empty when identities exist
   * already, including when another node bootstrapped at the same moment.
   *
   * @throws IllegalArgumentException when {@code presetKey} is not shaped like a key (checked
   *     first, even when nothing is to be bootstrapped; the message never contains the text)
   */
  Optional<IssuedApiKey> bootstrap(Optional<String> presetKey);
}
