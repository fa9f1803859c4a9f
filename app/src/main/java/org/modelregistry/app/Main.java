package org.modelregistry.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Command-line entry point: reads the settings, starts the registry, stops it on shutdown. */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

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
    RegistryApplication application = RegistryApplication.start(settings);
    Runtime.getRuntime().addShutdownHook(new Thread(application::close, "registry-shutdown"));
    LOG.info(
        "Model registry listening on http://{}:{} (data in {})",
        settings.host(),
        application.port(),
        settings.dataDir().toAbsolutePath().normalize());
  }
}
