package org.modelregistry.app;

import java.util.UUID;
import org.modelregistry.ports.out.IdGenerator;

/** Random UUIDs: unique without coordination, so any number of nodes can create entities. */
final class UuidIdGenerator implements IdGenerator {

  @Override
  public String newId() {
    return UUID.randomUUID().toString();
  }
}
