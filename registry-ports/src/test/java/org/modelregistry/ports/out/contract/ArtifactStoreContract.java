package org.modelregistry.ports.out.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.ports.out.ArtifactStore;
import org.modelregistry.ports.out.StorageException;
import org.modelregistry.ports.out.StoredArtifact;

/**
 * The behaviour every {@link ArtifactStore} shares; extend it once per implementation and return a
 * fresh, empty store from {@link #openStore()}. Large contents are generated on the fly, so the
 * suite itself never holds a whole multi-MiB file in memory. "Path order" is the natural order of
 * the paths' string values.
 */
public abstract class ArtifactStoreContract {

  /** How long any concurrent step may take before the test fails instead of hanging. */
  protected static final long TIMEOUT_SECONDS = 60;

  protected static final int MIB = 1024 * 1024;

  /**
   * A "large" file: above the 5 MiB minimum part of S3 multipart uploads (so that stores with
   * multipart uploads and a small part size use several parts) and not a multiple of any buffer.
   */
  protected static final long BIG = 9L * MIB + 7;

  /** The SHA-256 of no bytes at all. */
  protected static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private static final Comparator<String> PATH_ORDER = Comparator.naturalOrder();

  protected ArtifactStore store;

  /** A fresh, empty store for one test; it is closed after the test when it is closeable. */
  protected abstract ArtifactStore openStore() throws Exception;

  /**
   * Whether a stat taken while other threads replace the file always reports one version's size and
   * digest together. Every real store does; a test server may not (see the S3 contract test).
   */
  protected boolean statsAreAtomicUnderConcurrentWrites() {
    return true;
  }

  /**
   * Whatever the store keeps besides stored files that a failed or finished write could have left
   * behind (temporary uploads, partial files), by name. Implementations with such an area override
   * this, so that the suite can check it is empty after every write; the default sees nothing.
   */
  protected List<String> leftovers() throws Exception {
    return List.of();
  }

  @BeforeEach
  protected final void openFreshStore() throws Exception {
    store = openStore();
  }

