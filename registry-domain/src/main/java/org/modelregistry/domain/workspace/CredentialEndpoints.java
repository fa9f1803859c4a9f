package org.modelregistry.domain.workspace;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.error.Violations;

/**
 * Where the registry may send the secrets fileset storages name. Endpoints come from users, so a
 * storage naming a secret together with an endpoint of its own choosing could otherwise carry the
 * secret to any server: the public default endpoints (AWS S3, huggingface.co) and the origins the
 * operator lists here are the only ones credentials go to. Storages without secrets may read any
 * endpoint the fetch guard admits.
 *
 * @param origins approved {@code scheme://host[:port]} origins, normalised (lower case, default
 *     ports dropped)
 */
public record CredentialEndpoints(List<String> origins) {

  /** Credentials go to the public default endpoints only. */
  public static final CredentialEndpoints DEFAULTS_ONLY = new CredentialEndpoints(List.of());

  public CredentialEndpoints {
    origins = List.copyOf(origins);
  }

  /**
   * The policy approving {@code origins} besides the defaults.
   *
   * @throws ValidationException when one is not an http(s) origin without path, query or user
   */
  public static CredentialEndpoints of(String... origins) {
    return new CredentialEndpoints(
        java.util.Arrays.stream(origins).map(CredentialEndpoints::requireOrigin).toList());
  }

  /**
   * Records a violation at {@code storage}'s endpoint field (below {@code at}) when it names
   * secrets and an endpoint that is neither a default nor approved.
   */
  public void check(FilesetStorage storage, Violations at) {
    refusal(storage).ifPresent(r -> at.add("endpoint_not_approved", r.getValue(), r.getKey()));
  }

  /** Whether {@code storage}'s secrets may go to its endpoint. */
  public boolean allows(FilesetStorage storage) {
    return refusal(storage).isEmpty();
  }

  /** The endpoint field and the reason, when {@code storage}'s secrets may not go there. */
  private Optional<Map.Entry<String, String>> refusal(FilesetStorage storage) {
    if (storage == null || storage.secrets().isEmpty()) {
      return Optional.empty();
    }
    return storage
        .customEndpoint()
        .filter(endpoint -> !origins.contains(originOf(endpoint.getValue())))
        .map(
            endpoint ->
                Map.entry(
                    endpoint.getKey(),
                    "secrets are sent only to the public default endpoints and to endpoints the"
                        + " operator approved (--credential-endpoints); "
                        + originOf(endpoint.getValue())
                        + " is not one"));
  }

  /** {@code scheme://host[:port]} of an http(s) URL, lower case, default port dropped. */
  static String originOf(String url) {
    URI uri = URI.create(url);
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    boolean defaultPort =
        port == -1
            || (scheme.equals("http") && port == 80)
            || (scheme.equals("https") && port == 443);
    return scheme
        + "://"
        + uri.getHost().toLowerCase(Locale.ROOT)
        + (defaultPort ? "" : ":" + port);
  }

  private static String requireOrigin(String text) {
    URI uri = HttpUris.require(text, "a credential endpoint");
    boolean bare =
        (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
            && uri.getRawQuery() == null
            && uri.getRawFragment() == null
            && uri.getRawUserInfo() == null;
    if (!bare) {
      throw ValidationException.of(
          "a credential endpoint is an origin, scheme://host[:port], without path, query or user",
          "url_parsing");
    }
    return originOf(text);
  }
}
