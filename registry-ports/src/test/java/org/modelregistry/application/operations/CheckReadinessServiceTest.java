package org.modelregistry.application.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.modelregistry.ports.in.operations.Readiness;
import org.modelregistry.ports.in.operations.Readiness.DependencyState;
import org.modelregistry.ports.out.DependencyCheck;

class CheckReadinessServiceTest {

  private static final Duration TIMEOUT = Duration.ofMillis(200);

  /** A clock the test moves by hand. */
  private static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2026-11-23T10:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  /** A dependency that counts its checks and fails while told to. */
  private static final class Dependency implements DependencyCheck {
    private final String name;
    private final AtomicInteger checks = new AtomicInteger();
    private volatile String failure;

    Dependency(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void check() {
      checks.incrementAndGet();
      if (failure != null) {
        throw new IllegalStateException(failure);
      }
    }
  }

  private final ManualClock clock = new ManualClock();

  @Test
  void givenEveryDependencyAnswering_readiness_isReadyWithEachUp() {
    var database = new Dependency("database");
    var store = new Dependency("artifact_store");
    var service =
        new CheckReadinessService(List.of(database, store), clock, TIMEOUT, Duration.ZERO);

    Readiness readiness = service.readiness();

    assertThat(readiness.ready()).isTrue();
    assertThat(readiness.dependencies())
        .containsExactly(DependencyState.up("database"), DependencyState.up("artifact_store"));
    assertThat(readiness.checkedAt()).isEqualTo(clock.instant());
  }

  @Test
  void givenAFailingDependency_readiness_isNotReadyAndSaysWhy() {
    var database = new Dependency("database");
    var store = new Dependency("artifact_store");
    store.failure = "bucket model-registry not found";
    var service =
        new CheckReadinessService(List.of(database, store), clock, TIMEOUT, Duration.ZERO);

    Readiness readiness = service.readiness();

    assertThat(readiness.ready()).isFalse();
    assertThat(readiness.dependencies())
        .containsExactly(
            DependencyState.up("database"),
            DependencyState.down("artifact_store", "bucket model-registry not found"));
  }

  @Test
  void givenAHungDependency_readiness_answersWithinTheTimeoutAndDoesNotStartASecondCheck()
      throws InterruptedException {
    var release = new CountDownLatch(1);
    var started = new AtomicInteger();
    DependencyCheck hung = blockedUntil(release, started::incrementAndGet);
    var service = new CheckReadinessService(List.of(hung), clock, TIMEOUT, Duration.ZERO);

    Readiness first = service.readiness();
    clock.advance(Duration.ofSeconds(5));
    Readiness second = service.readiness();

    assertThat(first.ready()).isFalse();
    assertThat(first.dependencies().getFirst().problem()).contains("did not answer within 200 ms");
    assertThat(second.ready()).isFalse();
    assertThat(started).hasValue(1);
    release.countDown();
  }

  @Test
  void givenAFreshOutcome_readiness_reusesItUntilItIsOld() {
    var database = new Dependency("database");
    var service =
        new CheckReadinessService(List.of(database), clock, TIMEOUT, Duration.ofSeconds(1));

    service.readiness();
    clock.advance(Duration.ofMillis(900));
    service.readiness();
    assertThat(database.checks).hasValue(1);

    database.failure = "connection refused";
    clock.advance(Duration.ofMillis(100));
    Readiness later = service.readiness();

    assertThat(database.checks).hasValue(2);
    assertThat(later.ready()).isFalse();
  }

  @Test
  void givenADependencyBackUp_readiness_isReadyAgain() {
    var database = new Dependency("database");
    database.failure = "connection refused";
    var service = new CheckReadinessService(List.of(database), clock, TIMEOUT, Duration.ZERO);
    assertThat(service.readiness().ready()).isFalse();

    database.failure = null;

    assertThat(service.readiness().ready()).isTrue();
  }

  @Test
  void givenAHungDependency_concurrentCallers_allAnswerWithinOneTimeout() throws Exception {
    var release = new CountDownLatch(1);
    DependencyCheck hung = blockedUntil(release, () -> {});
    var service =
        new CheckReadinessService(
            List.of(hung), Clock.systemUTC(), Duration.ofSeconds(2), Duration.ofSeconds(1));
    try (var callers = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      long started = System.nanoTime();
      var answers =
          java.util.stream.IntStream.range(0, 4)
              .mapToObj(i -> callers.submit(service::readiness))
              .toList();
      for (var answer : answers) {
        assertThat(answer.get().ready()).isFalse();
      }
      // One shared round of 2 s, not four queued ones (8 s).
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
    } finally {
      release.countDown();
    }
  }

  /** A database check that runs {@code onStart}, then answers once {@code release} opens. */
  private static DependencyCheck blockedUntil(CountDownLatch release, Runnable onStart) {
    return DependencyCheck.of(
        "database",
        () -> {
          onStart.run();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }
}
