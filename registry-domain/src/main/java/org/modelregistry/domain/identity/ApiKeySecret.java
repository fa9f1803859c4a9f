package org.modelregistry.domain.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secret text of an API key, {@code mr_<prefix>_<secret>}: a public prefix of 8 characters that
 * tells keys apart in listings and finds the stored record, and 32 random bytes (256 bits,
 * base64url without padding). Only its SHA-256 is ever stored: the key is random and long, so a
 * fast hash cannot be guessed back, and a constant-time comparison of hashes leaks nothing. Its
 * {@code toString} hides it.
 */
public final class ApiKeySecret {

  /** The fixed start of every key, so that secret scanners can recognise leaked ones. */
  public static final String MARK = "mr_";

  public static final int PREFIX_LENGTH = 8;
  public static final int SECRET_BYTES = 32;

  /** How many random bytes {@link #fromRandom} takes: one per prefix character, then the secret. */
  public static final int RANDOM_BYTES = PREFIX_LENGTH + SECRET_BYTES;

  /** The length of every key's text. */
  public static final int LENGTH = MARK.length() + PREFIX_LENGTH + 1 + 43;

  // 32 bytes are 43 base64url characters whose last one carries 2 padding bits, always zero in
  // the canonical encoding; requiring it keeps one spelling per key.
  private static final Pattern FORMAT =
      Pattern.compile(
          "mr_([A-Za-z0-9]{" + PREFIX_LENGTH + "})_([A-Za-z0-9_-]{42}[AEIMQUYcgkosw048])");
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9]{" + PREFIX_LENGTH + "}");
  private static final String PREFIX_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final String text;
  private final String prefix;
  private final String hash;

  private ApiKeySecret(String text, String prefix) {
    this.text = text;
    this.prefix = prefix;
    this.hash = sha256(text);
  }

  /**
   * A new key from {@code random} bytes: at least {@value #PREFIX_LENGTH} + {@value #SECRET_BYTES}
   * of them, from a cryptographically strong source (the caller's concern: the domain draws no
   * randomness itself).
   */
  public static ApiKeySecret fromRandom(byte[] random) {
    Objects.requireNonNull(random, "random");
    if (random.length < RANDOM_BYTES) {
      throw new IllegalArgumentException("a key needs " + RANDOM_BYTES + " random bytes");
    }
    // The prefix is public, so the slight bias of reducing a byte modulo 62 costs nothing.
    var prefix = new StringBuilder(PREFIX_LENGTH);
    for (int i = 0; i < PREFIX_LENGTH; i++) {
      prefix.append(PREFIX_ALPHABET.charAt(Math.floorMod(random[i], PREFIX_ALPHABET.length())));
    }
    byte[] secret = Arrays.copyOfRange(random, PREFIX_LENGTH, RANDOM_BYTES);
    String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    return new ApiKeySecret(MARK + prefix + "_" + encoded, prefix.toString());
  }

  /**
   * The key {@code presented} is, if it has a key's shape; empty for anything else (null, other
   * lengths, other characters, a non-canonical ending).
   */
  public static Optional<ApiKeySecret> parse(String presented) {
    // The length is checked first, so an overlong header costs no regular expression work.
    if (presented == null || presented.length() != LENGTH) {
      return Optional.empty();
    }
    var m = FORMAT.matcher(presented);
    return m.matches() ? Optional.of(new ApiKeySecret(presented, m.group(1))) : Optional.empty();
  }

  /** Whether {@code text} has the shape of a key's public prefix. */
  public static boolean isPrefix(String text) {
    return text != null && PREFIX.matcher(text).matches();
  }

  /** The public part that names the key in listings and finds its record. */
  public String prefix() {
    return prefix;
  }

  /** The SHA-256 of the whole key, lower-case hex: what is stored. */
  public String hash() {
    return hash;
  }

  /**
   * Whether this key's hash is {@code storedHash}, compared in constant time (the time depends on
   * the lengths only, and every stored hash has the same length).
   */
  public boolean matches(String storedHash) {
    Objects.requireNonNull(storedHash, "storedHash");
    return MessageDigest.isEqual(
        hash.getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
  }

  /** The key itself: shown once, to the one who asked for it. */
  public String reveal() {
    return text;
  }

  /** The prefix only: the secret never reaches a log through this. */
  @Override
  public String toString() {
    return MARK + prefix + "_****";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ApiKeySecret o
        && MessageDigest.isEqual(
            text.getBytes(StandardCharsets.UTF_8), o.text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return prefix.hashCode();
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
