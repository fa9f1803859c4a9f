package org.modelregistry.ports.out;

import java.util.function.Supplier;

/**
 * Runs work atomically against the stores: everything it writes commits together, or, when it
 * throws, nothing does. The exception propagates unchanged.
 */
public interface TransactionRunner {

  <T> T inTransaction(Supplier<T> work);

  /** A runner for stores that are atomic per call already (in-memory fakes, tests). */
  static TransactionRunner direct() {
    return Supplier::get;
  }
}
