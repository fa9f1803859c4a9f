package org.modelregistry.ports.in.registration;

import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.registration.RegisteredModel;
import org.modelregistry.domain.registration.Registration;

/** Registers a model version and starts copying its files into the registry's storage. */
public interface RegisterModelUseCase {

  /**
   * Stores the version as IMPORTING, owned by {@code caller}, and schedules the import of its files
   * in the background; returns at once.
   *
   * @throws org.modelregistry.domain.error.ValidationException when a source URL is refused by the
   *     fetch policy (its scheme, or a host that resolves to a blocked address); the path names the
   *     file ({@code model_files.<target>})
   * @throws org.modelregistry.domain.error.ConflictException when the caller already registered
   *     this name and version
   */
  RegisteredModel register(Caller caller, Registration registration);
}
