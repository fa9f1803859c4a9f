package org.modelregistry.ports.in.operations;

import java.util.Map;
import java.util.Objects;
import org.modelregistry.domain.registration.ImportState;

/**
 * How imports are going.
 *
 * @param running versions this node imports now
 * @param importedFiles files this node imported and recorded since it started
 * @param importedBytes their bytes
 * @param versionsByState every registered version (all owners, all nodes) by import state, every
 *     state a key; empty when the database could not be read
 */
public record ImportStatistics(
    int running, long importedFiles, long importedBytes, Map<ImportState, Long> versionsByState) {

  public ImportStatistics {
    versionsByState = Map.copyOf(Objects.requireNonNull(versionsByState, "versionsByState"));
  }
}
