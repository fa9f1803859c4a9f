package org.modelregistry.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangeTest {

  @ParameterizedTest
  @CsvSource({
    "bytes=0-0, 0, 0",
    "bytes=0-99, 0, 99",
    "bytes=10-, 10, 99",
    "bytes=90-1000, 90, 99",
    "bytes=-1, 99, 99",
    "bytes=-100, 0, 99",
    "bytes=-99999999999999999999999, 0, 99",
    "BYTES=5-6, 5, 6",
    "bytes=007-008, 7, 8"
  })
  void givenSingleSatisfiableRange_of_resolvesItAgainstTheSize(
      String header, long first, long last) {
    assertThat(ByteRange.of(header, 100)).hasValue(new ByteRange(first, last));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"bytes=0-1,3-4", "bytes=5-4", "items=0-1", "bytes=", "bytes=-", "bytes=1-2-3"})
  void givenSeveralOrUnusableRanges_of_servesTheWholeFile(String header) {
    assertThat(ByteRange.of(header, 100)).isEmpty();
  }

  @Test
  void givenNoHeader_of_servesTheWholeFile() {
    assertThat(ByteRange.of(null, 100)).isEqualTo(Optional.empty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"bytes=100-", "bytes=100-200", "bytes=-0", "bytes=99999999999999999999-"})
  void givenRangeOutsideTheFile_of_isNotSatisfiable(String header) {
    assertThatThrownBy(() -> ByteRange.of(header, 100))
        .isInstanceOfSatisfying(
            RangeNotSatisfiable.class, e -> assertThat(e.size()).isEqualTo(100));
  }

  @Test
  void givenEmptyFile_anyRange_isNotSatisfiable() {
    assertThatThrownBy(() -> ByteRange.of("bytes=0-", 0)).isInstanceOf(RangeNotSatisfiable.class);
    assertThatThrownBy(() -> ByteRange.of("bytes=-5", 0)).isInstanceOf(RangeNotSatisfiable.class);
  }

  @Test
  void givenRange_contentRangeAndLength_describeIt() {
    ByteRange range = new ByteRange(10, 19);

    assertThat(range.length()).isEqualTo(10);
    assertThat(range.contentRange(100)).isEqualTo("bytes 10-19/100");
  }
}
