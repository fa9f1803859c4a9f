package org.modelregistry.bench;

import java.nio.file.Path;

/**
 * Flags of the import benchmark.
 *
 * @param sizeBytes size of the served model file
 * @param workParent folder in which the benchmark creates (and removes) its work folder
 * @param keep whether the work folder survives the run
 * @param maxMinutes how long the import may take before the benchmark gives up
 */
record ImportBenchmarkOptions(long sizeBytes, Path workParent, boolean keep, long maxMinutes) {

  static final String USAGE =
      """
      Usage: java -jar registry-bench.jar import [flags]

        --size-gib N      size of the served file in GiB (default 4)
        --size-mib N      size in MiB instead, for quick runs
        --work-dir DIR    where the temporary work folder goes (default: java.io.tmpdir);
                          needs about 3x the size free (source, stored copy, curl copy)
        --keep            keep the work folder instead of deleting it at the end
        --max-minutes N   give up when the import is not done after N minutes (default 60)
      """;

  private static final long MIB = 1L << 20;

  ImportBenchmarkOptions {
    if (sizeBytes < 1) {
      throw new IllegalArgumentException("The size must be positive");
    }
    if (maxMinutes < 1) {
      throw new IllegalArgumentException("--max-minutes must be positive");
    }
  }

  /**
   * Parses {@code --flag value} arguments.
   *
   * @throws IllegalArgumentException naming the flag that is unknown or malformed
   */
  static ImportBenchmarkOptions parse(String[] args) {
    long size = 4L << 30;
    boolean sizeGiven = false;
    Path workParent = Path.of(System.getProperty("java.io.tmpdir"));
    boolean keep = false;
    long maxMinutes = 60;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      switch (flag) {
        case "--keep" -> keep = true;
        case "--size-gib", "--size-mib" -> {
          if (sizeGiven) {
            throw new IllegalArgumentException("Give only one of --size-gib and --size-mib");
          }
          sizeGiven = true;
          long unit = flag.equals("--size-gib") ? 1024 * MIB : MIB;
          size = Math.multiplyExact(positive(flag, value(args, i++)), unit);
        }
        case "--work-dir" -> workParent = Path.of(value(args, i++));
        case "--max-minutes" -> maxMinutes = positive(flag, value(args, i++));
        default -> throw new IllegalArgumentException("Unknown flag '" + flag + "'");
      }
    }
    return new ImportBenchmarkOptions(size, workParent, keep, maxMinutes);
  }

  private static String value(String[] args, int flagIndex) {
    if (flagIndex + 1 >= args.length) {
      throw new IllegalArgumentException(args[flagIndex] + " needs a value");
    }
    return args[flagIndex + 1];
  }

  private static long positive(String flag, String raw) {
    try {
      long value = Long.parseLong(raw);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(flag + " needs a positive integer, not '" + raw + "'");
  }
}
