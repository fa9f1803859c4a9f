package org.modelregistry.domain.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.modelregistry.domain.document.DocumentNumbers;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.error.Violations;

/**
 * The validated header of one safetensors file: its tensors (name, dtype, shape, byte range) and
 * its free-form {@code __metadata__}, checked against the format's rules so that a corrupt or
 * hostile file is rejected with violations and never makes anyone read beyond the file.
 *
 * <p>A safetensors file is an 8-byte little-endian header length {@code N}, {@code N} bytes of JSON
 * header, then the data buffer. Adapters call {@link #checkHeaderLength} with {@code N} and the
 * file size <em>before</em> reading the header bytes, parse those bytes as JSON into a document
 * (numbers as {@link DocumentNumbers} defines them), then call {@link #of}.
 *
 * <p>Violation paths: {@code header_length} for the length itself; otherwise the tensor's name (the
 * header's key) followed by the offending field ({@code dtype}, {@code shape}, {@code
 * data_offsets}), or {@code __metadata__}.
 */
public final class SafetensorsHeader {

  /** The largest header the format allows (as the reference implementation does): 100 MiB. */
  public static final long MAX_HEADER_LENGTH = 100L * 1024 * 1024;

  /** Highest tensor rank accepted. */
  public static final int MAX_RANK = 8;

  /** The size of the length prefix in front of the header. */
  public static final int PREFIX_LENGTH = 8;

  static final String METADATA_KEY = "__metadata__";
  static final String LENGTH_PATH = "header_length";

  private final long headerLength;
  private final long fileSize;
  private final List<TensorInfo> tensors;
  private final Map<String, String> metadata;
  private final long parameterCount;

  private SafetensorsHeader(
      long headerLength, long fileSize, List<TensorInfo> tensors, Map<String, String> metadata) {
    this.headerLength = headerLength;
    this.fileSize = fileSize;
    this.tensors = List.copyOf(tensors);
    this.metadata = Map.copyOf(metadata);
    long sum = 0;
    for (TensorInfo tensor : tensors) {
      // Cannot overflow: each count is bounded by 8 × its bytes, all within one file.
      sum = Math.addExact(sum, tensor.elementCount());
    }
    this.parameterCount = sum;
  }

  /**
   * Checks the header length read from the first 8 bytes against the file, before anything reads
   * the header: positive, at most {@link #MAX_HEADER_LENGTH}, and within the file after the prefix.
   *
   * @param headerLength the prefix as a signed little-endian long (a hostile prefix may be
   *     negative)
   * @param fileSize the file's total size in bytes
   * @throws ValidationException at {@code header_length} when any rule is broken
   */
  public static void checkHeaderLength(long headerLength, long fileSize) {
    var violations = Violations.collect();
    if (fileSize < PREFIX_LENGTH) {
      violations.add(
          "value_error",
          "the file has " + fileSize + " bytes, fewer than the 8-byte header length prefix",
          LENGTH_PATH);
    } else if (headerLength <= 0) {
      violations.add(
          "greater_than", "header length must be positive, not " + headerLength, LENGTH_PATH);
    } else if (headerLength > MAX_HEADER_LENGTH) {
      violations.add(
          "less_than_equal",
          "header length " + headerLength + " exceeds the limit of " + MAX_HEADER_LENGTH + " bytes",
          LENGTH_PATH);
    } else if (headerLength > fileSize - PREFIX_LENGTH) {
      violations.add(
          "less_than_equal",
          "header length "
              + headerLength
              + " exceeds the "
              + (fileSize - PREFIX_LENGTH)
              + " bytes that follow the prefix",
          LENGTH_PATH);
    }
    violations.throwIfAny();
  }

  /**
   * Validates a parsed header against the file it came from.
   *
   * @param headerLength the length prefix (checked again here)
   * @param fileSize the file's total size in bytes
   * @param header the header JSON as a document; null counts as not an object
   * @throws ValidationException listing every broken rule, each at its key
   */
  public static SafetensorsHeader of(long headerLength, long fileSize, Map<String, Object> header) {
    checkHeaderLength(headerLength, fileSize);
    var violations = Violations.collect();
    if (header == null) {
      throw ValidationException.of("the header must be a JSON object", "dict_type");
    }
    long dataSize = fileSize - PREFIX_LENGTH - headerLength;
    var tensors = new ArrayList<TensorInfo>();
    Map<String, String> metadata = Map.of();
    for (var entry : header.entrySet()) {
      if (entry.getKey().equals(METADATA_KEY)) {
        metadata = metadata(entry.getValue(), violations.at(METADATA_KEY));
      } else {
        TensorInfo tensor = tensor(entry.getKey(), entry.getValue(), dataSize, violations);
        if (tensor != null) {
          tensors.add(tensor);
        }
      }
    }
    if (violations.isEmpty()) {
      checkLayout(tensors, dataSize, violations);
    }
    violations.throwIfAny();
    return new SafetensorsHeader(headerLength, fileSize, tensors, metadata);
  }

  /** The tensors in the header's order. */
  public List<TensorInfo> tensors() {
    return tensors;
  }

  /** The {@code __metadata__} strings; empty when the header has none. */
  public Map<String, String> metadata() {
    return metadata;
  }

  public long headerLength() {
    return headerLength;
  }

  public long fileSize() {
    return fileSize;
  }

  /** The exact number of elements over all tensors of this file. */
  public long parameterCount() {
    return parameterCount;
  }

