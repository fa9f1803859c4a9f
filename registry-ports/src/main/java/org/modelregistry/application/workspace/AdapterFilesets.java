package org.modelregistry.application.workspace;

import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.ports.out.FilesetRepository;

/** The one rule of an adapter that needs a store: its fileset exists. */
final class AdapterFilesets {

  private AdapterFilesets() {}

  /**
   * Throws a violation at {@code fileset} unless {@code ref} (when given) names a fileset the
   * caller may see.
   */
  static void requireExisting(FilesetRepository filesets, Caller caller, FilesetRef ref) {
    if (ref != null && WorkspaceLookups.findFileset(filesets, caller, ref).isEmpty()) {
      throw ValidationException.of(
          "fileset '" + ref + "' does not exist", "fileset_not_found", "fileset");
    }
  }
}
