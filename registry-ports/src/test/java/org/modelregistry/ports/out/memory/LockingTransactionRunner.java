package org.modelregistry.ports.out.memory;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.modelregistry.ports.out.TransactionRunner;

/**
 * Transactions for the in-memory fakes: one at a time under a lock, so a read-modify-write is
 * atomic as in a database (there is no rollback: the fakes only see whole writes).
 */
public final class LockingTransactionRunner implements TransactionRunner {

  private final ReentrantLock lock = new ReentrantLock();

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }
}
