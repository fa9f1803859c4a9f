package org.modelregistry.ports.out;

/** Issues identifiers for new entities. */
public interface IdGenerator {

  /** A new identifier, unique across the registry, at most 64 characters; never null. */
  String newId();
}
