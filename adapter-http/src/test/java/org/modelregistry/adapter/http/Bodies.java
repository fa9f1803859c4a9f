package org.modelregistry.adapter.http;

/** Request bodies shared by the tests, as JSON text. */
final class Bodies {

  static final String ACCOUNT = "acct-1";

  private Bodies() {}

  /** A minimal valid template in {@link #ACCOUNT}. */
  static String template(String name) {
    return """
    {"name": "%s", "account_id": "%s", "endpoint_type": "SYNC", "model_type": "COMPLETION",
     "vendor_configuration": {"bundle_config":
       {"registry": "registry.example", "image": "llm-server", "tag": "1.0"}}}
    """
        .formatted(name, ACCOUNT);
  }

  /**
   * A valid COMPLETION template in {@link #ACCOUNT} whose creation schema declares {@code
   * weights_uri: str} (required), {@code max_tokens: int}, {@code temperature: float} and {@code
   * stream: bool}, and whose request schema declares {@code top_k: int}.
   */
  static String templateWithParameters(String name) {
    return """
    {"name": "%s", "account_id": "%s", "endpoint_type": "SYNC", "model_type": "COMPLETION",
     "vendor_configuration": {"bundle_config":
       {"registry": "registry.example", "image": "llm-server", "tag": "1.0"}},
     "model_creation_parameters_schema": {"parameters": [
       {"name": "weights_uri", "type": "str", "description": "where the weights are", "required": true},
       {"name": "max_tokens", "type": "int", "description": "generation limit", "required": false},
       {"name": "temperature", "type": "float", "description": "sampling", "required": false},
       {"name": "stream", "type": "bool", "description": "stream tokens", "required": false}]},
     "model_request_parameters_schema": {"parameters": [
       {"name": "top_k", "type": "int", "description": "candidates", "required": false}]}}
    """
        .formatted(name, ACCOUNT);
  }

  /** A minimal valid model in {@link #ACCOUNT}. */
  static String model(String name) {
    return """
    {"name": "%s", "account_id": "%s", "model_type": "COMPLETION"}
    """
        .formatted(name, ACCOUNT);
  }

  /** A model of {@link #templateWithParameters} with the given creation parameters (JSON). */
  static String modelFrom(String templateId, String name, String creationParameters) {
    return """
    {"name": "%s", "account_id": "%s", "model_type": "COMPLETION",
     "model_template_id": "%s", "model_creation_parameters": %s}
    """
        .formatted(name, ACCOUNT, templateId, creationParameters);
  }
}
