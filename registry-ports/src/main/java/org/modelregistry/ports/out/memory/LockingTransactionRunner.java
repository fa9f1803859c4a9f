package org.modelregistry.ports.out.memory;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.modelregistry.ports.out.TransactionRunner;

/**
 * Transactions for the in-memory repositories: one at a time under a lock (a nested one joins the
 * one its thread runs), so a read-modify-write is atomic as in a database. There is no rollback:
 * writes made before the work throws stay, where a database would undo them.
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
