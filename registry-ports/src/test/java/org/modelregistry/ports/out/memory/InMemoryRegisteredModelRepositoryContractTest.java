package org.modelregistry.ports.out.memory;

import java.util.function.Supplier;
import org.modelregistry.ports.out.TransactionRunner;
import org.modelregistry.ports.out.contract.RegisteredModelRepositoryContract;

/**
 * The in-memory fake must behave like the real store, or tests that use it prove nothing. Its calls
 * are atomic one by one; a runner that lets one transaction run at a time makes read-modify-write
 * sequences atomic too (it cannot roll back, which the contract does not ask).
 */
class InMemoryRegisteredModelRepositoryContractTest extends RegisteredModelRepositoryContract {

  @Override
  protected RegisteredModelStore openRepository() {
    return RegisteredModelStore.of(new InMemoryRegisteredModelRepository(), new OneAtATime());
  }

  /** Runs transactions one at a time; a nested one joins the one its thread runs. */
  private static final class OneAtATime implements TransactionRunner {
    @Override
    public synchronized <T> T inTransaction(Supplier<T> work) {
      return work.get();
    }
  }
}
