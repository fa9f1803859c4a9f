package org.modelregistry.adapter.storage.external;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.modelregistry.adapter.storage.fetch.FetchSettings;
import org.modelregistry.domain.registration.Secret;
import org.modelregistry.ports.out.SecretStore;

/** Settings and secrets for the external source tests. */
final class TestSources {

  private TestSources() {}

  /** Short timeouts, and {@code allowedHosts} reached although they are loopback addresses. */
  static FetchSettings settings(String... allowedHosts) {
    return new FetchSettings(
        Duration.ofSeconds(5), Duration.ofSeconds(5), 5, List.of(allowedHosts), "registry-test");
  }

  /** A secret store holding {@code values} by reference name. */
  static SecretStore secrets(Map<String, String> values) {
    return ref -> Optional.ofNullable(values.get(ref.value())).map(Secret::new);
  }
}
