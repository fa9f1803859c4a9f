package org.modelregistry.adapter.storage.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class ByteRangesTest {

  private static final byte[] CONTENT = "0123456789".getBytes(StandardCharsets.US_ASCII);

  @Test
  void givenAWholeBody_slice_skipsToTheOffsetAndCutsAtTheLength() throws IOException {
    assertThat(slice(3, 4).readAllBytes()).isEqualTo("3456".getBytes(StandardCharsets.US_ASCII));
    assertThat(slice(8, -1).readAllBytes()).isEqualTo("89".getBytes(StandardCharsets.US_ASCII));
    assertThat(slice(0, 100).readAllBytes()).isEqualTo(CONTENT);
    assertThat(slice(10, 5).readAllBytes()).isEmpty();
  }

  @Test
  void givenASlice_readingByteByByteAndSkipping_stayWithinIt() throws IOException {
    InputStream in = slice(2, 5);

    assertThat(in.read()).isEqualTo('2');
    assertThat(in.skip(2)).isEqualTo(2);
    assertThat(in.available()).isLessThanOrEqualTo(2);
    assertThat(in.read()).isEqualTo('5');
    assertThat(in.read()).isEqualTo('6');
    assertThat(in.read()).isEqualTo(-1);
    assertThat(in.markSupported()).isFalse();
  }

  @Test
  void givenABodyThatEndsBeforeTheOffset_slice_failsAsToldAndKeepsFailing() {
    InputStream in = slice(11, 2);

    assertThatThrownBy(in::read).isInstanceOf(IllegalStateException.class).hasMessage("beyond");
    assertThatThrownBy(in::read).isInstanceOf(IllegalStateException.class).hasMessage("beyond");
  }

  @Test
  void givenContentRanges_contentRangeStart_readsTheFirstByteOfValidOnesOnly() {
    assertThat(ByteRanges.contentRangeStart("bytes 5-9/10")).isEqualTo(OptionalLong.of(5));
    assertThat(ByteRanges.contentRangeStart(" Bytes 0-0/* ")).isEqualTo(OptionalLong.of(0));
    assertThat(ByteRanges.contentRangeStart("bytes */10")).isEmpty();
    assertThat(ByteRanges.contentRangeStart("5-9/10")).isEmpty();
    assertThat(ByteRanges.contentRangeStart(null)).isEmpty();
  }

  @Test
  void givenHeaders_announcedLength_isTheContentLengthUnlessATransferCodingOverridesIt() {
    assertThat(ByteRanges.announcedLength(Headers.of("Content-Length", "12")))
        .isEqualTo(OptionalLong.of(12));
    assertThat(
            ByteRanges.announcedLength(
                Headers.of("Content-Length", "12", "Transfer-Encoding", "chunked")))
        .isEmpty();
    assertThat(ByteRanges.announcedLength(Headers.of("Content-Length", "-1"))).isEmpty();
    assertThat(ByteRanges.announcedLength(Headers.of("Content-Length", "x"))).isEmpty();
    assertThat(ByteRanges.announcedLength(Headers.of())).isEmpty();
  }

  private static InputStream slice(long skip, long length) {
    return ByteRanges.slice(
        new ByteArrayInputStream(CONTENT), skip, length, () -> new IllegalStateException("beyond"));
  }
}
