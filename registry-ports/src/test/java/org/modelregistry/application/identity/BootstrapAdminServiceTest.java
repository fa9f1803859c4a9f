package org.modelregistry.application.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.domain.testdata.TestIdentities.aSecret;
import static org.modelregistry.domain.testdata.TestIdentities.anIdentity;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modelregistry.domain.identity.Identity;
import org.modelregistry.domain.identity.IdentityType;
import org.modelregistry.ports.in.identity.BootstrapAdminUseCase;
import org.modelregistry.ports.in.identity.IssuedApiKey;
import org.modelregistry.ports.out.IdentityRepository;
import org.modelregistry.ports.out.TransactionRunner;
import org.modelregistry.ports.out.memory.InMemoryApiKeyRepository;
import org.modelregistry.ports.out.memory.InMemoryIdentityRepository;
import org.modelregistry.ports.out.memory.SeededRandomSource;

class BootstrapAdminServiceTest {

  private final IdentityServices services = new IdentityServices();

  @Test
  void givenNoIdentity_bootstrap_createsTheAdministratorAndAKeyThatWorks() {
    IssuedApiKey issued = services.bootstrap.bootstrap(Optional.empty()).orElseThrow();

    Identity admin = services.identities.find("admin").orElseThrow();
    assertThat(admin.id()).isEqualTo(BootstrapAdminUseCase.ADMIN_ID);
    assertThat(admin.displayName()).isEqualTo("Administrator");
    assertThat(admin.type()).isEqualTo(IdentityType.USER);
    assertThat(admin.admin()).isTrue();
    assertThat(admin.accounts()).isEmpty();
    assertThat(admin.workspaces()).isEmpty();
    assertThat(admin.createdAt()).isEqualTo(IdentityServices.T0.truncatedTo(ChronoUnit.MICROS));
    assertThat(issued.key().identityId()).isEqualTo("admin");
    assertThat(issued.key().name()).isEqualTo("bootstrap");
    assertThat(issued.key().expiresAt()).isEmpty();
    assertThat(services.keys.listFor("admin")).containsExactly(issued.key());
    assertThat(services.authenticate.authenticate(issued.secret().reveal())).contains(admin);
    assertThat(services.random.draws()).isOne();
  }

  @Test
  void givenBootstrappedOnce_bootstrapAgain_isEmptyAndChangesNothing() {
    IssuedApiKey first = services.bootstrap.bootstrap(Optional.empty()).orElseThrow();

    assertThat(services.bootstrap.bootstrap(Optional.empty())).isEmpty();
    assertThat(services.bootstrap.bootstrap(Optional.of(aSecret(9).reveal()))).isEmpty();

    assertThat(services.identities.list()).hasSize(1);
    assertThat(services.keys.listFor("admin")).containsExactly(first.key());
    assertThat(services.authenticate.authenticate(aSecret(9).reveal())).isEmpty();
  }

  @Test
  void givenOtherIdentitiesButNoAdmin_bootstrap_isEmpty() {
    services.identities.insert(anIdentity().withId("alice").build());

    assertThat(services.bootstrap.bootstrap(Optional.empty())).isEmpty();
    assertThat(services.identities.find("admin")).isEmpty();
    assertThat(services.random.draws()).isZero();
  }

  @Test
  void givenPresetKey_bootstrap_usesItAndDrawsNothing() {
    String preset = aSecret(3).reveal();

    IssuedApiKey issued = services.bootstrap.bootstrap(Optional.of(preset)).orElseThrow();

    assertThat(issued.secret().reveal()).isEqualTo(preset);
    assertThat(issued.key().prefix()).isEqualTo(aSecret(3).prefix());
    assertThat(issued.key().hash()).isEqualTo(aSecret(3).hash());
    assertThat(services.random.draws()).isZero();
    assertThat(services.authenticate.authenticate(preset)).map(Identity::id).contains("admin");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "changeme",
        "mr_AbCd1234_tooShortSecretValue",
        " mr_AbCd1234_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxA"
      })
  void givenMalformedPresetKey_bootstrap_isRefusedWithoutEchoingIt(String preset) {
    assertThatThrownBy(() -> services.bootstrap.bootstrap(Optional.of(preset)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("preset admin key")
        .satisfies(
            e -> {
              if (!preset.isEmpty()) {
                assertThat(e.getMessage()).doesNotContain(preset.strip());
              }
            });
    assertThat(services.identities.isEmpty()).isTrue();
  }

  @Test
  void givenMalformedPresetKeyAndExistingIdentities_bootstrap_isStillRefused() {
    services.bootstrap.bootstrap(Optional.empty());

    assertThatThrownBy(() -> services.bootstrap.bootstrap(Optional.of("secret-typo")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("secret-typo");
  }

  @Test
  void givenAnotherNodeInsertedTheAdminAfterTheCheck_bootstrap_isEmpty() {
    var identities = new InMemoryIdentityRepository();
    identities.insert(anIdentity().withId("admin").admin(true).build());
    var keys = new InMemoryApiKeyRepository();
    var service =
        new BootstrapAdminService(
            new StaleEmptiness(identities),
            keys,
            new SeededRandomSource(1),
            TransactionRunner.direct(),
            services.clock);

    assertThat(service.bootstrap(Optional.empty())).isEmpty();
    assertThat(keys.listFor("admin")).isEmpty();
  }

  @Test
  void givenNodesBootstrappingAtOnceWithoutTransactions_bootstrap_succeedsExactlyOnce()
      throws Exception {
    var identities = new InMemoryIdentityRepository();
    var keys = new InMemoryApiKeyRepository();
    var service =
        new BootstrapAdminService(
            identities,
            keys,
            new SeededRandomSource(1),
            TransactionRunner.direct(),
            services.clock);

    List<Optional<IssuedApiKey>> results = race(8, () -> service.bootstrap(Optional.empty()));

    assertThat(results).filteredOn(Optional::isPresent).hasSize(1);
    assertThat(identities.list()).hasSize(1);
    assertThat(keys.listFor("admin")).hasSize(1);
  }

  @Test
  void givenNodesBootstrappingAtOnceWithTheSamePresetKey_bootstrap_succeedsExactlyOnce()
      throws Exception {
    String preset = aSecret(4).reveal();

    List<Optional<IssuedApiKey>> results =
        race(8, () -> services.bootstrap.bootstrap(Optional.of(preset)));

    assertThat(results).filteredOn(Optional::isPresent).hasSize(1);
    assertThat(services.identities.list()).hasSize(1);
    assertThat(services.keys.listFor("admin")).hasSize(1);
    assertThat(services.authenticate.authenticate(preset)).isPresent();
  }

  /** Runs {@code task} on {@code threads} threads released together; any exception fails. */
  private static <T> List<T> race(int threads, Callable<T> task) throws Exception {
    var start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await(30, TimeUnit.SECONDS);
                  return task.call();
                }));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(30, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** A repository whose emptiness was read before another node's insert landed. */
  private record StaleEmptiness(IdentityRepository delegate) implements IdentityRepository {

    @Override
    public boolean isEmpty() {
      return true;
    }

    @Override
    public void insert(Identity identity) {
      delegate.insert(identity);
    }

    @Override
    public Optional<Identity> find(String id) {
      return delegate.find(id);
    }

    @Override
    public boolean update(Identity identity) {
      return delegate.update(identity);
    }

    @Override
    public List<Identity> list() {
      return delegate.list();
    }
  }
}
