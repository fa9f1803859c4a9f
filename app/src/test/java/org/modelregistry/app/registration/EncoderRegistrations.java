package org.modelregistry.app.registration;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the registration system tests on S3 share: the registration body of a small encoder whose
 * three files a {@link SourceServer} serves, requests to a node by port, and the keys in a bucket.
 */
final class EncoderRegistrations {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private EncoderRegistrations() {}

  /**
   * An ENCODER with {@code weights.bin} from {@code weightsPath} of {@code source} ({@code
   * /files/weights.bin}, or {@code /gated/weights.bin} to stall it) and two small files.
   */
  static String body(SourceServer source, String weightsPath) {
    return JSON.writeValueAsString(
        Map.of(
            "model_config",
            Map.of(
                "type",
                "ENCODER",
                "inference_properties",
                Map.of("entry_script", "entry.py", "conda_env", "env.yml")),
            "model_files",
            Map.of(
                "weights.bin", source.url(weightsPath),
                "entry.py", source.url("/files/entry.py"),
                "env.yml", source.url("/files/env.yml")),
            "model_metainfo",
            Map.of(
                "description", "an encoder",
                "index_page_file", "entry.py",
                "input_types", List.of("OTHER"),
                "input_description", "bytes",
                "output_types", List.of("OTHER"),
                "output_description", "bytes",
                "num_params", 1)));
  }

  /** Every object key in {@code bucket} of the S3 server at {@code endpoint}. */
  static List<String> objectKeys(URI endpoint, String accessKey, String secretKey, String bucket)
      throws Exception {
    MinioClient client =
        MinioClient.builder()
            .endpoint(endpoint.toString())
            .region("us-east-1")
            .credentials(accessKey, secretKey)
            .build();
    var keys = new ArrayList<String>();
    for (Result<Item> item :
        client.listObjects(ListObjectsArgs.builder().bucket(bucket).recursive(true).build())) {
      keys.add(item.get().objectName());
    }
    return keys;
  }

  static HttpRequest.Builder request(int port, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(60));
  }

  /** {@code method path} with a JSON {@code body} (or none) to the node on {@code port}. */
  static HttpResponse<String> send(
      HttpClient http, int port, String method, String path, String body) throws Exception {
    return http.send(
        request(port, path)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
