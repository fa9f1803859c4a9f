package org.modelregistry.ports.in.operations;

/** Reads how imports are going, on this node and over all registered versions (for metrics). */
public interface ReadImportStatisticsUseCase {

  /**
   * This node's running imports and what it imported since it started, and every registered version
   * counted by import state (one database query).
   */
  ImportStatistics importStatistics();
}
