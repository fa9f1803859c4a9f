package org.modelregistry.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.IdentityType;

class SettingsLoaderTest {

  @Test
  void givenNothing_load_usesEmbeddedDefaults() {
    RegistrySettings settings = SettingsLoader.load(new String[0], Map.of());

    assertThat(settings.port()).isEqualTo(8080);
    assertThat(settings.host()).isEqualTo("0.0.0.0");
    assertThat(settings.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(settings.databaseUrl())
        .isEqualTo("jdbc:sqlite:" + Path.of("data").toAbsolutePath().resolve("registry.db"));
    assertThat(settings.maxRequestBodyBytes()).isEqualTo(1_048_576);
    assertThat(settings.localIdentity()).isEqualTo(new Actor("local-user", IdentityType.USER));
  }

  @Test
  void givenTheAnonymousReadSwitch_load_isOffByDefaultAndRefusesNonBooleans() {
    assertThat(SettingsLoader.load(new String[0], Map.of()).anonymousPublicReads()).isFalse();
    assertThat(
            SettingsLoader.load(new String[] {"--anonymous-read", "true"}, Map.of())
                .anonymousPublicReads())
        .isTrue();
    assertThatThrownBy(
            () -> SettingsLoader.load(new String[0], Map.of("REGISTRY_ANONYMOUS_READ", "maybe")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("--anonymous-read");
    assertThatThrownBy(
            () ->
                SettingsLoader.load(
                    new String[] {
                      "--authentication", "local", "--host", "127.0.0.1", "--anonymous-read", "true"
                    },
                    Map.of()))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("--anonymous-read");
  }

  @Test
  void givenEnvironmentVariables_load_overridesDefaults() {
    RegistrySettings settings =
        SettingsLoader.load(
            new String[0],
            Map.of(
                "REGISTRY_PORT", "9090",
                "REGISTRY_DATA_DIR", "/tmp/registry-data",
                "REGISTRY_LOCAL_USER_ID", "ci-bot",
                "REGISTRY_LOCAL_IDENTITY_TYPE", "service_account"));

    assertThat(settings.port()).isEqualTo(9090);
    assertThat(settings.dataDir()).isEqualTo(Path.of("/tmp/registry-data"));
    assertThat(settings.databaseUrl()).isEqualTo("jdbc:sqlite:/tmp/registry-data/registry.db");
    assertThat(settings.localIdentity())
        .isEqualTo(new Actor("ci-bot", IdentityType.SERVICE_ACCOUNT));
  }

  @Test
  void givenFlagsAndEnvironment_load_flagsWin() {
    RegistrySettings settings =
        SettingsLoader.load(
            new String[] {"--port", "7000", "--data-dir=/srv/reg", "--max-body-bytes", "2048"},
            Map.of("REGISTRY_PORT", "9090", "REGISTRY_DATA_DIR", "/tmp/ignored"));

    assertThat(settings.port()).isEqualTo(7000);
    assertThat(settings.dataDir()).isEqualTo(Path.of("/srv/reg"));
    assertThat(settings.maxRequestBodyBytes()).isEqualTo(2048);
  }

  @Test
  void givenExplicitDatabaseUrl_load_keepsIt() {
    RegistrySettings settings =
        SettingsLoader.load(new String[] {"--database-url", "jdbc:sqlite:/x/y.db"}, Map.of());

    assertThat(settings.databaseUrl()).isEqualTo("jdbc:sqlite:/x/y.db");
  }

  @Test
  void givenBadPort_load_failsNamingTheSetting() {
    assertThatThrownBy(() -> SettingsLoader.load(new String[0], Map.of("REGISTRY_PORT", "http")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("--port")
        .hasMessageContaining("REGISTRY_PORT");
    assertThatThrownBy(() -> SettingsLoader.load(new String[] {"--port", "70000"}, Map.of()))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("--port");
  }

  @Test
  void givenBadValues_load_failsNamingEachSetting() {
    assertThatThrownBy(() -> SettingsLoader.load(new String[] {"--max-body-bytes", "0"}, Map.of()))
        .hasMessageContaining("--max-body-bytes");
    assertThatThrownBy(
            () -> SettingsLoader.load(new String[] {"--local-identity-type", "robot"}, Map.of()))
        .hasMessageContaining("--local-identity-type");
    assertThatThrownBy(
            () -> SettingsLoader.load(new String[] {"--database-url", "sqlite.db"}, Map.of()))
        .hasMessageContaining("--database-url");
  }

  @Test
  void givenUnknownFlag_load_fails() {
    assertThatThrownBy(() -> SettingsLoader.load(new String[] {"--colour", "red"}, Map.of()))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("--colour");
    assertThatThrownBy(() -> SettingsLoader.load(new String[] {"--port"}, Map.of()))
        .hasMessageContaining("needs a value");
  }

  @Test
  void help_listsEverySettingWithVariableAndDefault() {
    String help = SettingsLoader.help();

    for (SettingsLoader.Setting setting : SettingsLoader.SETTINGS) {
      assertThat(help).contains("--" + setting.flag()).contains(setting.environmentVariable());
    }
    assertThat(help).contains("REGISTRY_PORT").contains("8080").contains("REGISTRY_DATA_DIR");
  }

  @Test
  void givenNothing_load_storesFilesLocallyInTheDataFolderAndResumesImports() {
    RegistrySettings settings =
        SettingsLoader.load(new String[] {"--data-dir", "/srv/reg"}, Map.of());

    assertThat(settings.storage())
        .isEqualTo(new StorageOptions.Local(Path.of("/srv/reg/artifacts")));
    assertThat(settings.imports().allowedHosts()).isEmpty();
    assertThat(settings.imports().importer().parallelFiles()).isEqualTo(4);
    assertThat(settings.imports().importer().onRestart())
        .isEqualTo(org.modelregistry.application.registration.ImportSettings.RestartPolicy.RESUME);
  }

  @Test
  void givenS3Settings_load_selectsTheS3StoreAndNeverShowsTheSecret() {
    RegistrySettings settings =
        SettingsLoader.load(
            new String[] {"--storage", "s3", "--s3-endpoint", "http://localhost:9000"},
            Map.of(
                "REGISTRY_S3_ACCESS_KEY", "minio",
                "REGISTRY_S3_SECRET_KEY", "minio-secret-123",
                "REGISTRY_S3_PREFIX", "models/"));

    assertThat(settings.storage())
        .isEqualTo(
            new StorageOptions.S3(
                "http://localhost:9000",
                "us-east-1",
                "model-registry",
                "models/",
                "minio",
                "minio-secret-123"));
    assertThat(settings.storage().toString()).doesNotContain("minio-secret-123");
  }

  @Test
  void givenS3WithoutCredentials_load_namesTheMissingSetting() {
    assertThatThrownBy(
            () ->
                SettingsLoader.load(
                    new String[] {"--storage", "s3", "--s3-endpoint", "http://localhost:9000"},
                    Map.of("REGISTRY_S3_ACCESS_KEY", "minio")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("--s3-secret-key")
        .hasMessageContaining("REGISTRY_S3_SECRET_KEY");
  }

  @Test
  void givenImportSettings_load_parsesThemAndTheAllowlist() {
    RegistrySettings settings =
        SettingsLoader.load(
            new String[] {
              "--import-allowed-hosts", "Files.Example, 127.0.0.1:8081",
              "--import-parallel-files", "8",
              "--import-max-file-bytes", "1000",
              "--import-on-restart", "fail"
            },
            Map.of());

    assertThat(settings.imports().allowedHosts())
        .containsExactly("files.example", "127.0.0.1:8081");
    assertThat(settings.imports().importer().parallelFiles()).isEqualTo(8);
    assertThat(settings.imports().importer().maxFileBytes()).isEqualTo(1000);
    assertThat(settings.imports().importer().onRestart())
        .isEqualTo(org.modelregistry.application.registration.ImportSettings.RestartPolicy.FAIL);
  }

  @Test
  void givenBadImportSettings_load_namesTheSetting() {
    assertThatThrownBy(
            () -> SettingsLoader.load(new String[] {"--import-parallel-files", "0"}, Map.of()))
        .hasMessageContaining("--import-parallel-files");
    assertThatThrownBy(
            () -> SettingsLoader.load(new String[] {"--import-on-restart", "later"}, Map.of()))
        .hasMessageContaining("--import-on-restart");
    assertThatThrownBy(() -> SettingsLoader.load(new String[] {"--storage", "ftp"}, Map.of()))
        .hasMessageContaining("--storage");
  }

  @Test
  void givenTrustSettings_load_keepsThePatternsAndTheAdminFlag() {
    RegistrySettings settings =
        SettingsLoader.load(
            new String[] {
              "--trust-remote-code-sources", "s3://models/approved/**, hf://meta-llama/*",
              "--local-identity-admin", "true"
            },
            Map.of());

    assertThat(settings.trustRemoteCodeSources())
        .containsExactly("s3://models/approved/**", "hf://meta-llama/*");
    assertThat(settings.localAdmin()).isTrue();
    assertThat(SettingsLoader.load(new String[0], Map.of()).localAdmin()).isFalse();
  }

  @Test
  void givenABadAdminFlag_load_namesTheSetting() {
    assertThatThrownBy(
            () -> SettingsLoader.load(new String[] {"--local-identity-admin", "yes"}, Map.of()))
        .hasMessageContaining("--local-identity-admin");
  }

  @TempDir Path dir;

  private Path configFile(String text) throws IOException {
    return Files.writeString(dir.resolve("registry.properties"), text);
  }

  @Test
  void givenAConfigFile_load_takesItsValuesOverDefaults_andEnvironmentAndFlagsOverIt()
      throws IOException {
    Path file =
        configFile(
            """
            # a comment
            port = 9000
            host: 127.0.0.1
            s3-region=eu-west-1
            log-format = json
            shutdown-grace-seconds = 5
            max-body-bytes =
            """);

    RegistrySettings fromFile =
        SettingsLoader.load(new String[] {"--config", file.toString()}, Map.of());
    RegistrySettings overridden =
        SettingsLoader.load(
            new String[] {"--port", "9100"},
            Map.of(
                "REGISTRY_CONFIG",
                file.toString(),
                "REGISTRY_PORT",
                "9050",
                "REGISTRY_HOST",
                "127.0.0.2"));

    assertThat(fromFile.port()).isEqualTo(9000);
    assertThat(fromFile.host()).isEqualTo("127.0.0.1");
    assertThat(fromFile.logFormat()).isEqualTo(RegistrySettings.LogFormat.JSON);
    assertThat(fromFile.shutdownGrace()).hasSeconds(5);
    assertThat(fromFile.maxRequestBodyBytes()).isEqualTo(1_048_576); // blank: the default
    assertThat(overridden.port()).isEqualTo(9100);
    assertThat(overridden.host()).isEqualTo("127.0.0.2");
    assertThat(overridden.logFormat()).isEqualTo(RegistrySettings.LogFormat.JSON);
  }

  @Test
  void givenBackslashesAndUrlsInTheConfigFile_load_takesThemLiterally() throws IOException {
    Path file =
        configFile(
            """
            database-password = pa\\ss\\
            data-dir = C:\\registry\\data
            database-url = jdbc:postgresql://db.internal:5432/registry?ssl=true
            """);

    RegistrySettings settings =
        SettingsLoader.load(new String[] {"--config", file.toString()}, Map.of());

    assertThat(settings.database().password()).contains("pa\\ss\\");
    assertThat(settings.dataDir()).isEqualTo(Path.of("C:\\registry\\data"));
    assertThat(settings.databaseUrl())
        .isEqualTo("jdbc:postgresql://db.internal:5432/registry?ssl=true");
  }

  @Test
  void givenALineThatIsNoSetting_load_failsNamingTheLine() throws IOException {
    Path file = configFile("port = 9000\njust some words\n");

    assertThatThrownBy(
            () -> SettingsLoader.load(new String[] {"--config", file.toString()}, Map.of()))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("Line 2");
  }

  @Test
  void givenAnUnknownKeyInTheConfigFile_load_failsNamingIt() throws IOException {
    Path file = configFile("port=9000\ns3-bukket=models\n");

    assertThatThrownBy(
            () -> SettingsLoader.load(new String[] {"--config", file.toString()}, Map.of()))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("'s3-bukket'")
        .hasMessageContaining(file.toString());
  }

  @Test
  void givenAnInvalidValueInTheConfigFile_load_failsNamingTheSettingWithoutShowingSecrets()
      throws IOException {
    Path file = configFile("port=ninety\n");
    Path secret = dir.resolve("secret.properties");
    Files.writeString(secret, "bootstrap-admin-key=mr_not-a-key-hunter2\n");

    assertThatThrownBy(
            () -> SettingsLoader.load(new String[] {"--config", file.toString()}, Map.of()))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("--port")
        .hasMessageContaining("ninety");
    assertThatThrownBy(
            () -> SettingsLoader.load(new String[] {"--config", secret.toString()}, Map.of()))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("--bootstrap-admin-key")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void givenAMissingConfigFile_load_failsNamingTheSetting() {
    assertThatThrownBy(
            () ->
                SettingsLoader.load(
                    new String[] {"--config", dir.resolve("absent.properties").toString()},
                    Map.of()))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("--config")
        .hasMessageContaining("absent.properties");
  }

  @Test
  void givenTheConfigSettingInsideTheFile_load_refusesIt() throws IOException {
    Path file = configFile("config=/etc/other.properties\n");

    assertThatThrownBy(
            () -> SettingsLoader.load(new String[] {"--config", file.toString()}, Map.of()))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("'config'");
  }

  @Test
  void givenBadOperationalValues_load_failsNamingTheSetting() {
    assertThatThrownBy(() -> SettingsLoader.load(new String[] {"--log-format", "xml"}, Map.of()))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("--log-format / REGISTRY_LOG_FORMAT")
        .hasMessageContaining("text or json");
    assertThatThrownBy(
            () -> SettingsLoader.load(new String[] {"--shutdown-grace-seconds", "-1"}, Map.of()))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("--shutdown-grace-seconds");
    RegistrySettings defaults = SettingsLoader.load(new String[0], Map.of());
    assertThat(defaults.logFormat()).isEqualTo(RegistrySettings.LogFormat.TEXT);
    assertThat(defaults.shutdownGrace()).hasSeconds(30);
  }

  @Test
  void readme_documentsEverySettingWithItsVariable() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));

    for (SettingsLoader.Setting setting : SettingsLoader.SETTINGS) {
      assertThat(readme)
          .as("README's configuration table row for --%s", setting.flag())
          .contains("| `--" + setting.flag() + "` | `" + setting.environmentVariable() + "` |");
    }
  }
}
