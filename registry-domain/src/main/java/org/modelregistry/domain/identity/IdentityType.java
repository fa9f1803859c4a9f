package org.modelregistry.domain.identity;

/** Whether an identity is a person or a machine; the wire values are lower-case. */
public enum IdentityType {
  USER("user"),
  SERVICE_ACCOUNT("service_account");

  private final String wireValue;

  IdentityType(String wireValue) {
    this.wireValue = wireValue;
  }

  public String wireValue() {
    return wireValue;
  }

  public static IdentityType fromWire(String value) {
    for (IdentityType t : values()) {
      if (t.wireValue.equals(value)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown identity type: " + value);
  }
}
