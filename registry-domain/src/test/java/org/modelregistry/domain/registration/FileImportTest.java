package org.modelregistry.domain.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.domain.registration.TestRegistrations.SIGNATURE;
import static org.modelregistry.domain.registration.TestRegistrations.file;
import static org.modelregistry.domain.registration.TestRegistrations.redactedUrl;
import static org.modelregistry.domain.registration.TestRegistrations.signedUrl;

import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.naming.FilePath;

class FileImportTest {

  private static final String SHA = "0123456789abcdef".repeat(4);

  private static FileImport pending() {
    return FileImport.pending(file("m.bin"));
  }

  private static FileImport copying(Long expectedBytes) {
    return pending().start(expectedBytes);
  }

  @Test
  void givenASpec_pending_hasNothingCopiedYet() {
    var file = pending();

    assertThat(file.state()).isEqualTo(FileImportState.PENDING);
    assertThat(file.bytesCopied()).isZero();
    assertThat(file.expectedBytes()).isNull();
    assertThat(file.spec()).isEqualTo(file("m.bin"));
  }

  @Test
  void givenAPendingFile_start_copiesWithTheAnnouncedSize() {
    var file = pending().start(100L);

    assertThat(file.state()).isEqualTo(FileImportState.COPYING);
    assertThat(file.expectedBytes()).isEqualTo(100L);
  }

  @Test
  void givenACopyingFile_progress_recordsTheBytesCopied() {
    assertThat(copying(100L).progress(40).progress(40).progress(90).bytesCopied()).isEqualTo(90);
  }

  @Test
  void givenACopyingFile_progressBackwards_isRefused() {
    var file = copying(100L).progress(40);

    assertThatThrownBy(() -> file.progress(39)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenTheAnnouncedSize_complete_storesTheFileWithSizeAndLowerCaseHash() {
    var file = copying(100L).complete(100, SHA.toUpperCase());

    assertThat(file.state()).isEqualTo(FileImportState.STORED);
    assertThat(file.size()).isEqualTo(100L);
    assertThat(file.bytesCopied()).isEqualTo(100L);
    assertThat(file.sha256()).isEqualTo(SHA);
  }

  @Test
  void givenNoAnnouncedSize_complete_storesTheFile() {
    assertThat(copying(null).complete(5, SHA).isStored()).isTrue();
  }

  @Test
  void givenAnotherSizeThanAnnounced_complete_failsTheFile() {
    var file = copying(100L).complete(99, SHA);

    assertThat(file.state()).isEqualTo(FileImportState.FAILED);
    assertThat(file.failureReason())
        .isEqualTo("size mismatch: the source announced 100 bytes, received 99");
    assertThat(file.size()).isNull();
    assertThat(file.sha256()).isNull();
  }

  @Test
  void givenAPendingFile_progressOrComplete_isRefused() {
    var file = pending();

    assertThatThrownBy(() -> file.progress(1)).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> file.complete(1, SHA)).isInstanceOf(ConflictException.class);
  }

  @Test
  void givenACopyingFile_startAgain_isRefused() {
    var file = copying(null);

    assertThatThrownBy(() -> file.start(1L))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("COPYING");
  }

  @Test
  void givenAStoredFile_everyStep_isRefused() {
    var file = copying(null).complete(1, SHA);

    assertThatThrownBy(() -> file.start(null)).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> file.fail("late")).isInstanceOf(ConflictException.class);
    assertThatThrownBy(file::reset).isInstanceOf(ConflictException.class);
  }

  @Test
  void givenAFailedFile_failAgainOrReset_isRefused() {
    var file = pending().fail("boom");

    assertThatThrownBy(() -> file.fail("again")).isInstanceOf(ConflictException.class);
    assertThatThrownBy(file::reset).isInstanceOf(ConflictException.class);
  }

  @Test
  void givenACopyingFile_reset_startsOverFromPending() {
    var file = copying(100L).progress(50).reset();

    assertThat(file).isEqualTo(pending());
  }

  @Test
  void givenAPendingOrCopyingFile_fail_recordsTheReason() {
    assertThat(pending().fail("not tried").failureReason()).isEqualTo("not tried");
    assertThat(copying(null).progress(3).fail("timeout").failureReason()).isEqualTo("timeout");
  }

  @Test
  void givenABlankReason_fail_recordsAnUnknownError() {
    assertThat(pending().fail(" ").failureReason()).isEqualTo("unknown error");
  }

  @Test
  void givenAReasonQuotingTheSignedUrl_fail_redactsIt() {
    var file = copying(null).fail("GET " + signedUrl("m.bin") + " returned 403");

    assertThat(file.failureReason())
        .isEqualTo("GET " + redactedUrl("m.bin") + " returned 403")
        .doesNotContain(SIGNATURE);
  }

  @Test
  void givenAReasonQuotingTheQueryAlone_fail_redactsTheQueryRawOrDecoded() {
    var spec =
        new ModelFileSpec(
            new FilePath("m.bin"), new SourceUrl("https://s.example/m.bin?sig=abc%2Bdef%3D%3D"));
    var copying = FileImport.pending(spec).start(null);

    assertThat(copying.fail("bad token sig=abc%2Bdef%3D%3D").failureReason())
        .isEqualTo("bad token [redacted]");
    assertThat(copying.fail("bad token sig=abc+def==").failureReason())
        .isEqualTo("bad token [redacted]");
  }

  @Test
  void givenAVeryShortQuery_fail_leavesTheReasonReadable() {
    var spec = new ModelFileSpec(new FilePath("m.bin"), new SourceUrl("https://s.example/m?a"));

    assertThat(FileImport.pending(spec).fail("a timeout").failureReason()).isEqualTo("a timeout");
  }

  @Test
  void givenAVeryLongReason_fail_cutsIt() {
    var file = pending().fail("x".repeat(5000));

    assertThat(file.failureReason()).hasSize(FileImport.MAX_REASON_LENGTH).endsWith("…");
  }

  @Test
  void givenAFailedFile_toString_neverShowsTheSignedUrl() {
    var file = pending().fail("GET " + signedUrl("m.bin") + " failed");

    assertThat(file.toString()).doesNotContain(SIGNATURE).contains(redactedUrl("m.bin"));
  }

  @Test
  void givenInconsistentParts_create_isRefused() {
    var spec = file("m.bin");

    assertThatThrownBy(
            () ->
                new FileImport(
                    spec.target(), spec.source(), FileImportState.STORED, null, 1, 1L, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new FileImport(
                    spec.target(),
                    spec.source(),
                    FileImportState.FAILED,
                    null,
                    0,
                    null,
                    null,
                    null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new FileImport(
                    spec.target(),
                    spec.source(),
                    FileImportState.PENDING,
                    null,
                    5,
                    null,
                    null,
                    null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new FileImport(
                    spec.target(), spec.source(), FileImportState.STORED, null, 2, 1L, SHA, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new FileImport(
                    spec.target(), spec.source(), FileImportState.STORED, null, 1, 1L, "abc", null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
