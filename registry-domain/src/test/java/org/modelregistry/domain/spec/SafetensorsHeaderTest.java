package org.modelregistry.domain.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.modelregistry.domain.testdata.TestViolations.violation;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.Violation;

class SafetensorsHeaderTest {

  private static final long HEADER_LENGTH = 100;

  private static long fileSize(long dataSize) {
    return 8 + HEADER_LENGTH + dataSize;
  }

  private static Map<String, Object> tensor(String dtype, Object shape, Object offsets) {
    var entry = new LinkedHashMap<String, Object>();
    entry.put("dtype", dtype);
    entry.put("shape", shape);
    entry.put("data_offsets", offsets);
    return entry;
  }

  /** F32 [2,3] (24 bytes), BF16 [4] (8 bytes), F16 scalar (2 bytes): 11 elements in 34 bytes. */
  private static Map<String, Object> smallHeader() {
    var header = new LinkedHashMap<String, Object>();
    header.put("__metadata__", Map.of("format", "pt"));
    header.put("model.embed.weight", tensor("F32", List.of(2, 3), List.of(0, 24)));
    header.put("model.norm.weight", tensor("BF16", List.of(4), List.of(24, 32)));
    header.put("model.scale", tensor("F16", List.of(), List.of(32, 34)));
    return header;
  }

  private static Map<String, Object> single(Map<String, Object> tensor) {
    return Map.of("w", tensor);
  }

