package org.modelregistry.app.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.modelregistry.app.RegistryApplication;
import org.modelregistry.app.SettingsLoader;

/** The registry configured with {@code --storage s3}, against a real S3 server (S3Proxy). */
class S3StorageSystemTest {

  private static final String ACCESS_KEY = "registry-access";
  private static final String SECRET_KEY = "registry-secret-do-not-print";
  private static final String BUCKET = "models";
  private static final byte[] WEIGHTS = new byte[300_000];

  static {
    new java.util.Random(3).nextBytes(WEIGHTS);
  }

  @RegisterExtension
  final S3ProxyExtension s3 =
      S3ProxyExtension.builder()
          .withBlobStoreProvider("transient")
          .withCredentials(ACCESS_KEY, SECRET_KEY)
          .build();

  @TempDir Path dataDir;
  private final HttpClient http = HttpClient.newHttpClient();
  private SourceServer source;
  private RegistryApplication app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    if (source != null) {
      source.close();
    }
  }

  @Test
  void givenS3Storage_register_storesTheFilesInTheBucketAndDeleteRemovesThem() throws Exception {
    source =
        new SourceServer()
            .put("weights.bin", WEIGHTS)
            .put("entry.py", "print(1)\n".getBytes())
            .put("env.yml", "name: e\n".getBytes());
    app =
        RegistryApplication.start(
            SettingsLoader.load(
                new String[] {
                  "--port",
                  "0",
                  "--host",
                  "127.0.0.1",
                  "--data-dir",
                  dataDir.toString(),
                  "--import-allowed-hosts",
                  source.hostAndPort(),
                  "--storage",
                  "s3",
                  "--s3-endpoint",
                  s3.getUri().toString(),
                  "--s3-bucket",
                  BUCKET,
                  "--s3-prefix",
                  "registry/",
                  "--s3-access-key",
                  ACCESS_KEY
                },
                Map.of("REGISTRY_S3_SECRET_KEY", SECRET_KEY, "REGISTRY_AUTHENTICATION", "local")));

    HttpResponse<String> registered =
        send("PUT", "/api/v1.0/model/enc/1.0?wait=true&timeout=30", body());
    assertThat(registered.statusCode()).isEqualTo(201);
    assertThat(registered.body()).contains("\"state\":\"READY\"");
    assertThat(objectKeys()).hasSize(3).allMatch(key -> key.startsWith("registry/"));

    HttpResponse<byte[]> download =
        http.send(
            request("/api/v1.0/model/enc/1.0/files/weights.bin").GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(WEIGHTS);

    assertThat(send("DELETE", "/api/v1.0/model/enc/1.0", null).statusCode()).isEqualTo(204);
    assertThat(objectKeys()).isEmpty();
  }

  private List<String> objectKeys() throws Exception {
    return EncoderRegistrations.objectKeys(s3.getUri(), ACCESS_KEY, SECRET_KEY, BUCKET);
  }

  private String body() {
    return EncoderRegistrations.body(source, "/files/weights.bin");
  }

  private HttpRequest.Builder request(String path) {
    return EncoderRegistrations.request(app.port(), path);
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return EncoderRegistrations.send(http, app.port(), method, path, body);
  }
}
