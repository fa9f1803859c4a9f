package org.modelregistry.ports.in;

import java.util.Objects;
import org.modelregistry.ports.in.registration.DeleteRegisteredModelUseCase;
import org.modelregistry.ports.in.registration.GetRegisteredModelUseCase;
import org.modelregistry.ports.in.registration.ListRegisteredModelsUseCase;
import org.modelregistry.ports.in.registration.ReadModelFileUseCase;
import org.modelregistry.ports.in.registration.RegisterModelUseCase;
import org.modelregistry.ports.in.registration.UpdateRegisteredModelUseCase;

/**
 * The driving ports of the registration API ({@code /api/v1.0/model...}, {@code /api/add_models}).
 */
public record RegistrationUseCases(
    RegisterModelUseCase register,
    GetRegisteredModelUseCase get,
    ListRegisteredModelsUseCase list,
    UpdateRegisteredModelUseCase update,
    DeleteRegisteredModelUseCase delete,
    ReadModelFileUseCase readFile) {

  public RegistrationUseCases {
    Objects.requireNonNull(register, "register");
    Objects.requireNonNull(get, "get");
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(update, "update");
    Objects.requireNonNull(delete, "delete");
    Objects.requireNonNull(readFile, "readFile");
  }
}
