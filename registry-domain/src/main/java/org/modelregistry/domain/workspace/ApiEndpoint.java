package org.modelregistry.domain.workspace;

import java.util.Objects;
import org.modelregistry.domain.error.Violations;
import org.modelregistry.domain.naming.BoundedText;
import org.modelregistry.domain.registration.Secret;

/**
 * The inference endpoint serving a model. The API key is a {@link Secret}: stored, used by the code
 * that calls the endpoint, never shown; {@link #toString()} only says whether one is set.
 */
public record ApiEndpoint(String url, String modelId, Secret apiKey, String format) {

  public static final int MAX_API_KEY_LENGTH = 8192;

  public ApiEndpoint {
    var violations = Violations.collect();
    if (url == null) {
      violations.add(Violations.MISSING, "url is required", "url");
    } else {
      violations.at("url").attempt(() -> HttpUris.require(url, "url"));
    }
    violations
        .at("model_id")
        .attempt(() -> BoundedText.requireAtMost(modelId, BoundedText.IDENTIFIER_MAX, "model_id"));
    violations
        .at("format")
        .attempt(() -> BoundedText.requireAtMost(format, BoundedText.IDENTIFIER_MAX, "format"));
    if (apiKey != null) {
      // Messages state the bound only; the key itself is never quoted.
      violations.require(
          !apiKey.value().isEmpty(), "string_too_short", "api_key must not be empty", "api_key");
      violations.require(
          apiKey.value().length() <= MAX_API_KEY_LENGTH,
          "string_too_long",
          "api_key must be at most " + MAX_API_KEY_LENGTH + " characters",
          "api_key");
    }
    violations.throwIfAny();
  }

  /** Whether an API key is stored. */
  public boolean hasApiKey() {
    return apiKey != null;
  }

  @Override
  public String toString() {
    return "ApiEndpoint[url="
        + url
        + ", modelId="
        + modelId
        + ", apiKey="
        + (apiKey == null ? "none" : "****")
        + ", format="
        + format
        + "]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ApiEndpoint that
        && url.equals(that.url)
        && Objects.equals(modelId, that.modelId)
        && Objects.equals(apiKey, that.apiKey)
        && Objects.equals(format, that.format);
  }

  @Override
  public int hashCode() {
    return Objects.hash(url, modelId, apiKey, format);
  }
}