  @AfterEach
  protected final void closeStore() throws Exception {
    if (store instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  // ---- round trip --------------------------------------------------------------------------

  @Test
  void givenSmallContent_writeThenRead_returnsTheSameBytes() throws Exception {
    byte[] content = "weights: 0.1, 0.2, 0.3\n".getBytes(StandardCharsets.UTF_8);
    FilePath path = path("model/config.yaml");

    StoredArtifact written = store.write(path, new ByteArrayInputStream(content), content.length);

    assertThat(written).isEqualTo(new StoredArtifact(path, content.length, sha256(content)));
    assertThat(readAll(path)).isEqualTo(content);
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void givenSmallContentOfUnknownSize_write_returnsItsSizeAndDigest() throws Exception {
    byte[] content = pseudoRandomBytes(4099, 1);
    FilePath path = path("model/unknown-size.bin");

    StoredArtifact written = store.write(path, new ByteArrayInputStream(content), -1);

    assertThat(written).isEqualTo(new StoredArtifact(path, content.length, sha256(content)));
    assertThat(store.stat(path)).contains(written);
    assertThat(readAll(path)).isEqualTo(content);
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1})
  void givenEmptyContent_writeThenRead_storesAnEmptyFile(long expectedSize) throws Exception {
    FilePath path = path("empty/file");

    StoredArtifact written = store.write(path, InputStream.nullInputStream(), expectedSize);

    assertThat(written).isEqualTo(new StoredArtifact(path, 0, EMPTY_SHA256));
    assertThat(store.stat(path)).contains(written);
    assertThat(readAll(path)).isEmpty();
    assertThat(store.list(path("empty"))).containsExactly(written);
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void givenMultiMebibyteStream_writeThenRead_returnsTheSameBytes(boolean sizeKnown)
      throws Exception {
    FilePath path = path("big/weights.safetensors");

    StoredArtifact written =
        store.write(path, new PseudoRandomStream(BIG, 42), sizeKnown ? BIG : -1);

    var expected = new StoredArtifact(path, BIG, sha256(new PseudoRandomStream(BIG, 42)));
    assertThat(written).isEqualTo(expected);
    assertThat(store.stat(path)).contains(expected);
    try (InputStream read = store.read(path, 0, -1).orElseThrow()) {
      assertSameBytes(read, new PseudoRandomStream(BIG, 42));
    }
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void givenAStream_write_readsItToTheEndButDoesNotCloseIt() {
    var content = new TrackingStream(new PseudoRandomStream(1000, 3));

    store.write(path("tracked"), content, -1);

    assertThat(content.reachedEnd).as("read to its end").isTrue();
    assertThat(content.closed).as("closed").isFalse();
  }

  @Test
  void givenStoredFile_stat_returnsWhatWriteReturned() {
    byte[] content = pseudoRandomBytes(777, 5);
    FilePath path = path("stat/me.bin");
    StoredArtifact written = store.write(path, new ByteArrayInputStream(content), 777);

    Optional<StoredArtifact> stat = store.stat(path);

    assertThat(stat).contains(written);
    assertThat(stat.get().size()).isEqualTo(777);
    assertThat(stat.get().sha256()).isEqualTo(sha256(content));
  }

  // ---- size mismatch -----------------------------------------------------------------------

  static Stream<Arguments> lengthsOtherThanExpected() {
    return Stream.of(
        Arguments.of(100L, 101L),
        Arguments.of(100L, 99L),
        Arguments.of(0L, 1L),
        Arguments.of(1L, 0L),
        Arguments.of(BIG, BIG + 1),
        Arguments.of(BIG, BIG - 1),
        Arguments.of(BIG, 100L));
  }

  @ParameterizedTest
  @MethodSource("lengthsOtherThanExpected")
  void givenStreamOfAnotherLengthThanExpected_write_failsAndStoresNothing(
      long actual, long expected) throws Exception {
    FilePath path = path("mismatch/file.bin");

    assertThatThrownBy(() -> store.write(path, new PseudoRandomStream(actual, 7), expected))
        .isInstanceOf(StorageException.class);

    assertThat(store.stat(path)).isEmpty();
    assertThat(store.read(path, 0, -1)).isEmpty();
    assertThat(store.list(path("mismatch"))).isEmpty();
    assertThat(leftovers()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("lengthsOtherThanExpected")
  void givenStoredFile_writeOfAnotherLengthThanExpected_keepsThePreviousContent(
      long actual, long expected) throws Exception {
    FilePath path = path("mismatch/kept.bin");
    byte[] previous = pseudoRandomBytes(300, 11);
    StoredArtifact before = store.write(path, new ByteArrayInputStream(previous), -1);

    assertThatThrownBy(() -> store.write(path, new PseudoRandomStream(actual, 7), expected))
        .isInstanceOf(StorageException.class);

    assertThat(store.stat(path)).contains(before);
    assertThat(readAll(path)).isEqualTo(previous);
    assertThat(store.list(path("mismatch"))).containsExactly(before);
    assertThat(leftovers()).isEmpty();
  }

  // ---- overwrite ---------------------------------------------------------------------------

  @Test
  void givenStoredFile_writeAgain_replacesTheContent() throws Exception {
    FilePath path = path("over/write.bin");
    store.write(path, new PseudoRandomStream(5000, 1), 5000);
    byte[] shorter = pseudoRandomBytes(1234, 2);

    StoredArtifact second = store.write(path, new ByteArrayInputStream(shorter), shorter.length);

    assertThat(second).isEqualTo(new StoredArtifact(path, 1234, sha256(shorter)));
    assertThat(store.stat(path)).contains(second);
    assertThat(readAll(path)).as("no stale tail of the longer first version").isEqualTo(shorter);
    assertThat(store.list(path("over"))).containsExactly(second);
  }

  // ---- ranges ------------------------------------------------------------------------------

  @ParameterizedTest(name = "offset {0}, length {1} -> bytes [{2}, {3})")
  @CsvSource({
    "0, 10, 0, 10",
    "400, 100, 400, 500",
    "900, -1, 900, 1000",
    "0, -1, 0, 1000",
    "990, 100, 990, 1000",
    "999, 1, 999, 1000",
    "500, 0, 500, 500",
    "1000, -1, 1000, 1000",
    "1000, 5, 1000, 1000",
    "0, 9223372036854775807, 0, 1000",
    "5, 9223372036854775807, 5, 1000"
  })
  void givenStoredFile_readRange_returnsExactlyTheBytesOfThatRange(
      long offset, long length, int from, int to) throws Exception {
    byte[] content = pseudoRandomBytes(1000, 9);
    FilePath path = path("range/file.bin");
    store.write(path, new ByteArrayInputStream(content), content.length);

    byte[] read;
    try (InputStream in = store.read(path, offset, length).orElseThrow()) {
      read = in.readAllBytes();
    }

    assertThat(read).isEqualTo(Arrays.copyOfRange(content, from, to));
  }

  @ParameterizedTest
  @ValueSource(longs = {1001, 5000, Long.MAX_VALUE, -1, Long.MIN_VALUE})
  void givenStoredFile_readAtAnOffsetOutsideTheFile_throwsIllegalArgument(long offset) {
    FilePath path = path("range/outside.bin");
    store.write(path, new PseudoRandomStream(1000, 9), 1000);

    assertThatThrownBy(() -> store.read(path, offset, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenStoredFile_readWithANegativeLengthOtherThanMinusOne_throwsIllegalArgument() {
    FilePath path = path("range/length.bin");
    store.write(path, new PseudoRandomStream(10, 9), 10);

    assertThatThrownBy(() -> store.read(path, 0, -2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenEmptyFile_readFromTheStart_returnsAnEmptyStream() throws Exception {
    FilePath path = path("range/empty");
    store.write(path, InputStream.nullInputStream(), 0);

    try (InputStream in = store.read(path, 0, 10).orElseThrow()) {
      assertThat(in.readAllBytes()).isEmpty();
    }
    assertThatThrownBy(() -> store.read(path, 1, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenMultiMebibyteFile_readRangesAcrossMebibyteBoundaries_returnsThoseBytes()
      throws Exception {
    FilePath path = path("range/big.bin");
    store.write(path, new PseudoRandomStream(BIG, 8), BIG);
    long[][] ranges = {{5L * MIB - 10, 20}, {3L * MIB + 1, 5L * MIB}, {BIG - 3, -1}};

    for (long[] range : ranges) {
      long offset = range[0];
      long length = range[1];
      long expectedLength = length < 0 ? BIG - offset : length;
      var expected = new PseudoRandomStream(BIG, 8);
      expected.skipNBytes(offset);
      try (InputStream in = store.read(path, offset, length).orElseThrow()) {
        assertSameBytes(in, new LimitedStream(expected, expectedLength));
      }
    }
  }

  // ---- missing files -----------------------------------------------------------------------

  @Test
  void givenNothingStored_readStatAndDelete_reportNothing() {
    FilePath path = path("missing/file.bin");

    assertThat(store.read(path, 0, -1)).isEmpty();
    assertThat(store.read(path, 10, 5)).as("no range check without a file").isEmpty();
    assertThat(store.stat(path)).isEmpty();
    assertThat(store.delete(path)).isFalse();
  }

  @Test
  void givenNothingStored_listAndDeleteAll_findNothing() {
    assertThat(store.list(path("missing"))).isEmpty();
    assertThat(store.deleteAll(path("missing"))).isZero();
  }

  @Test
  void givenDeletedFile_readAndStatAndDeleteAgain_reportNothing() {
    FilePath path = path("deleted/file.bin");
    store.write(path, new PseudoRandomStream(10, 1), 10);

    assertThat(store.delete(path)).isTrue();

    assertThat(store.read(path, 0, -1)).isEmpty();
    assertThat(store.stat(path)).isEmpty();
    assertThat(store.delete(path)).isFalse();
    assertThat(store.list(path("deleted"))).isEmpty();
  }

  @Test
  void givenTwoFiles_deleteOne_keepsTheOther() throws Exception {
    byte[] kept = pseudoRandomBytes(20, 2);
    StoredArtifact other = store.write(path("two/kept"), new ByteArrayInputStream(kept), 20);
    store.write(path("two/gone"), new PseudoRandomStream(10, 1), 10);

    assertThat(store.delete(path("two/gone"))).isTrue();

    assertThat(store.list(path("two"))).containsExactly(other);
    assertThat(readAll(path("two/kept"))).isEqualTo(kept);
  }

  // ---- list and deleteAll ------------------------------------------------------------------

  @Test
  void givenFilesInAFolderAndSiblingsWithTheSamePrefix_list_returnsOnlyTheFolderFiles() {
    Map<String, StoredArtifact> written =
        writeAll(
            "a/b/1",
            "a/b/sub/2",
            "a/b/sub/deeper/still/3",
            "a/bc/x",
            "a/b-c",
            "a/b.txt",
            "ab/x",
            "a/x",
            "b/1");

    List<StoredArtifact> listed = store.list(path("a/b"));

    assertThat(listed)
        .containsExactly(
            written.get("a/b/1"), written.get("a/b/sub/2"), written.get("a/b/sub/deeper/still/3"));
  }

  @Test
  void givenFilesWrittenOutOfOrder_list_returnsThemInPathOrder() {
    List<String> names =
        List.of("m/z", "m/a", "m/B", "m/a b", "m/é", "m/ab/c", "m/10", "m/9", "m/_", "m/a-b");
    Map<String, StoredArtifact> written = writeAll(names.toArray(String[]::new));

    List<StoredArtifact> listed = store.list(path("m"));

    assertThat(listed)
        .extracting(a -> a.path().value())
        .containsExactlyElementsOf(names.stream().sorted(PATH_ORDER).toList());
    assertThat(listed).containsExactlyInAnyOrderElementsOf(written.values());
  }

  @Test
  void givenAFile_listWithItsPathAsTheFolder_returnsNothing() {
    writeAll("f/file");

    assertThat(store.list(path("f/file"))).isEmpty();
    assertThat(store.deleteAll(path("f/file"))).isZero();
    assertThat(store.stat(path("f/file"))).isPresent();
  }

  @Test
  void givenFilesInAFolderAndSiblingsWithTheSamePrefix_deleteAll_deletesOnlyTheFolderFiles()
      throws Exception {
    Map<String, StoredArtifact> written =
        writeAll("a/b/1", "a/b/sub/2", "a/bc/x", "a/b-c", "a/b.txt", "ab/x", "a/x");

    int deleted = store.deleteAll(path("a/b"));

    assertThat(deleted).isEqualTo(2);
    assertThat(store.list(path("a/b"))).isEmpty();
    assertThat(store.stat(path("a/b/1"))).isEmpty();
    assertThat(store.stat(path("a/b/sub/2"))).isEmpty();
    assertThat(store.list(path("a")))
        .containsExactly(
            written.get("a/b-c"),
            written.get("a/b.txt"),
            written.get("a/bc/x"),
            written.get("a/x"));
    assertThat(store.list(path("ab"))).containsExactly(written.get("ab/x"));
    assertThat(readAll(path("a/bc/x"))).hasSize((int) written.get("a/bc/x").size());
  }

  @Test
  void givenFolderEmptiedByDeleteAll_writeAFileAtTheFolderPath_succeeds() throws Exception {
    writeAll("x/y/1", "x/y/z/2");
    store.deleteAll(path("x/y"));
    byte[] content = pseudoRandomBytes(64, 4);

    StoredArtifact file = store.write(path("x/y"), new ByteArrayInputStream(content), 64);

    assertThat(store.stat(path("x/y"))).contains(file);
    assertThat(readAll(path("x/y"))).isEqualTo(content);
    assertThat(store.list(path("x"))).containsExactly(file);
  }

  @Test
  void givenFolderEmptiedByDelete_writeAFileAtTheFolderPath_succeeds() {
    writeAll("p/q/r/only");
    store.delete(path("p/q/r/only"));

    StoredArtifact file = store.write(path("p/q"), new PseudoRandomStream(8, 1), 8);

    assertThat(store.list(path("p"))).containsExactly(file);
  }

  // ---- path shapes -------------------------------------------------------------------------

  @Test
  void givenPathsWithUnicodeAndSpaces_writeReadListAndDelete_roundTrip() throws Exception {
    List<String> names =
        List.of(
            "données/modèle final.bin",
            "données/日本語/ファイル 1.txt",
            "données/emoji 😀/smile.txt",
            "données/ spaced  out /x",
            "données/percent%20and+plus&amp=?#");
    Map<String, StoredArtifact> written = writeAll(names.toArray(String[]::new));

    for (String name : names) {
      assertThat(store.stat(path(name))).contains(written.get(name));
      assertThat(readAll(path(name))).hasSize((int) written.get(name).size());
    }
    assertThat(store.list(path("données")))
        .extracting(a -> a.path().value())
        .containsExactlyElementsOf(names.stream().sorted(PATH_ORDER).toList());
    assertThat(store.list(path("données/日本語"))).containsExactly(written.get(names.get(1)));
    assertThat(store.delete(path("données/emoji 😀/smile.txt"))).isTrue();
    assertThat(store.deleteAll(path("données"))).isEqualTo(names.size() - 1);
  }

  @Test
  void givenPathsThatLookLikeInternalNames_writeAndList_treatThemAsOrdinaryFiles()
      throws Exception {
    String[] names = {
      ".tmp/x", ".uploads/x", "incoming/x", "files/x", ".meta/x", "tmp/x.part", "x.sha256"
    };
    Map<String, StoredArtifact> written = writeAll(names);

    for (String name : names) {
      assertThat(store.stat(path(name))).contains(written.get(name));
      String folder = name.contains("/") ? name.substring(0, name.indexOf('/')) : null;
      if (folder != null) {
        assertThat(store.list(path(folder))).containsExactly(written.get(name));
      }
    }
    assertThat(store.deleteAll(path(".tmp"))).isEqualTo(1);
    assertThat(store.stat(path(".uploads/x"))).contains(written.get(".uploads/x"));
    assertThat(leftovers()).isEmpty();
  }

  // ---- concurrency -------------------------------------------------------------------------

  @Test
  void givenConcurrentWritersOfOnePath_readAndStatMeanwhile_seeOnlyCompleteVersions()
      throws Exception {
    FilePath path = path("race/model.bin");
    int writers = 3;
    int writesEach = 4;
    Map<String, Long> versions = new HashMap<>();
    Map<String, Long> tails = new HashMap<>();
    for (int seed = 0; seed <= writers; seed++) {
      long size = versionSize(seed);
      versions.put(sha256(new PseudoRandomStream(size, seed)), size);
      var tail = new PseudoRandomStream(size, seed);
      tail.skipNBytes(1);
      tails.put(sha256(tail), size - 1);
    }
    store.write(path, new PseudoRandomStream(versionSize(writers), writers), -1);

    var start = new CyclicBarrier(writers + 1);
    var finished = new CountDownLatch(writers);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    var observed = new HashSet<String>();
    int reads = 0;
    try {
      var futures = new ArrayList<Future<?>>();
      for (int w = 0; w < writers; w++) {
        int seed = w;
        futures.add(
            pool.submit(
                () -> {
                  try {
                    start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    for (int i = 0; i < writesEach; i++) {
                      long size = versionSize(seed);
                      store.write(path, new PseudoRandomStream(size, seed), i % 2 == 0 ? size : -1);
                    }
                  } finally {
                    finished.countDown();
                  }
                  return null;
                }));
      }
      start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      // Reads until every writer is done, plus once after: never a partial or mixed file, and a
      // range always comes from one version.
      boolean writing;
      do {
        writing = finished.getCount() > 0;
        StoredArtifact stat = store.stat(path).orElseThrow();
        if (statsAreAtomicUnderConcurrentWrites()) {
          assertThat(versions).as("stat while writing").containsEntry(stat.sha256(), stat.size());
        }
        try (InputStream in = store.read(path, 0, -1).orElseThrow()) {
          var counted = new CountingDigest(in);
          assertThat(versions)
              .as("content read while writing")
              .containsEntry(counted.sha256(), counted.count());
          observed.add(counted.sha256());
        }
        try (InputStream in = store.read(path, 1, -1).orElseThrow()) {
          var counted = new CountingDigest(in);
          assertThat(tails)
              .as("range read while writing")
              .containsEntry(counted.sha256(), counted.count());
        }
        reads++;
      } while (writing);
      for (var future : futures) {
        future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(reads).isPositive();
    assertThat(versions).containsKeys(observed.toArray(String[]::new));
    StoredArtifact last = store.stat(path).orElseThrow();
    assertThat(last.sha256())
        .as("one of the writers' versions won")
        .isNotEqualTo(sha256(new PseudoRandomStream(versionSize(writers), writers)));
    assertThat(store.list(path("race"))).containsExactly(last);
    assertThat(leftovers()).isEmpty();
  }

  /** Sizes of the racing versions differ, so that a torn file would show in its length too. */
  private static long versionSize(int seed) {
    return 192 * 1024 + seed * 4099L;
  }

  @Test
  void givenConcurrentWritersOfDifferentPathsInOneFolder_write_storesEveryFile() throws Exception {
    int writers = 6;
    var start = new CyclicBarrier(writers);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    var expected = new ArrayList<StoredArtifact>();
    try {
      var futures = new ArrayList<Future<StoredArtifact>>();
      for (int w = 0; w < writers; w++) {
        int seed = w;
        futures.add(
            pool.submit(
                () -> {
                  start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                  return store.write(
                      path("many/sub" + seed + "/file"), new PseudoRandomStream(5000, seed), -1);
                }));
      }
      for (var future : futures) {
        expected.add(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(store.list(path("many"))).containsExactlyElementsOf(expected);
    for (StoredArtifact artifact : expected) {
      assertThat(artifact.sha256()).isEqualTo(sha256(store.read(artifact.path(), 0, -1).get()));
    }
  }

  // ---- failing streams ---------------------------------------------------------------------

  static Stream<Arguments> failingStreams() {
    return Stream.of(
        Arguments.of(0L, 100L, 100L),
        Arguments.of(50L, 100L, 100L),
        Arguments.of(50L, 100L, -1L),
        Arguments.of(6L * MIB + 1, BIG, BIG),
        Arguments.of(6L * MIB + 1, BIG, -1L));
  }

  @ParameterizedTest(name = "fails after {0} of {1} bytes, expected size {2}")
  @MethodSource("failingStreams")
  void givenStreamThatFailsMidway_write_throwsStorageExceptionAndLeavesNothing(
      long failAfter, long size, long expectedSize) throws Exception {
    FilePath path = path("failing/file.bin");
    var failure = new IOException("simulated read failure");

    assertThatThrownBy(
            () ->
                store.write(
                    path,
                    new FailingStream(new PseudoRandomStream(size, 1), failAfter, failure),
                    expectedSize))
        .isInstanceOf(StorageException.class)
        .satisfies(e -> assertThat(causes(e)).as("causes").contains(failure));

    assertThat(store.stat(path)).isEmpty();
    assertThat(store.read(path, 0, -1)).isEmpty();
    assertThat(store.list(path("failing"))).isEmpty();
    assertThat(leftovers()).isEmpty();
  }

  @ParameterizedTest(name = "fails after {0} of {1} bytes, expected size {2}")
  @MethodSource("failingStreams")
  void givenStoredFile_writeOfAStreamThatFailsMidway_keepsThePreviousContent(
      long failAfter, long size, long expectedSize) throws Exception {
    FilePath path = path("failing/kept.bin");
    byte[] previous = pseudoRandomBytes(321, 6);
    StoredArtifact before = store.write(path, new ByteArrayInputStream(previous), -1);

    assertThatThrownBy(
            () ->
                store.write(
                    path,
                    new FailingStream(
                        new PseudoRandomStream(size, 1), failAfter, new IOException("boom")),
                    expectedSize))
        .isInstanceOf(StorageException.class);

    assertThat(store.stat(path)).contains(before);
    assertThat(readAll(path)).isEqualTo(previous);
    assertThat(store.list(path("failing"))).containsExactly(before);
    assertThat(leftovers()).isEmpty();
  }

  // ---- helpers -----------------------------------------------------------------------------

  protected static FilePath path(String value) {
    return new FilePath(value);
  }

  /** Writes a small, distinct content at each path and returns what was stored, by path. */
  protected Map<String, StoredArtifact> writeAll(String... paths) {
    var written = new HashMap<String, StoredArtifact>();
    for (int i = 0; i < paths.length; i++) {
      byte[] content = pseudoRandomBytes(10 + i * 7, i);
      written.put(
          paths[i], store.write(path(paths[i]), new ByteArrayInputStream(content), content.length));
    }
    return written;
  }

  /** The whole content at {@code path}, which must be small. */
  protected byte[] readAll(FilePath path) throws IOException {
    try (InputStream in = store.read(path, 0, -1).orElseThrow()) {
      return in.readAllBytes();
    }
  }

  protected static byte[] pseudoRandomBytes(int size, long seed) {
    try {
      return new PseudoRandomStream(size, seed).readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  protected static String sha256(byte[] content) {
    return sha256(new ByteArrayInputStream(content));
  }

  /** The SHA-256 of everything {@code in} yields, computed here independently of any store. */
  protected static String sha256(InputStream in) {
    try (in) {
      return new CountingDigest(in).sha256();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Compares two streams chunk by chunk, naming the first offset where they differ. */
  protected static void assertSameBytes(InputStream actual, InputStream expected)
      throws IOException {
    byte[] a = new byte[64 * 1024];
    byte[] e = new byte[64 * 1024];
    long offset = 0;
    while (true) {
      int n = expected.readNBytes(e, 0, e.length);
      int m = actual.readNBytes(a, 0, n == 0 ? 1 : n);
      if (n == 0) {
        assertThat(m).as("bytes after the expected end at offset %d", offset).isZero();
        return;
      }
      assertThat(m).as("bytes read at offset %d", offset).isEqualTo(n);
      int mismatch = Arrays.mismatch(a, 0, n, e, 0, n);
      assertThat(mismatch).as("first differing byte after offset %d", offset).isEqualTo(-1);
      offset += n;
    }
  }

  private static List<Throwable> causes(Throwable e) {
    var chain = new ArrayList<Throwable>();
    for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
      chain.addAll(Arrays.asList(t.getSuppressed()));
    }
    return chain;
  }

  /**
   * A deterministic pseudo-random stream of a given length, generated on the fly (xorshift64*), so
   * that a multi-MiB content needs no memory and can be generated again to compare.
   */
  protected static final class PseudoRandomStream extends InputStream {
    private final long size;
    private long position;
    private long state;

    public PseudoRandomStream(long size, long seed) {
      this.size = size;
      this.state = seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
      if (state == 0) {
        state = 1;
      }
    }

    @Override
    public int read() {
      if (position >= size) {
        return -1;
      }
      return next();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (position >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - position);
      for (int i = 0; i < n; i++) {
        b[off + i] = (byte) next();
      }
      return n;
    }

    private int next() {
      state ^= state >>> 12;
      state ^= state << 25;
      state ^= state >>> 27;
      position++;
      return (int) ((state * 0x2545F4914F6CDD1DL) >>> 56);
    }
  }

  /** Yields the first {@code failAfter} bytes of a stream, then throws {@code failure}. */
  protected static final class FailingStream extends InputStream {
    private final InputStream in;
    private final IOException failure;
    private long left;

    public FailingStream(InputStream in, long failAfter, IOException failure) {
      this.in = in;
      this.left = failAfter;
      this.failure = failure;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (left == 0) {
        throw failure;
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
  }

  /** At most {@code limit} bytes of another stream. */
  protected static final class LimitedStream extends InputStream {
    private final InputStream in;
    private long left;

    public LimitedStream(InputStream in, long limit) {
      this.in = in;
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (left == 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
  }

  /** Records whether a stream was read to its end and whether anyone closed it. */
  private static final class TrackingStream extends InputStream {
    private final InputStream in;
    boolean reachedEnd;
    boolean closed;

    TrackingStream(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      reachedEnd |= b < 0;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      reachedEnd |= n < 0;
      return n;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  /** Reads a stream to its end, counting its bytes and computing its SHA-256. */
  private static final class CountingDigest {
    private final long count;
    private final String sha256;

    CountingDigest(InputStream in) throws IOException {
      MessageDigest digest;
      try {
        digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      for (int n; (n = in.read(buffer)) >= 0; ) {
        digest.update(buffer, 0, n);
        total += n;
      }
      this.count = total;
      this.sha256 = HexFormat.of().formatHex(digest.digest());
    }

    long count() {
      return count;
    }

    String sha256() {
      return sha256;
    }
  }
}
