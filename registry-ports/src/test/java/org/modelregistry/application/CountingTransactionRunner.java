package org.modelregistry.application;

import java.util.function.Supplier;
import org.modelregistry.ports.out.TransactionRunner;

/** Runs work directly, like {@link TransactionRunner#direct()}, and counts the transactions. */
final class CountingTransactionRunner implements TransactionRunner {

  private final TransactionRunner direct = TransactionRunner.direct();
  private int started;

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    started++;
    return direct.inTransaction(work);
  }

  int started() {
    return started;
  }
}
