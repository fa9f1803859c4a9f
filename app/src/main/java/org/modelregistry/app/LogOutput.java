package org.modelregistry.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;

/**
 * Switches the log on standard output between the readable lines of {@code logback.xml} and JSON
 * lines (Logback's own encoder: time, level, thread, logger, the formatted message, the request id
 * in {@code mdc}, the access line's fields in {@code kvpList}, and any exception).
 */
final class LogOutput {

  static final String CONSOLE = "CONSOLE";

  private LogOutput() {}

  /** Writes every later line in {@code format}; does nothing when Logback is not the backend. */
  static void use(RegistrySettings.LogFormat format) {
    if (format == RegistrySettings.LogFormat.TEXT
        || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    JsonEncoder encoder = new JsonEncoder();
    encoder.setContext(context);
    // The message once, already formatted: its template and arguments again would double it.
    encoder.setWithMessage(false);
    encoder.setWithArguments(false);
    encoder.setWithFormattedMessage(true);
    encoder.setWithSequenceNumber(false);
    encoder.setWithNanoseconds(false);
    encoder.setWithContext(false);
    encoder.start();

    ConsoleAppender<ILoggingEvent> json = new ConsoleAppender<>();
    json.setContext(context);
    json.setName(CONSOLE);
    json.setEncoder(encoder);
    json.start();

    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Appender<ILoggingEvent> text = root.getAppender(CONSOLE);
    root.addAppender(json);
    if (text != null && text != json) {
      root.detachAppender(text);
      text.stop();
    }
  }
}
