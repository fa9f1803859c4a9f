package org.modelregistry.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Command-line entry point: reads the settings, starts the registry, stops it on shutdown. */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  private static String rootMessage(Throwable e) {
    var messages = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !messages.toString().contains(t.getMessage())) {
        messages.append(messages.isEmpty() ? "" : ": ").append(t.getMessage());
      }
    }
    return messages.isEmpty() ? e.getClass().getSimpleName() : messages.toString();
  }

  public static void main(String[] args) {
    if (SettingsLoader.wantsHelp(args)) {
      System.out.print(SettingsLoader.help());
      return;
    }
    RegistrySettings settings;
    try {
      settings = SettingsLoader.load(args, System.getenv());
    } catch (InvalidSettingException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    LogOutput.use(settings.logFormat());
    RegistryApplication application;
    try {
      application = RegistryApplication.start(settings, Main::announce);
    } catch (RuntimeException e) {
      // An operator needs the reason in one line (port taken, data folder not writable), not a
      // stack trace; the trace stays available at debug level.
      LOG.debug("startup failed", e);
      System.err.println("The registry could not start: " + rootMessage(e));
      System.exit(1);
      return;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  // SIGTERM: no new connections, requests in flight finish (up to the grace),
                  // then the imports stop where they are and their claims are given up.
                  LOG.info("Stopping: finishing the requests in flight");
                  application.close();
                  LOG.info("Model registry stopped");
                },
                "registry-shutdown"));
    LOG.info(
        "Model registry listening on http://{}:{} (data in {})",
        settings.host(),
        application.port(),
        settings.dataDir().toAbsolutePath().normalize());
  }

  /** A line for the person who started the registry, on standard output, never in the log. */
  private static void announce(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
