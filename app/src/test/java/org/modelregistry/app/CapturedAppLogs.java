package org.modelregistry.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/** Every line the registry's own code logs (all levels) while it is open, exceptions included. */
final class CapturedAppLogs implements AutoCloseable {

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Logger ours;
  private final Level previous;
  private final AppenderBase<ILoggingEvent> appender;

  private CapturedAppLogs() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    ours = context.getLogger("org.modelregistry");
    previous = ours.getLevel();
    ours.setLevel(Level.ALL);
    appender =
        new AppenderBase<>() {
          @Override
          protected void append(ILoggingEvent event) {
            var line = new StringBuilder(event.getFormattedMessage());
            for (var thrown = event.getThrowableProxy();
                thrown != null;
                thrown = thrown.getCause()) {
              line.append(' ').append(thrown.getMessage());
            }
            lines.add(line.toString());
          }
        };
    appender.setContext(context);
    appender.start();
    ours.addAppender(appender);
  }

  static CapturedAppLogs start() {
    return new CapturedAppLogs();
  }

  String text() {
    return String.join("\n", lines);
  }

  @Override
  public void close() {
    ours.detachAppender(appender);
    appender.stop();
    ours.setLevel(previous);
  }
}
