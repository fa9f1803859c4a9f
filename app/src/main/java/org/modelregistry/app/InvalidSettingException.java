package org.modelregistry.app;

/** A configuration value that cannot be used; the message names the setting. */
public final class InvalidSettingException extends IllegalArgumentException {

  public InvalidSettingException(String message) {
    super(message);
  }
}
