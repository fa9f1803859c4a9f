package org.modelregistry.ports.out;

import java.util.Optional;
import org.modelregistry.domain.registration.Secret;
import org.modelregistry.domain.workspace.SecretRef;

/**
 * The values of the secrets that storage configurations name by {@link SecretRef}. Values are only
 * ever handed to the code that authenticates with them, never returned by an API or logged.
 */
public interface SecretStore {

  /** The value of the secret {@code ref} names, or empty when there is no such secret. */
  Optional<Secret> find(SecretRef ref);

  /** A store without secrets. */
  SecretStore NONE = ref -> Optional.empty();
}
