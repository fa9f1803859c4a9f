package org.modelregistry.domain.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.modelregistry.domain.testdata.TestViolations.violation;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modelregistry.domain.error.Violation;

class FilePathTest {

  private static final String SEGMENT_TOO_LONG =
      "each segment of a file path (a folder or file name) must be at most 255 bytes of UTF-8";

  private static int utf8Bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  @ParameterizedTest
  @ValueSource(strings = {"model.bin", "weights/model.safetensors", "a/b/c", ".hidden", "a/..b"})
  void givenARelativePath_create_keepsTheValueAndItsSegments(String value) {
    var path = new FilePath(value);

    assertThat(path.value()).isEqualTo(value);
    assertThat(String.join("/", path.segments())).isEqualTo(value);
  }

  @Test
  void givenASegmentOfExactly255AsciiBytes_create_accepts() {
    String segment = "a".repeat(FilePath.MAX_SEGMENT_BYTES);

    assertThat(new FilePath("weights/" + segment).fileName()).isEqualTo(segment);
  }

  @Test
  void givenMultiByteSegmentsOfExactly255Bytes_create_acceptsThem() {
    String twoByte = "a" + "é".repeat(127);
    String threeByte = "€".repeat(85);
    String fourByte = "abc" + "😀".repeat(63);
    List.of(twoByte, threeByte, fourByte)
        .forEach(segment -> assertThat(utf8Bytes(segment)).isEqualTo(255));

    var path = new FilePath(twoByte + "/" + threeByte + "/" + fourByte);

    assertThat(path.segments()).containsExactly(twoByte, threeByte, fourByte);
  }

  @Test
  void givenMultiByteSegmentsOneByteOverTheLimit_create_rejectsEach() {
    // Fewer characters than the limit, more bytes: the rule counts bytes, not characters.
    String twoByte = "é".repeat(128);
    String threeByte = "a" + "€".repeat(85);
    String fourByte = "abcd" + "😀".repeat(63);

    for (String segment : List.of(twoByte, threeByte, fourByte)) {
      assertThat(utf8Bytes(segment)).isEqualTo(256);
      assertThat(segment.length()).isLessThan(255);
      assertThat(violationsOf(() -> new FilePath("weights/" + segment)))
          .extracting(Violation::path, Violation::type, Violation::message)
          .containsExactly(tuple(List.of(), "path_invalid", SEGMENT_TOO_LONG));
    }
  }

  @Test
  void givenA300ByteSegmentInAShortPath_create_rejectsIt() {
    assertThat(violationsOf(() -> new FilePath("x".repeat(300))))
        .extracting(Violation::type, Violation::message)
        .containsExactly(tuple("path_invalid", SEGMENT_TOO_LONG));
  }

  @Test
  void givenAnOverlongSegmentAnywhere_create_rejectsIt() {
    String tooLong = "f".repeat(256);

    for (String value : List.of(tooLong + "/model.bin", "a/" + tooLong + "/b", "a/b/" + tooLong)) {
      assertThat(violationsOf(() -> new FilePath(value)))
          .extracting(Violation::message)
          .containsExactly(SEGMENT_TOO_LONG);
    }
  }

  @Test
  void givenExactly1024BytesInSegmentsWithinTheirLimit_create_accepts() {
    String value = String.join("/", Collections.nCopies(5, "a".repeat(204)));
    assertThat(utf8Bytes(value)).isEqualTo(FilePath.MAX_BYTES);

    assertThat(new FilePath(value).segments()).hasSize(5);
  }

  @Test
  void givenMoreThan1024Bytes_create_reportsTheWholeLengthFirst() {
    String value = "d/".repeat(300) + "x".repeat(500);

    assertThat(violationsOf(() -> new FilePath(value)))
        .extracting(Violation::type, Violation::message)
        .containsExactly(tuple("path_invalid", "a file path must be at most 1024 bytes"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/abs",
        "../x",
        "a/../b",
        "a/.",
        ".",
        "..",
        "a\\b",
        "a//b",
        "trailing/",
        "C:/x",
        "a\u0000b"
      })
  void givenATraversalForm_create_rejectsIt(String value) {
    assertThat(violationsOf(() -> new FilePath(value)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("path_invalid"));
  }
}