  private static Map<String, String> metadata(Object value, Violations violations) {
    if (!(value instanceof Map<?, ?> map)) {
      violations.add("dict_type", "__metadata__ must be an object of strings");
      return Map.of();
    }
    var result = new LinkedHashMap<String, String>();
    map.forEach(
        (key, text) -> {
          if (text instanceof String s) {
            result.put((String) key, s);
          } else {
            violations.add("string_type", "__metadata__ values must be strings", key);
          }
        });
    return result;
  }

  private static TensorInfo tensor(String name, Object value, long dataSize, Violations all) {
    var violations = all.at(name);
    if (!(value instanceof Map<?, ?> entry)) {
      violations.add("dict_type", "tensor " + name + " must be an object");
      return null;
    }
    SafetensorsDtype dtype = dtype(entry.get("dtype"), violations);
    List<Long> shape = shape(entry.get("shape"), violations);
    long[] offsets = offsets(entry.get("data_offsets"), dataSize, violations);
    if (dtype == null || shape == null || offsets == null) {
      return null;
    }
    Long elements = elementCount(shape);
    if (elements == null) {
      violations.add("value_error", "shape " + shape + " has too many elements", "shape");
      return null;
    }
    long bytes;
    try {
      long bits = Math.multiplyExact(elements, (long) dtype.bits());
      if (bits % 8 != 0) {
        violations.add(
            "value_error",
            "shape " + shape + " of " + dtype + " does not fill whole bytes",
            "shape");
        return null;
      }
      bytes = bits / 8;
    } catch (ArithmeticException e) {
      violations.add("value_error", "shape " + shape + " has too many elements", "shape");
      return null;
    }
    long begin = offsets[0];
    long end = offsets[1];
    if (end - begin != bytes) {
      violations.add(
          "value_error",
          "data_offsets span "
              + (end - begin)
              + " bytes but shape "
              + shape
              + " of "
              + dtype
              + " needs "
              + bytes,
          "data_offsets");
      return null;
    }
    return new TensorInfo(name, dtype, shape, elements, begin, end);
  }

  private static SafetensorsDtype dtype(Object value, Violations violations) {
    if (value == null) {
      violations.add(Violations.MISSING, "dtype is required", "dtype");
      return null;
    }
    SafetensorsDtype dtype = value instanceof String text ? SafetensorsDtype.parse(text) : null;
    if (dtype == null) {
      violations.add(
          "enum", "dtype must be one of " + String.join(", ", SafetensorsDtype.names()), "dtype");
    }
    return dtype;
  }

  private static List<Long> shape(Object value, Violations violations) {
    if (value == null) {
      violations.add(Violations.MISSING, "shape is required", "shape");
      return null;
    }
    if (!(value instanceof List<?> dims)) {
      violations.add("list_type", "shape must be an array of integers", "shape");
      return null;
    }
    if (dims.size() > MAX_RANK) {
      violations.add(
          "too_long", "shape has rank " + dims.size() + ", more than " + MAX_RANK, "shape");
      return null;
    }
    var shape = new ArrayList<Long>(dims.size());
    boolean valid = true;
    for (int i = 0; i < dims.size(); i++) {
      Long dim =
          DocumentNumbers.isInteger(dims.get(i)) ? DocumentNumbers.exactLong(dims.get(i)) : null;
      if (dim == null || dim < 0) {
        violations.add("value_error", "shape dimensions must be non-negative integers", "shape", i);
        valid = false;
      }
      shape.add(dim);
    }
    return valid ? shape : null;
  }

  /** The product of the dimensions (1 for a scalar), or null when it overflows a long. */
  private static Long elementCount(List<Long> shape) {
    long product = 1;
    try {
      for (long dim : shape) {
        product = Math.multiplyExact(product, dim);
      }
    } catch (ArithmeticException e) {
      return null;
    }
    return product;
  }

  private static long[] offsets(Object value, long dataSize, Violations violations) {
    if (value == null) {
      violations.add(Violations.MISSING, "data_offsets is required", "data_offsets");
      return null;
    }
    if (!(value instanceof List<?> pair)
        || pair.size() != 2
        || !DocumentNumbers.isInteger(pair.get(0))
        || !DocumentNumbers.isInteger(pair.get(1))) {
      violations.add(
          "value_error",
          "data_offsets must be an array of two integers [begin, end]",
          "data_offsets");
      return null;
    }
    Long begin = DocumentNumbers.exactLong(pair.get(0));
    Long end = DocumentNumbers.exactLong(pair.get(1));
    if (begin == null || end == null || begin < 0 || end < begin || end > dataSize) {
      violations.add(
          "value_error",
          "data_offsets "
              + pair
              + " must satisfy 0 <= begin <= end <= "
              + dataSize
              + " (the data buffer's size)",
          "data_offsets");
      return null;
    }
    return new long[] {begin, end};
  }

  /**
   * The format's layout rule: sorted by offset, the tensors tile the data buffer exactly, with no
   * overlap (which would count shared bytes twice), no gap, and nothing after the last tensor.
   */
  private static void checkLayout(List<TensorInfo> tensors, long dataSize, Violations violations) {
    var sorted = new ArrayList<>(tensors);
    sorted.sort(Comparator.comparingLong(TensorInfo::begin).thenComparingLong(TensorInfo::end));
    long expected = 0;
    for (TensorInfo tensor : sorted) {
      if (tensor.begin() != expected) {
        violations.add(
            "value_error",
            "data_offsets must start at "
                + expected
                + " where the previous tensor ends (no overlap, no gap), not at "
                + tensor.begin(),
            tensor.name(),
            "data_offsets");
        return;
      }
      expected = tensor.end();
    }
    if (expected != dataSize) {
      violations.add(
          "value_error",
          "the tensors cover " + expected + " bytes of a " + dataSize + "-byte data buffer",
          "data_offsets");
    }
  }
}
