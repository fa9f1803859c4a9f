package org.modelregistry.adapter.storage.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.modelregistry.ports.out.SourceFetchException;

class HttpStatusExceptionTest {

  @Test
  void givenAFailureCausedByAStatus_statusOf_returnsIt() {
    var failure =
        new SourceFetchException(
            "GET http://h/x returned 404", false, new HttpStatusException(404));

    assertThat(HttpStatusException.statusOf(failure)).isEqualTo(OptionalInt.of(404));
  }

  @Test
  void givenAFailureThatOnlySaysAStatusInItsMessage_statusOf_returnsNothing() {
    // A message is for users; a path or a host can hold " returned 404" too.
    assertThat(
            HttpStatusException.statusOf(
                new SourceFetchException("GET http://h/x returned 404", false)))
        .isEmpty();
    assertThat(
            HttpStatusException.statusOf(
                new SourceFetchException(
                    "GET http://h/it%20returned%20401 failed: connection reset",
                    true, new IOException("reset"))))
        .isEmpty();
  }

  @Test
  void givenAFailureWithoutAnAnswer_statusOf_returnsNothing() {
    assertThat(
            HttpStatusException.statusOf(
                new SourceFetchException("GET http://h/x refused: blocked", false)))
        .isEmpty();
  }
}