  @Test
  void givenASmallHeader_of_countsEveryElementExactly() {
    var header = SafetensorsHeader.of(HEADER_LENGTH, fileSize(34), smallHeader());

    assertThat(header.parameterCount()).isEqualTo(11);
    assertThat(header.metadata()).containsEntry("format", "pt");
    assertThat(header.tensors())
        .extracting(TensorInfo::name, TensorInfo::dtype, TensorInfo::shape)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "model.embed.weight", SafetensorsDtype.F32, List.of(2L, 3L)),
            org.assertj.core.groups.Tuple.tuple(
                "model.norm.weight", SafetensorsDtype.BF16, List.of(4L)),
            org.assertj.core.groups.Tuple.tuple("model.scale", SafetensorsDtype.F16, List.of()));
  }

  @Test
  void givenLargeShapesInLongRange_of_countsBeyondInt() {
    // 2^20 × 2^12 I8 elements = 2^32 bytes, more than an int holds.
    long bytes = 1L << 32;
    var header =
        SafetensorsHeader.of(
            HEADER_LENGTH,
            fileSize(bytes),
            single(tensor("I8", List.of(1 << 20, 1 << 12), List.of(0, bytes))));

    assertThat(header.parameterCount()).isEqualTo(bytes);
  }

  @Test
  void givenAHeaderLengthLargerThanTheFile_checkHeaderLength_rejectsIt() {
    assertThat(violationsOf(() -> SafetensorsHeader.checkHeaderLength(1000, 500)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("less_than_equal", "header_length"));
  }

  @Test
  void givenANegativeOrZeroHeaderLength_checkHeaderLength_rejectsIt() {
    assertThat(violationsOf(() -> SafetensorsHeader.checkHeaderLength(-1, 500)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("greater_than", "header_length"));
    assertThat(violationsOf(() -> SafetensorsHeader.checkHeaderLength(Long.MIN_VALUE, 500)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("greater_than", "header_length"));
    assertThat(violationsOf(() -> SafetensorsHeader.checkHeaderLength(0, 500)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("greater_than", "header_length"));
  }

  @Test
  void givenAHeaderLengthOverTheCap_checkHeaderLength_rejectsItEvenInAHugeFile() {
    long overCap = SafetensorsHeader.MAX_HEADER_LENGTH + 1;
    assertThat(violationsOf(() -> SafetensorsHeader.checkHeaderLength(overCap, Long.MAX_VALUE)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("less_than_equal", "header_length"));
  }

  @Test
  void givenAFileShorterThanThePrefix_checkHeaderLength_rejectsIt() {
    assertThat(violationsOf(() -> SafetensorsHeader.checkHeaderLength(1, 7)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("value_error", "header_length"));
  }

  @Test
  void givenAHeaderThatExactlyFillsTheFile_checkHeaderLength_acceptsIt() {
    assertThatCode(() -> SafetensorsHeader.checkHeaderLength(92, 100)).doesNotThrowAnyException();
  }

  @Test
  void givenANonListShape_of_rejectsItAtTheTensorsShape() {
    var header = single(tensor("F32", "2x3", List.of(0, 24)));

    assertThat(violationsOf(() -> SafetensorsHeader.of(HEADER_LENGTH, fileSize(24), header)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("list_type", "w", "shape"));
  }

  @Test
  void givenNegativeOrNonIntegerDims_of_rejectsEachAtItsIndex() {
    var header = single(tensor("F32", List.of(-2, "3", 1.5), List.of(0, 24)));

    assertThat(violationsOf(() -> SafetensorsHeader.of(HEADER_LENGTH, fileSize(24), header)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("value_error", "w", "shape", 0),
            violation("value_error", "w", "shape", 1),
            violation("value_error", "w", "shape", 2));
  }

  @Test
  void givenAShapeWhoseProductOverflows_of_rejectsItAsAViolation() {
    long big = 1L << 40;
    var header = single(tensor("F32", List.of(big, big), List.of(0, 24)));

    assertThat(violationsOf(() -> SafetensorsHeader.of(HEADER_LENGTH, fileSize(24), header)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("value_error", "w", "shape"));
  }

  @Test
  void givenAShapeWhoseByteSizeOverflows_of_rejectsItAsAViolation() {
    // The element count fits a long; times 64 bits it does not.
    var header = single(tensor("F64", List.of(Long.MAX_VALUE / 2), List.of(0, 24)));

    assertThat(violationsOf(() -> SafetensorsHeader.of(HEADER_LENGTH, fileSize(24), header)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("value_error", "w", "shape"));
  }

  @Test
  void givenADimBeyondLong_of_rejectsIt() {
    var header =
        single(tensor("F32", List.of(new BigInteger("99999999999999999999")), List.of(0, 24)));

    assertThat(violationsOf(() -> SafetensorsHeader.of(HEADER_LENGTH, fileSize(24), header)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("value_error", "w", "shape", 0));
  }

  @Test
  void givenARankAboveTheLimit_of_rejectsIt() {
    var header = single(tensor("F32", List.of(1, 1, 1, 1, 1, 1, 1, 1, 1), List.of(0, 4)));

    assertThat(violationsOf(() -> SafetensorsHeader.of(HEADER_LENGTH, fileSize(4), header)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("too_long", "w", "shape"));
  }

  @Test
  void givenOffsetsBeyondTheDataBuffer_of_rejectsThem() {
    var header = single(tensor("F32", List.of(2, 3), List.of(0, 24)));

    assertThat(violationsOf(() -> SafetensorsHeader.of(HEADER_LENGTH, fileSize(23), header)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("value_error", "w", "data_offsets"));
  }

  @Test
  void givenReversedNegativeOrMalformedOffsets_of_rejectsThem() {
    for (Object offsets :
        List.of(
            List.of(24, 0),
            List.of(-24, 0),
            List.of(0),
            List.of(0, 24, 48),
            List.of("0", "24"),
            "0-24",
            List.of(0, new BigInteger("99999999999999999999")))) {
      var header = single(tensor("F32", List.of(2, 3), offsets));

      assertThat(violationsOf(() -> SafetensorsHeader.of(HEADER_LENGTH, fileSize(24), header)))
          .as("offsets %s", offsets)
          .extracting(Violation::path, Violation::type)
          .containsExactly(violation("value_error", "w", "data_offsets"));
    }
  }

  @Test
  void givenOffsetsInconsistentWithShapeAndDtype_of_rejectsThem() {
    // F32 [2,3] needs 24 bytes, not 12.
    var header = single(tensor("F32", List.of(2, 3), List.of(0, 12)));

    assertThat(violationsOf(() -> SafetensorsHeader.of(HEADER_LENGTH, fileSize(12), header)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("value_error", "w", "data_offsets"));
  }

  @Test
  void givenOverlappingTensors_of_rejectsTheLaterOne() {
    var header = new LinkedHashMap<String, Object>();
    header.put("a", tensor("F32", List.of(2), List.of(0, 8)));
    header.put("b", tensor("F32", List.of(2), List.of(4, 12)));

    assertThat(violationsOf(() -> SafetensorsHeader.of(HEADER_LENGTH, fileSize(12), header)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("value_error", "b", "data_offsets"));
  }

  @Test
  void givenBytesNoTensorCovers_of_rejectsTheLayout() {
    var header = single(tensor("F32", List.of(2), List.of(0, 8)));

    assertThat(violationsOf(() -> SafetensorsHeader.of(HEADER_LENGTH, fileSize(16), header)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("value_error", "data_offsets"));
  }

  @Test
  void givenAnUnknownOrMissingDtype_of_rejectsIt() {
    var header = new LinkedHashMap<String, Object>();
    header.put("a", tensor("F128", List.of(2), List.of(0, 8)));
    header.put("b", tensor(null, List.of(2), List.of(8, 16)));

    assertThat(violationsOf(() -> SafetensorsHeader.of(HEADER_LENGTH, fileSize(16), header)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("enum", "a", "dtype"), violation("missing", "b", "dtype"));
  }

  @Test
  void givenATensorEntryThatIsNotAnObjectOrBadMetadata_of_rejectsThem() {
    var header = new LinkedHashMap<String, Object>();
    header.put("__metadata__", Map.of("format", 1));
    header.put("w", "not a tensor");

    assertThat(violationsOf(() -> SafetensorsHeader.of(HEADER_LENGTH, fileSize(0), header)))
        .extracting(Violation::path, Violation::type)
        .containsExactlyInAnyOrder(
            violation("string_type", "__metadata__", "format"), violation("dict_type", "w"));
  }

  @Test
  void givenAHostileHeaderLength_of_checksItBeforeTheHeader() {
    assertThat(violationsOf(() -> SafetensorsHeader.of(-5, 100, smallHeader())))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("greater_than", "header_length"));
  }

  @Test
  void givenSubByteDtypes_of_requiresWholeBytes() {
    var whole = single(tensor("F4", List.of(4), List.of(0, 2)));
    assertThat(SafetensorsHeader.of(HEADER_LENGTH, fileSize(2), whole).parameterCount())
        .isEqualTo(4);

    var partial = single(tensor("F4", List.of(3), List.of(0, 2)));
    assertThat(violationsOf(() -> SafetensorsHeader.of(HEADER_LENGTH, fileSize(2), partial)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("value_error", "w", "shape"));
  }
}
