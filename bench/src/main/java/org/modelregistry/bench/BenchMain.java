package org.modelregistry.bench;

import java.util.Arrays;

/** Entry point of the benchmark jar: {@code java -jar registry-bench.jar <benchmark> [flags]}. */
public final class BenchMain {

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      System.out.println(
          """
          Usage: java -jar registry-bench.jar <benchmark> [flags]

            import   import throughput of one large model file   (import --help)
            list     list and get latency with many models       (list --help)""");
      return;
    }
    if (!appOnClasspath()) {
      System.err.println(
          "The registry is not on the classpath: this jar expects app/target/model-registry.jar"
              + " next to bench/target/. Build both first: ./mvnw -q -DskipTests package");
      System.exit(2);
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case "import" -> ImportBenchmark.main(rest);
      case "list" -> ListLatencyBenchmark.main(rest);
      default -> {
        System.err.println("Unknown benchmark '" + args[0] + "'; known: import, list");
        System.exit(2);
      }
    }
  }

  private static boolean appOnClasspath() {
    try {
      Class.forName(
          "org.modelregistry.app.RegistryApplication", false, BenchMain.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
