package org.modelregistry.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.modelregistry.app.RegistryApplication;
import org.modelregistry.app.SettingsLoader;

/**
 * Import throughput: how fast the registry pulls one large model file from an HTTP source into its
 * store, compared with {@code curl} downloading the same URL to the same disk, and how much heap
 * the registry needed for it. Everything runs on this machine: a local source server, the registry
 * in this JVM (SQLite and the local store in a temporary folder), curl as a child process.
 */
public final class ImportBenchmark {

  private static final double MIB = 1 << 20;
  private static final String NAME = "bench";
  private static final String VERSION = "1";

  private final ImportBenchmarkOptions options;

  private ImportBenchmark(ImportBenchmarkOptions options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.print(ImportBenchmarkOptions.USAGE);
      return;
    }
    ImportBenchmarkOptions options;
    try {
      options = ImportBenchmarkOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(ImportBenchmarkOptions.USAGE);
      System.exit(2);
      return;
    }
    if (!new ImportBenchmark(options).run()) {
      System.exit(1);
    }
  }

  /** Runs the benchmark and prints its report; false when the import failed or did not verify. */
  private boolean run() throws Exception {
    Files.createDirectories(options.workParent());
    Path work = Files.createTempDirectory(options.workParent(), "registry-bench-");
    try {
      return measure(work);
    } finally {
      if (options.keep()) {
        System.out.println("Kept the work folder " + work);
      } else {
        deleteRecursively(work);
      }
    }
  }

  private boolean measure(Path work) throws Exception {
    Path served = Files.createDirectories(work.resolve("source"));
    System.out.printf(
        Locale.ROOT, "Generating %s of pseudo-random data in %s ...%n", size(), served);
    long generating = System.nanoTime();
    SourceFile weights = SourceFile.generate(served.resolve("weights.bin"), options.sizeBytes());
    SourceFile.text(served.resolve("entry.py"), "print('bench')\n");
    SourceFile.text(served.resolve("env.yml"), "name: bench\ndependencies: [python=3.11]\n");
    SourceFile.text(served.resolve("index.md"), "# bench\n\nRandom bytes for the benchmark.\n");
    System.out.printf(Locale.ROOT, "  done in %.1f s%n", seconds(System.nanoTime() - generating));

    try (SourceServer source = SourceServer.start(served)) {
      ImportResult imported = importThroughRegistry(work, source);
      if (imported == null) {
        return false;
      }
      CurlResult curl = downloadWithCurl(work, source.url("weights.bin"));
      boolean verified =
          weights.sha256().equals(imported.sha256()) && weights.size() == imported.storedSize();
      report(weights, imported, curl, verified);
      return verified;
    }
  }

  /** What the registry import measured; null when it failed (reported already). */
  private record ImportResult(long nanos, String sha256, long storedSize, HeapWatch.Usage heap) {}

  /** What curl measured; null when curl is not installed. */
  private record CurlResult(long nanos) {}

  private ImportResult importThroughRegistry(Path work, SourceServer source) throws Exception {
    Path dataDir = Files.createDirectories(work.resolve("registry"));
    String[] flags = {
      "--port",
      "0",
      "--host",
      "127.0.0.1",
      "--data-dir",
      dataDir.toString(),
      "--import-allowed-hosts",
      source.hostAndPort()
    };
    try (RegistryApplication registry =
        RegistryApplication.start(SettingsLoader.load(flags, Map.of()))) {
      RegistryClient client = new RegistryClient(registry.port());
      Map<String, Object> files = new LinkedHashMap<>();
      files.put("weights.bin", source.url("weights.bin"));
      files.put("entry.py", source.url("entry.py"));
      files.put("env.yml", source.url("env.yml"));
      files.put("index.md", source.url("index.md"));
      Map<String, Object> body =
          Map.of(
              "model_config",
              Map.of(
                  "type",
                  "ENCODER",
                  "inference_properties",
                  Map.of("entry_script", "entry.py", "conda_env", "env.yml")),
              "model_files",
              files,
              "model_metainfo",
              metainfo());

      System.out.printf(
          Locale.ROOT, "Registry on port %d importing %s ...%n", registry.port(), size());
      HeapWatch heap = new HeapWatch();
      heap.start();
      long started = System.nanoTime();
      RegistryClient.Answer answer = client.register(NAME, VERSION, body);
      if (answer.status() != 202) {
        System.err.printf(
            Locale.ROOT,
            "FAILED: PUT answered %d instead of 202:%n%s%n",
            answer.status(),
            answer.body());
        return null;
      }
      long deadline = started + TimeUnit.MINUTES.toNanos(options.maxMinutes());
      while (!isOver(answer.state())) {
        if (System.nanoTime() > deadline) {
          System.err.printf(
              Locale.ROOT,
              "FAILED: not imported after %d minutes; last answer:%n%s%n",
              options.maxMinutes(),
              answer.body());
          return null;
        }
        answer = client.awaitImport(NAME, VERSION);
        if (answer.status() != 200) {
          System.err.printf(
              Locale.ROOT, "FAILED: GET answered %d:%n%s%n", answer.status(), answer.body());
          return null;
        }
      }
      long elapsed = System.nanoTime() - started;
      HeapWatch.Usage usage = heap.read();
      if (!"READY".equals(answer.state())) {
        System.err.printf(
            Locale.ROOT, "FAILED: the import ended %s:%n%s%n", answer.state(), answer.body());
        return null;
      }
      var stored = answer.json().path("import").path("files").path("weights.bin");
      return new ImportResult(
          elapsed, stored.path("sha256").asString(""), stored.path("size").asLong(-1), usage);
    }
  }

  /**
   * The metainfo the registry requires besides the description: an index page among the files, what
   * goes in and out, and a parameter count.
   */
  private static Map<String, Object> metainfo() {
    Map<String, Object> metainfo = new LinkedHashMap<>();
    metainfo.put("description", "bench");
    metainfo.put("index_page_file", "index.md");
    metainfo.put("input_types", List.of("OTHER"));
    metainfo.put("input_description", "random bytes");
    metainfo.put("output_types", List.of("OTHER"));
    metainfo.put("output_description", "nothing; the model is never run");
    metainfo.put("num_params", 1);
    return metainfo;
  }

  private static boolean isOver(String state) {
    return "READY".equals(state) || "FAILED".equals(state);
  }

  private CurlResult downloadWithCurl(Path work, String url) throws Exception {
    Path target = work.resolve("curl-weights.bin");
    ProcessBuilder curl =
        new ProcessBuilder("curl", "-s", "-f", "-o", target.toString(), url)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    System.out.printf(Locale.ROOT, "curl downloading %s ...%n", size());
    long started = System.nanoTime();
    Process process;
    try {
      process = curl.start();
    } catch (IOException e) {
      System.out.println("  curl is not installed (" + e.getMessage() + "): no comparison.");
      return null;
    }
    int exit = process.waitFor();
    long elapsed = System.nanoTime() - started;
    if (exit != 0) {
      throw new IOException("curl exited with " + exit + " fetching " + url);
    }
    if (Files.size(target) != options.sizeBytes()) {
      throw new IOException("curl wrote " + Files.size(target) + " bytes, not " + size());
    }
    Files.delete(target);
    return new CurlResult(elapsed);
  }

  private void report(
      SourceFile weights, ImportResult imported, CurlResult curl, boolean verified) {
    long bytes = options.sizeBytes();
    HeapWatch.Usage heap = imported.heap();
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "Import benchmark: %s (%d bytes), %d CPUs, Java %s, max heap %.0f MiB%n",
        size(),
        bytes,
        Runtime.getRuntime().availableProcessors(),
        Runtime.version(),
        heap.maxHeapBytes() / MIB);
    System.out.printf(
        Locale.ROOT,
        "  registry import  %8.2f s  %8.1f MiB/s   (PUT -> READY)%n",
        seconds(imported.nanos()),
        bytes / MIB / seconds(imported.nanos()));
    if (curl == null) {
      System.out.println("  curl             skipped (not installed)");
    } else {
      double curlSeconds = seconds(curl.nanos());
      System.out.printf(
          Locale.ROOT,
          "  curl             %8.2f s  %8.1f MiB/s   (same URL, same disk)%n",
          curlSeconds,
          bytes / MIB / curlSeconds);
      System.out.printf(
          Locale.ROOT,
          "  ratio            registry throughput = %.2f x curl's (import takes %.2f x as long)%n",
          curlSeconds / seconds(imported.nanos()),
          seconds(imported.nanos()) / curlSeconds);
    }
    System.out.printf(
        Locale.ROOT,
        "  peak heap        %8.1f MiB of %.0f MiB max (heap pools' peaks during the import,"
            + " uncollected garbage included; %d GCs, %d ms)%n",
        heap.peakHeapBytes() / MIB,
        heap.maxHeapBytes() / MIB,
        heap.collections(),
        heap.collectionMillis());
    System.out.printf(
        Locale.ROOT,
        "  sha256           %s (generated %s, registry reports %s, %d bytes)%n",
        verified ? "OK" : "MISMATCH",
        weights.sha256(),
        imported.sha256().isEmpty() ? "none" : imported.sha256(),
        imported.storedSize());
  }

  private String size() {
    long bytes = options.sizeBytes();
    return bytes % (1L << 30) == 0
        ? (bytes >> 30) + " GiB"
        : String.format(Locale.ROOT, "%.0f MiB", bytes / MIB);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      all.sorted(Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.delete(path);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
