package org.modelregistry.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modelregistry.domain.registration.Secret;
import org.modelregistry.domain.workspace.SecretRef;

/** Secrets read from a folder: one file per secret, never from outside the folder. */
class DirectorySecretStoreTest {

  @TempDir Path root;
  @TempDir Path outside;

  @Test
  void givenSecretFiles_find_readsThemWithoutTheTrailingLineBreak() throws Exception {
    Files.writeString(root.resolve("hf-token"), "hf_abc\n");
    Files.createDirectories(root.resolve("team"));
    Files.writeString(root.resolve("team").resolve("s3_key"), "line one\nline two");
    var store = new DirectorySecretStore(root);

    assertThat(store.find(new SecretRef("hf-token")).map(Secret::value)).hasValue("hf_abc");
    assertThat(store.find(new SecretRef("team/s3_key")).map(Secret::value))
        .hasValue("line one\nline two");
    assertThat(store.find(new SecretRef("absent"))).isEmpty();
    assertThat(store.find(new SecretRef("team"))).as("a folder is no secret").isEmpty();
  }

  @Test
  void givenALinkOutOfTheFolder_find_doesNotFollowIt() throws Exception {
    Files.writeString(outside.resolve("stolen"), "not yours");
    Files.createSymbolicLink(root.resolve("link"), outside.resolve("stolen"));
    Files.createSymbolicLink(root.resolve("ws"), outside);

    var store = new DirectorySecretStore(root);

    assertThat(store.find(new SecretRef("link"))).isEmpty();
    assertThat(store.find(new SecretRef("ws/stolen"))).isEmpty();
  }

  @Test
  void givenTheKubernetesLayoutOfLinksIntoADataFolder_find_followsThem() throws Exception {
    Path data = Files.createDirectories(root.resolve("..2026_11_23_15_00_00.123"));
    Files.writeString(data.resolve("hf-token"), "from-a-mounted-secret");
    Files.createSymbolicLink(root.resolve("..data"), data.getFileName());
    Files.createSymbolicLink(root.resolve("hf-token"), Path.of("..data/hf-token"));

    assertThat(new DirectorySecretStore(root).find(new SecretRef("hf-token")).map(Secret::value))
        .hasValue("from-a-mounted-secret");
  }

  @Test
  void givenASecretsDirThatIsNotAFolder_load_failsNamingTheSetting() {
    assertThatThrownBy(
            () ->
                SettingsLoader.load(
                    new String[] {"--secrets-dir", root.resolve("nope").toString()}, Map.of()))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("--secrets-dir");
    assertThat(
            SettingsLoader.load(new String[] {"--secrets-dir", root.toString()}, Map.of())
                .secretsDir())
        .isEqualTo(root.toAbsolutePath().normalize());
  }
}
