package org.modelregistry.ports.in.registration;

import java.time.Duration;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.registration.RegisteredModel;

/** Reads one registered version. */
public interface GetRegisteredModelUseCase {

  /**
   * The version {@code ref} addresses, as {@code viewer} may see it.
   *
   * @throws org.modelregistry.domain.error.NotFoundException when there is none visible to the
   *     viewer (a private version of someone else is not found, not forbidden)
   * @throws org.modelregistry.domain.error.ConflictException when no owner is given, the viewer has
   *     no such version, and several owners have a public one
   */
  RegisteredModel get(Caller viewer, ModelVersionRef ref);

  /**
   * Like {@link #get}, but while the version is IMPORTING waits up to {@code maxWait} for its
   * import to end, then returns it in whatever state it has.
   */
  RegisteredModel await(Caller viewer, ModelVersionRef ref, Duration maxWait);

  /** The longest wait {@link #await} honours; longer requests are cut to it. */
  Duration MAX_WAIT = Duration.ofSeconds(60);
}
