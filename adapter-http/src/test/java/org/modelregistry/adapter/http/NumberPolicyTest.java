package org.modelregistry.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.modelregistry.adapter.http.ApiFixture.Reply;
import org.modelregistry.domain.model.ModelDefinition;
import org.modelregistry.domain.testdata.TestNumbers;
import org.modelregistry.ports.in.RegistryUseCases;
import tools.jackson.databind.node.ObjectNode;

/**
 * Numbers in request bodies reach the domain in the domain's number policy, the same form the
 * persistence adapter reads stored documents back into (it tests against the same {@link
 * TestNumbers}), and responses render them so that they read back identically.
 */
class NumberPolicyTest {

  private final JsonCodec codec = new JsonCodec();
  private ApiFixture api;

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
  }

  private Map<String, Object> read(String json) {
    return codec.toPlainMap((ObjectNode) codec.parse(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void givenEveryKindOfNumber_toPlainMap_readsEachInThePolicysType() {
    assertThat(read(TestNumbers.PARAMETERS_JSON)).isEqualTo(TestNumbers.parameters());
  }

  @Test
  void givenAPolicyDocument_renderThenRead_returnsItUnchanged() {
    String rendered = codec.mapper().writeValueAsString(TestNumbers.parameters());

    assertThat(read(rendered)).isEqualTo(TestNumbers.parameters());
  }

  @Test
  void givenEveryKindOfNumber_createModel_handsThemToTheUseCaseAndEchoesThemIdentically() {
    AtomicReference<ModelDefinition> received = new AtomicReference<>();
    api =
        ApiFixture.start(
            HttpSettings.forLocalIdentity(ApiFixture.LOCAL),
            real ->
                new RegistryUseCases(
                    real.createTemplate(),
                    real.getTemplate(),
                    real.listTemplates(),
                    real.deleteTemplate(),
                    command -> {
                      received.set(command.definition());
                      return real.createModel().createModel(command);
                    },
                    real.getModel(),
                    real.listModels(),
                    real.updateModel(),
                    real.deleteModel(),
                    real.registration(),
                    real.workspace(),
                    real.identity()));
    String templateId =
        api.createTemplate(
            Bodies.template("numbers")
                .replace(
                    "\"model_type\": \"COMPLETION\",",
                    "\"model_type\": \"COMPLETION\", \"model_creation_parameters_schema\": "
                        + TestNumbers.parameterSchemaJson()
                        + ","));

    Reply created =
        api.post(
            "/v4/models", Bodies.modelFrom(templateId, "numbers", TestNumbers.PARAMETERS_JSON));

    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(received.get().modelCreationParameters()).isEqualTo(TestNumbers.parameters());
    assertThat(creationParameters(created)).isEqualTo(TestNumbers.parameters());
    Reply fetched = api.get("/v4/models/" + created.json().get("id").stringValue());
    assertThat(creationParameters(fetched)).isEqualTo(TestNumbers.parameters());
  }

  /** A response's creation parameters, read back as a request body would be. */
  private Map<String, Object> creationParameters(Reply reply) {
    @SuppressWarnings("unchecked")
    Map<String, Object> parameters =
        (Map<String, Object>) read(reply.body()).get("model_creation_parameters");
    return parameters;
  }
}
