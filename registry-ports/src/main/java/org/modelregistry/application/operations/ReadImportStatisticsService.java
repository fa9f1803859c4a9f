package org.modelregistry.application.operations;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Objects;
import org.modelregistry.application.registration.ModelImporter;
import org.modelregistry.domain.registration.ImportState;
import org.modelregistry.ports.in.operations.ImportStatistics;
import org.modelregistry.ports.in.operations.ReadImportStatisticsUseCase;
import org.modelregistry.ports.out.RegisteredModelRepository;

/** This node's counters from its importer, the states of all versions from the repository. */
public final class ReadImportStatisticsService implements ReadImportStatisticsUseCase {

  private static final System.Logger LOG =
      System.getLogger(ReadImportStatisticsService.class.getName());

  private final ModelImporter importer;
  private final RegisteredModelRepository models;

  public ReadImportStatisticsService(ModelImporter importer, RegisteredModelRepository models) {
    this.importer = Objects.requireNonNull(importer, "importer");
    this.models = Objects.requireNonNull(models, "models");
  }

  @Override
  public ImportStatistics importStatistics() {
    Map<ImportState, Long> byState;
    try {
      byState = models.countByState();
    } catch (RuntimeException e) {
      // The database is down: this node's own counters still tell something; readiness says why.
      LOG.log(Level.DEBUG, "cannot count the versions by state", e);
      byState = Map.of();
    }
    return new ImportStatistics(
        importer.runningImports(), importer.importedFiles(), importer.importedBytes(), byState);
  }
}
