package org.modelregistry.adapter.http;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The response checker the route tests rely on refuses what the document does not allow. */
class OpenApiContractTest {

  private static final HttpHeaders JSON_TYPE =
      HttpHeaders.of(Map.of("Content-Type", List.of("application/json")), (name, value) -> true);

  private final OpenApiContract contract = OpenApiContract.shared();

  @Test
  void givenDocumentedStatusAndBody_check_passes() {
    assertThatCode(
            () ->
                contract.checkOrThrow(
                    "GET", "/admin/identities", 403, JSON_TYPE, bytes("{\"detail\": \"no\"}")))
        .doesNotThrowAnyException();
  }

  @Test
  void givenUndocumentedStatus_check_fails() {
    assertThatThrownBy(
            () -> contract.checkOrThrow("GET", "/v4/models", 418, JSON_TYPE, bytes("{}")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("GET /v4/models")
        .hasMessageContaining("418");
  }

  @Test
  void givenBodyNotMatchingTheSchema_check_fails() {
    assertThatThrownBy(
            () ->
                contract.checkOrThrow(
                    "GET", "/admin/identities", 200, JSON_TYPE, bytes("{\"items\": 1}")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("does not match");
  }

  @Test
  void givenRegistrationErrorInTheOtherFamilysShape_check_fails() {
    assertThatThrownBy(
            () ->
                contract.checkOrThrow(
                    "GET", "/api/v1.0/models", 401, JSON_TYPE, bytes("{\"detail\": \"no key\"}")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("does not match");
  }

  @Test
  void givenFileUnderNestedPath_check_findsTheFileRoute() {
    assertThatThrownBy(
            () ->
                contract.checkOrThrow(
                    "GET", "/api/v1.0/model/m/1/files/a/b.bin", 201, JSON_TYPE, bytes("{}")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("/api/v1.0/model/{name}/{version}/files/{path}");
  }

  @Test
  void givenPathNoOperationAnswers_check_leavesItAlone() {
    assertThatCode(
            () -> contract.checkOrThrow("PUT", "/nowhere", 404, JSON_TYPE, bytes("{\"x\": 1}")))
        .doesNotThrowAnyException();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
