package org.modelregistry.adapter.storage.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.modelregistry.ports.out.ArtifactStore;
import org.modelregistry.ports.out.contract.ArtifactStoreContract;

/** The shared artifact store contract against a fresh folder per test. */
class LocalArtifactStoreContractTest extends ArtifactStoreContract {

  @TempDir Path root;

  @Override
  protected ArtifactStore openStore() {
    return new LocalArtifactStore(root);
  }

  @Override
  protected List<String> leftovers() throws IOException {
    try (Stream<Path> uploads = Files.list(root.resolve(LocalArtifactStore.INCOMING))) {
      return uploads.map(Path::toString).toList();
    }
  }
}
