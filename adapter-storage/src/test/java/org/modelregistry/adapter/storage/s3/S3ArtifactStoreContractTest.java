package org.modelregistry.adapter.storage.s3;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import java.util.ArrayList;
import java.util.List;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.modelregistry.ports.out.ArtifactStore;
import org.modelregistry.ports.out.contract.ArtifactStoreContract;

/**
 * The shared artifact store contract against a real S3 server in this process (S3Proxy over an
 * in-memory blob store, one fresh server per test), with the smallest part size so that the suite's
 * multi-MiB files go through multipart uploads.
 */
class S3ArtifactStoreContractTest extends ArtifactStoreContract {

  static final String BUCKET = "artifacts";
  static final String PREFIX = "tenant-1/store";

  @RegisterExtension final S3ProxyExtension s3 = S3Servers.extension();

  @Override
  protected ArtifactStore openStore() {
    return S3ArtifactStore.open(
        S3Servers.settings(s3, BUCKET, PREFIX), S3ArtifactStore.MIN_PART_SIZE);
  }

  /**
   * S3 answers a HEAD with one object version's length and metadata together; S3Proxy's in-memory
   * blob store, under concurrent replacement of one key, now and then answers one version's length
   * with another's metadata. Reads (checked by content) stay whole either way.
   */
  @Override
  protected boolean statsAreAtomicUnderConcurrentWrites() {
    return false;
  }

  @Override
  protected List<String> leftovers() throws Exception {
    try (MinioClient client = S3Servers.client(s3)) {
      var names = new ArrayList<String>();
      for (Result<Item> result :
          client.listObjects(
              ListObjectsArgs.builder()
                  .bucket(BUCKET)
                  .prefix(PREFIX + "/" + S3ArtifactStore.INCOMING)
                  .recursive(true)
                  .build())) {
        names.add(result.get().objectName());
      }
      return names;
    }
  }
}
