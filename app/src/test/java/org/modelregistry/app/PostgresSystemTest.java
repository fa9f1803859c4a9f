package org.modelregistry.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole registry on PostgreSQL (18, started in-process): configured by JDBC URL, user and
 * password, it migrates an empty database, serves requests, and keeps what they wrote across a
 * restart. Two nodes on the one database see each other's writes and agree on names.
 */
class PostgresSystemTest {

  private static EmbeddedPostgres postgres;
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path dataDir;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE USER registry WITH PASSWORD 'pg-secret-123'");
      statement.execute("CREATE DATABASE registry OWNER registry");
    }
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  private RegistryApplication start() {
    return RegistryApplication.start(
        SettingsLoader.load(
            new String[] {
              "--port",
              "0",
              "--host",
              "127.0.0.1",
              "--data-dir",
              dataDir.toString(),
              "--database-url",
              "jdbc:postgresql://localhost:" + postgres.getPort() + "/registry",
              "--database-user",
              "registry",
              "--database-pool-size",
              "4"
            },
            Map.of(
                "REGISTRY_DATABASE_PASSWORD", "pg-secret-123",
                "REGISTRY_AUTHENTICATION", "local",
                "REGISTRY_LOCAL_USER_ID", "pg-test")));
  }

  private HttpResponse<String> send(
      RegistryApplication app, String method, String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String template(String name) {
    return """
        {"name": "%s", "account_id": "acct", "endpoint_type": "SYNC", "model_type": "COMPLETION",
         "vendor_configuration": {"bundle_config":
           {"registry": "r.example", "image": "llm", "tag": "1"}}}
        """
        .formatted(name);
  }

  @Test
  void givenPostgres_twoNodes_shareTheirWritesAndRefuseATakenNameAndKeepThemAcrossRestarts()
      throws Exception {
    String id;
    try (RegistryApplication one = start();
        RegistryApplication two = start()) {
      HttpResponse<String> created = send(one, "POST", "/v4/model-templates", template("shared"));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
      id = created.body().replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");

      assertThat(send(two, "GET", "/v4/model-templates/" + id, null).statusCode()).isEqualTo(200);
      HttpResponse<String> again = send(two, "POST", "/v4/model-templates", template("shared"));
      assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
      HttpResponse<String> fileset =
          send(two, "POST", "/apis/files/v2/workspaces/team/filesets", "{\"name\": \"weights\"}");
      assertThat(fileset.statusCode()).as(fileset.body()).isEqualTo(201);
      // PostgreSQL cannot store NUL in text: refused with the field, as on SQLite, never a 500.
      HttpResponse<String> nul =
          send(
              two,
              "POST",
              "/apis/files/v2/workspaces/team/filesets",
              "{\"name\": \"nul\", \"description\": \"a\\u0000b\"}");
      assertThat(nul.statusCode()).as(nul.body()).isEqualTo(422);
      assertThat(nul.body()).contains("description");
      assertThat(
              send(one, "GET", "/apis/files/v2/workspaces/team/filesets/weights", null)
                  .statusCode())
          .isEqualTo(200);
    }
    try (RegistryApplication restarted = start()) {
      HttpResponse<String> found = send(restarted, "GET", "/v4/model-templates/" + id, null);
      assertThat(found.statusCode()).isEqualTo(200);
      assertThat(found.body()).contains("\"created_by_user_id\":\"pg-test\"");
    }
  }
}
