package org.modelregistry.app;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.modelregistry.application.registration.ImportSettings;

/**
 * How model files are fetched and imported.
 *
 * @param importer parallelism, limits, retries and the restart rule of the importer
 * @param allowedHosts {@code host} or {@code host:port} entries admitted even when they resolve to
 *     an address the fetch guard blocks (loopback, private networks...)
 * @param connectTimeout how long to wait for a source's connection
 * @param readTimeout how long a source may stay silent while sending
 * @param maxRedirects how many redirects one fetch follows
 * @param nodeId this node's name in the import claims, unique among the nodes of one database
 * @param leaseDuration how long an import claim lasts unrenewed before another node takes over
 */
public record ImportOptions(
    ImportSettings importer,
    List<String> allowedHosts,
    Duration connectTimeout,
    Duration readTimeout,
    int maxRedirects,
    String nodeId,
    Duration leaseDuration) {

  public ImportOptions {
    Objects.requireNonNull(importer, "importer");
    allowedHosts = List.copyOf(allowedHosts);
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(leaseDuration, "leaseDuration");
  }
}
