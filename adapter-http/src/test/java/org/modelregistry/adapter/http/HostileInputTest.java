package org.modelregistry.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.adapter.http.BodyValidationTest.locsAndTypes;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelregistry.adapter.http.ApiFixture.Reply;

/** Inputs a careless or hostile client sends, which must neither break the API nor lose data. */
class HostileInputTest {

  private ApiFixture api;

  @BeforeEach
  void start() {
    api = ApiFixture.start();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void givenHugeExponentNumber_createModel_storesAndRendersItInEveryRoute() {
    String templateId = api.createTemplate(Bodies.templateWithParameters("t"));

    Reply created =
        api.post(
            "/v4/models",
            Bodies.modelFrom(
                templateId, "m", "{\"weights_uri\": \"s3://w\", \"temperature\": 1e10000}"));

    assertThat(created.status()).isEqualTo(200);
    assertThat(created.body()).contains("1E+10000");
    Reply list = api.get("/v4/models");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).contains("1E+10000");
  }

  @Test
  void givenDuplicateKeys_postTemplate_rejectsTheBodyAndStoresNothing() {
    Reply reply =
        api.post(
            "/v4/model-templates",
            Bodies.template("first").replace("{\"name\"", "{\"name\": \"x\", \"name\""));

    assertThat(locsAndTypes(reply)).containsExactly("body:json_invalid");
    assertThat(api.get("/v4/model-templates").json().get("total_item_count").asInt()).isZero();
  }

  @Test
  void givenBrokenPercentEncodingInFilter_listModels_rejectsInsteadOfDroppingTheFilter()
      throws IOException {
    api.post("/v4/models", Bodies.model("m"));

    // java.net.URI refuses to build such a request, so it goes out as raw bytes.
    String response = rawGet("/v4/models?account_id=a3%zz&limit=1%zz");

    assertThat(response).startsWith("HTTP/1.1 422");
    assertThat(response)
        .contains("[\"query\",\"account_id\"]")
        .contains("[\"query\",\"limit\"]")
        .contains("url_encoding");
  }

  private String rawGet(String target) throws IOException {
    try (Socket socket = new Socket("localhost", api.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void givenParameterNameOver255Characters_postTemplate_reportsTooLong() {
    Reply reply =
        api.post(
            "/v4/model-templates",
            Bodies.templateWithParameters("t").replace("\"top_k\"", "\"" + "k".repeat(256) + "\""));

    assertThat(locsAndTypes(reply))
        .containsExactly("body.model_request_parameters_schema.parameters.0.name:string_too_long");
  }

  @Test
  void givenBodyErrorsAndTemplateRuleErrors_postModel_reportsAllInOneResponse() {
    String templateId = api.createTemplate(Bodies.templateWithParameters("t"));
    String body =
        Bodies.modelFrom(templateId, "m", "{\"weights_uri\": \"s3://w\", \"zz\": 1}")
            .replace("\"COMPLETION\"", "\"EMBEDDING\", \"model_vendor\": \"nope\"");

    Reply reply = api.post("/v4/models", body);

    assertThat(locsAndTypes(reply))
        .containsExactlyInAnyOrder(
            "body.model_vendor:enum",
            "body.model_type:value_error",
            "body.model_creation_parameters.zz:extra_forbidden");
    assertThat(api.get("/v4/models").json().get("total_item_count").asInt()).isZero();
  }

  @Test
  void givenUndecodablePath_get_answersInTheErrorShapeNotHtml() throws IOException {
    String response = rawGet("/v4/models/%zz");

    assertThat(response).startsWith("HTTP/1.1 400");
    assertThat(response)
        .contains("application/json")
        .contains("{\"detail\":[{\"loc\":[\"request\"]")
        .doesNotContain("<html");
  }
}
