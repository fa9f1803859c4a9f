package org.modelregistry.adapter.http;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.slf4j.LoggerFactory;

/**
 * Every log line written while it is open, through SLF4J (the adapter) and through {@code
 * java.util.logging} (where the services' {@code System.Logger} writes by default), with the text
 * of any exception logged with it.
 */
final class CapturedLogs implements AutoCloseable {

  private static final String OURS = "org.modelregistry";

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Logger root;
  private final AppenderBase<ILoggingEvent> appender;
  private final Logger ours;
  private final ch.qos.logback.classic.Level previousLevel;
  private final java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
  private final java.util.logging.Logger julOurs = java.util.logging.Logger.getLogger(OURS);
  private final Level previousJulLevel = julOurs.getLevel();
  private final Handler handler;

  CapturedLogs() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    // Every level of the registry's own code; the libraries' at their configured level.
    ours = context.getLogger(OURS);
    previousLevel = ours.getLevel();
    ours.setLevel(ch.qos.logback.classic.Level.ALL);
    julOurs.setLevel(Level.ALL);
    appender =
        new AppenderBase<>() {
          @Override
          protected void append(ILoggingEvent event) {
            String thrown =
                event.getThrowableProxy() == null
                    ? ""
                    : ThrowableProxyUtil.asString(event.getThrowableProxy());
            lines.add(event.getFormattedMessage() + " " + thrown);
          }
        };
    appender.setContext(context);
    appender.start();
    root.addAppender(appender);
    handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            String thrown = record.getThrown() == null ? "" : String.valueOf(record.getThrown());
            lines.add(record.getMessage() + " " + thrown);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    handler.setLevel(Level.ALL);
    julRoot.addHandler(handler);
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    ours.setLevel(previousLevel);
    julOurs.setLevel(previousJulLevel);
    appender.stop();
    julRoot.removeHandler(handler);
  }
}
