package org.modelregistry.application.operations;

import java.util.Objects;
import org.modelregistry.application.registration.ModelImporter;
import org.modelregistry.ports.in.operations.ImportStatistics;
import org.modelregistry.ports.in.operations.ReadImportStatisticsUseCase;
import org.modelregistry.ports.out.RegisteredModelRepository;

/** This node's counters from its importer, the states of all versions from the repository. */
public final class ReadImportStatisticsService implements ReadImportStatisticsUseCase {

  private final ModelImporter importer;
  private final RegisteredModelRepository models;

  public ReadImportStatisticsService(ModelImporter importer, RegisteredModelRepository models) {
    this.importer = Objects.requireNonNull(importer, "importer");
    this.models = Objects.requireNonNull(models, "models");
  }

  @Override
  public ImportStatistics importStatistics() {
    return new ImportStatistics(
        importer.runningImports(),
        importer.importedFiles(),
        importer.importedBytes(),
        models.countByState());
  }
}
