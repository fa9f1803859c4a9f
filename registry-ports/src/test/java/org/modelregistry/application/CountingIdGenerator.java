package org.modelregistry.application;

import org.modelregistry.ports.out.IdGenerator;

/** Issues predictable ids for service tests: {@code id-1}, {@code id-2}, ... */
final class CountingIdGenerator implements IdGenerator {

  private int issued;

  @Override
  public String newId() {
    issued++;
    return "id-" + issued;
  }

  int issued() {
    return issued;
  }
}
