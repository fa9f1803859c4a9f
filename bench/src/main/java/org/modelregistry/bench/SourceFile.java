package org.modelregistry.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** A generated file of pseudo-random bytes, and the SHA-256 computed while writing it. */
record SourceFile(Path path, long size, String sha256) {

  private static final int CHUNK = 1 << 20;

  /**
   * Writes {@code size} pseudo-random bytes to {@code path} one chunk at a time, so memory use does
   * not grow with the size. The content is the same on every run (fixed seed); it does not
   * compress, so no layer can cheat by compressing it.
   */
  static SourceFile generate(Path path, long size) throws IOException {
    MessageDigest digest = sha256Digest();
    SplittableRandom random = new SplittableRandom(20_240_601L);
    byte[] chunk = new byte[CHUNK];
    ByteBuffer longs = ByteBuffer.wrap(chunk);
    try (OutputStream out = Files.newOutputStream(path)) {
      for (long written = 0; written < size; ) {
        for (int i = 0; i < CHUNK; i += Long.BYTES) {
          longs.putLong(i, random.nextLong());
        }
        int n = (int) Math.min(CHUNK, size - written);
        out.write(chunk, 0, n);
        digest.update(chunk, 0, n);
        written += n;
      }
    }
    return new SourceFile(path, size, HexFormat.of().formatHex(digest.digest()));
  }

  /** Writes a small text file. */
  static SourceFile text(Path path, String content) throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    Files.write(path, bytes);
    return new SourceFile(
        path, bytes.length, HexFormat.of().formatHex(sha256Digest().digest(bytes)));
  }

  private static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }
}
