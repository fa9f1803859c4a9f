package org.modelregistry.ports.out.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.domain.testdata.TestModels.aModel;
import static org.modelregistry.domain.testdata.TestTemplates.aTemplate;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.error.RegistryException;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.identity.IdentityType;
import org.modelregistry.domain.model.Model;
import org.modelregistry.domain.template.Template;
import org.modelregistry.ports.in.TemplateQuery;
import org.modelregistry.ports.paging.PageRequest;

/**
 * The behaviour every atomic {@link org.modelregistry.ports.out.TransactionRunner} shares, with the
 * repositories of the same store joining its transactions. ({@code TransactionRunner.direct()} is
 * not atomic, so the in-memory fakes do not run this suite.)
 */
public abstract class TransactionRunnerContract extends RegistryStoreContract {

  @Test
  void givenWorkThatSucceeds_inTransaction_returnsItsResultAndCommitsEveryWrite() {
    Template template = aTemplate().build();
    Model model = aModel().fromTemplate(template).build();

    String result =
        transactions.inTransaction(
            () -> {
              templates.insert(template);
              models.insert(model);
              return "done";
            });

    assertThat(result).isEqualTo("done");
    assertThat(templates.findById(template.id())).contains(template);
    assertThat(models.findById(model.id())).contains(model);
  }

  @Test
  void givenWorkThatThrowsAfterWriting_inTransaction_rollsBackEveryWriteAndRethrowsAsIs() {
    Template kept = stored(aTemplate());
    Template template = aTemplate().build();
    Model model = aModel().fromTemplate(template).build();
    var failure = new IllegalStateException("boom");

    assertThatThrownBy(
            () ->
                transactions.inTransaction(
                    () -> {
                      templates.insert(template);
                      models.insert(model);
                      assertThat(templates.delete(kept.id())).isTrue();
                      throw failure;
                    }))
        .isSameAs(failure);

    assertThat(templates.findById(template.id())).isEmpty();
    assertThat(models.findById(model.id())).isEmpty();
    assertThat(templates.findById(kept.id())).contains(kept);
  }

  @Test
  void givenDomainExceptionsThrownInside_inTransaction_propagatesEachUnchanged() {
    List<RegistryException> failures =
        List.of(
            new ConflictException("taken"),
            ValidationException.of("bad", "value_error", "name"),
            NotFoundException.of("model", "m-1"));

    for (RegistryException failure : failures) {
      assertThatThrownBy(
              () ->
                  transactions.inTransaction(
                      () -> {
                        throw failure;
                      }))
          .isSameAs(failure);
    }
  }

  @Test
  void givenRepositoryConflictInside_inTransaction_throwsConflictAndRollsBackEarlierWrites() {
    stored(aTemplate().withName("taken"));
    Template earlier = aTemplate().build();

    assertThatThrownBy(
            () ->
                transactions.inTransaction(
                    () -> {
                      templates.insert(earlier);
                      templates.insert(aTemplate().withName("taken").build());
                      return null;
                    }))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("taken");

    assertThat(templates.findById(earlier.id())).isEmpty();
  }

  @Test
  void givenNestedTransactions_outerWorkThrows_rollsBackTheInnerWritesToo() {
    Template outer = aTemplate().build();
    Template inner = aTemplate().build();
    var failure = new IllegalStateException("outer fails");

    assertThatThrownBy(
            () ->
                transactions.inTransaction(
                    () -> {
                      templates.insert(outer);
                      transactions.inTransaction(
                          () -> {
                            templates.insert(inner);
                            return null;
                          });
                      throw failure;
                    }))
        .isSameAs(failure);

    assertThat(templates.findById(outer.id())).isEmpty();
    assertThat(templates.findById(inner.id())).isEmpty();
  }

  @Test
  void givenOpenTransaction_repositoriesInsideIt_seeItsWritesBeforeOtherThreadsDo()
      throws Exception {
    Template template = aTemplate().build();
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      transactions.inTransaction(
          () -> {
            templates.insert(template);
            assertThat(templates.findById(template.id())).contains(template);
            assertThat(templates.list(allTemplates()).totalItemCount()).isEqualTo(1);
            Future<Optional<Template>> seenOutside =
                other.submit(() -> templates.findById(template.id()));
            assertThat(getUnchecked(seenOutside))
                .as("uncommitted write seen by another thread")
                .isEmpty();
            return null;
          });

      assertThat(get(other.submit(() -> templates.findById(template.id())))).contains(template);
    } finally {
      other.shutdownNow();
    }
  }

  @Test
  void givenTemplateReadInTransaction_concurrentDeleteOfIt_neverLeavesAModelWithoutItsTemplate()
      throws Exception {
    Template template = stored(aTemplate());
    Model model = aModel().fromTemplate(template).build();
    var templateRead = new CountDownLatch(1);

    CompletableFuture<Void> create =
        CompletableFuture.runAsync(
            () ->
                transactions.inTransaction(
                    () -> {
                      assertThat(templates.findById(template.id())).isPresent();
                      templateRead.countDown();
                      models.insert(model);
                      return null;
                    }));
    assertThat(templateRead.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Boolean> delete =
        CompletableFuture.supplyAsync(() -> templates.delete(template.id()));

    Optional<Throwable> createFailure = outcome(create);
    Optional<Throwable> deleteFailure = outcome(delete);

    assertThat(createFailure.isPresent() ^ deleteFailure.isPresent())
        .as("exactly one of create %s and delete %s fails", createFailure, deleteFailure)
        .isTrue();
    assertThat(createFailure.or(() -> deleteFailure).get()).isInstanceOf(ConflictException.class);
    if (models.findById(model.id()).isPresent()) {
      assertThat(templates.findById(template.id())).contains(template);
    }
  }

  private static TemplateQuery allTemplates() {
    return new TemplateQuery(
        Caller.trusted(new Actor("auditor", IdentityType.USER), true),
        Optional.empty(),
        PageRequest.first(100));
  }

  private static <T> T get(Future<T> future) throws Exception {
    return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  /** For use inside transaction work, which cannot throw checked exceptions. */
  private static <T> T getUnchecked(Future<T> future) {
    try {
      return get(future);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** What the asynchronous step threw, unwrapped; empty when it succeeded. */
  private static Optional<Throwable> outcome(CompletableFuture<?> future) throws Exception {
    try {
      future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return Optional.empty();
    } catch (ExecutionException e) {
      return Optional.of(e.getCause());
    }
  }
}
