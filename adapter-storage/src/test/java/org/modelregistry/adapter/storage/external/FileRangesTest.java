package org.modelregistry.adapter.storage.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.ports.out.ExternalSourceException;

class FileRangesTest {

  private static final FilePath PATH = new FilePath("w/model.bin");

  @Test
  void givenAnOffsetAtTheEnd_atOrBeyondEnd_readsNothing() throws IOException {
    Optional<InputStream> read = FileRanges.atOrBeyondEnd(Optional.of(10L), PATH, 10, "at h", null);

    assertThat(read).isPresent();
    assertThat(read.get().readAllBytes()).isEmpty();
  }

  @Test
  void givenAnOffsetBeyondTheEnd_atOrBeyondEnd_failsNamingOffsetPathSizeAndSource() {
    var cause = new IllegalStateException("416");

    assertThatThrownBy(() -> FileRanges.atOrBeyondEnd(Optional.of(10L), PATH, 11, "at h", cause))
        .isInstanceOf(ExternalSourceException.class)
        .hasMessage("offset 11 is beyond the end of 'w/model.bin' (10 bytes) at h")
        .hasCause(cause);
  }

  @Test
  void givenNoFile_atOrBeyondEnd_readsNoFile() {
    assertThat(FileRanges.atOrBeyondEnd(Optional.empty(), PATH, 11, "at h", null)).isEmpty();
  }

  @Test
  void givenNoKnownSize_beyondEnd_leavesItOut() {
    assertThat(FileRanges.beyondEnd(PATH, 11, OptionalLong.empty(), "in bucket 'b'", null))
        .hasMessage("offset 11 is beyond the end of 'w/model.bin' in bucket 'b'");
  }
}
