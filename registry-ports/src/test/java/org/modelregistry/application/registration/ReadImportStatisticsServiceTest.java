package org.modelregistry.application.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.modelregistry.application.operations.ReadImportStatisticsService;
import org.modelregistry.domain.registration.ImportState;
import org.modelregistry.domain.registration.TestRegistrations;
import org.modelregistry.ports.in.operations.ImportStatistics;
import org.modelregistry.ports.out.RegisteredModelRepository;

class ReadImportStatisticsServiceTest {

  private final RegistrationServices services = new RegistrationServices();

  @AfterEach
  void close() {
    services.close();
  }

  @Test
  void givenAnImportedVersion_statistics_countItsFilesAndItsState() {
    services.servingAllFiles().registerAndAwait();

    ImportStatistics statistics =
        new ReadImportStatisticsService(services.importer, services.models).importStatistics();

    assertThat(statistics.running()).isZero();
    assertThat(statistics.importedFiles()).isEqualTo(TestRegistrations.FILES.size());
    assertThat(statistics.importedBytes()).isPositive();
    assertThat(statistics.versionsByState())
        .isEqualTo(
            Map.of(ImportState.IMPORTING, 0L, ImportState.READY, 1L, ImportState.FAILED, 0L));
  }

  @Test
  void givenTheDatabaseDown_statistics_keepThisNodesCountersAndLeaveTheStatesOut() {
    services.servingAllFiles().registerAndAwait();
    RegisteredModelRepository down =
        (RegisteredModelRepository)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {RegisteredModelRepository.class},
                (proxy, method, args) -> {
                  throw new IllegalStateException("connection refused");
                });

    ImportStatistics statistics =
        new ReadImportStatisticsService(services.importer, down).importStatistics();

    assertThat(statistics.importedFiles()).isEqualTo(TestRegistrations.FILES.size());
    assertThat(statistics.versionsByState()).isEmpty();
  }
}
