package org.modelregistry.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.adapter.http.WorkspaceReplies.assertConforms;
import static org.modelregistry.adapter.http.WorkspaceReplies.locs;

import com.networknt.schema.SchemaRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modelregistry.adapter.http.ApiFixture.Reply;

/**
 * The files of a fileset: {@code .../filesets/{name}/-/{path}} (upload, download, ranges,
 * conditions, delete) and {@code .../filesets/{name}/files}. The server's JSON body limit is small
 * here, so that uploads are seen to pass it.
 */
class FilesetFileRoutesTest {

  private static final int SMALL_LIMIT = 1024;
  private static final String FILESETS = "/apis/files/v2/workspaces/team/filesets";
  private static final String DATA = FILESETS + "/data";
  private static final String TEXT = "0123456789abcdefghij";

  private ApiFixture api;

  @BeforeEach
  void start() {
    api =
        ApiFixture.start(
            HttpSettings.forLocalIdentity(ApiFixture.LOCAL).withMaxRequestBodyBytes(SMALL_LIMIT));
    createFileset("{\"name\": \"data\"}");
  }

  @AfterEach
  void stop() {
    api.close();
  }

  // --- upload and download

  @Test
  void givenUpload_put_answersTheFileAndGetStreamsItBack() throws Exception {
    Reply put = upload("a/b.txt", TEXT.getBytes(StandardCharsets.UTF_8));

    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(put.json())
        .isEqualTo(
            ApiFixture.json(
                """
                {"file_ref": "team/data/a/b.txt",
                 "file_url": "/apis/files/v2/workspaces/team/filesets/data/-/a/b.txt",
                 "path": "a/b.txt", "size": 20, "cache_status": "not_cacheable"}
                """));

    Reply got = api.get(put.json().get("file_url").stringValue());

    assertThat(got.status()).isEqualTo(200);
    assertThat(got.body()).isEqualTo(TEXT);
    assertThat(got.contentType()).isEqualTo("application/octet-stream");
    assertThat(got.header("Content-Length")).isEqualTo("20");
    assertThat(got.header("ETag")).isEqualTo(etagOf(TEXT.getBytes(StandardCharsets.UTF_8)));
    assertThat(got.header("Accept-Ranges")).isEqualTo("bytes");
    assertThat(got.header("Content-Range")).isNull();
  }

  @Test
  void givenUploadLargerThanTheJsonBodyLimit_putDeclaredOrChunked_storesEveryByte() {
    byte[] big = bigContent(300_000);
    byte[] other = bigContent(200_000);

    Reply declared = upload("big.bin", big);
    Reply chunked =
        api.send(
            "PUT",
            fileUrl("chunked.bin"),
            BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(other)));

    assertThat(declared.status()).as(declared.body()).isEqualTo(200);
    assertThat(declared.json().get("size").longValue()).isEqualTo(300_000L);
    assertThat(chunked.status()).as(chunked.body()).isEqualTo(200);
    assertThat(chunked.json().get("size").longValue()).isEqualTo(200_000L);
    assertThat(api.get(fileUrl("big.bin")).bytes()).isEqualTo(big);
    assertThat(api.get(fileUrl("chunked.bin")).bytes()).isEqualTo(other);
    // The limit itself still holds for JSON bodies on the same server.
    Reply json =
        api.post(FILESETS, "{\"name\": \"x\", \"description\": \"" + "d".repeat(2000) + "\"}");
    assertThat(json.status()).isEqualTo(413);
  }

  @Test
  void givenAnUploadOverTheUploadLimit_putDeclaredOrChunked_is413AndStoresNothing() {
    try (var limited =
        ApiFixture.start(
            HttpSettings.forLocalIdentity(ApiFixture.LOCAL).withMaxUploadBytes(1000))) {
      limited.workspace().fileset("team", "data");
      String file = FILESETS + "/data/-/";
      byte[] tooBig = bigContent(1001);

      Reply declared = limited.send("PUT", file + "a.bin", BodyPublishers.ofByteArray(tooBig));
      Reply chunked =
          limited.send(
              "PUT",
              file + "b.bin",
              BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooBig)));
      Reply fits =
          limited.send("PUT", file + "c.bin", BodyPublishers.ofByteArray(bigContent(1000)));

      assertThat(declared.status()).as(declared.body()).isEqualTo(413);
      assertThat(chunked.status()).as(chunked.body()).isEqualTo(413);
      assertThat(declared.body()).contains("at most 1000 bytes");
      assertThat(fits.status()).as(fits.body()).isEqualTo(200);
      assertThat(limited.get(file + "a.bin").status()).isEqualTo(404);
      assertThat(limited.get(file + "b.bin").status()).isEqualTo(404);
    }
  }

  @Test
  void givenFormContentType_put_storesTheBodyAsItIs() {
    Reply put =
        api.send(
            "PUT",
            fileUrl("form.txt"),
            BodyPublishers.ofString("a=1&b=2"),
            "Content-Type",
            "application/x-www-form-urlencoded");

    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(api.get(fileUrl("form.txt")).body()).isEqualTo("a=1&b=2");
  }

  @Test
  void givenEmptyUpload_put_storesAnEmptyFile() {
    Reply put = upload("empty.txt", new byte[0]);
    Reply got = api.get(fileUrl("empty.txt"));
    Reply ranged = api.send("GET", fileUrl("empty.txt"), noBody(), "Range", "bytes=0-0");

    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(put.json().get("size").longValue()).isZero();
    assertThat(got.status()).isEqualTo(200);
    assertThat(got.bytes()).isEmpty();
    assertThat(got.header("Content-Length")).isEqualTo("0");
    assertThat(ranged.status()).isEqualTo(416);
  }

  @Test
  void givenNameNeedingEncoding_fileUrl_isPercentEncodedAndServesTheFile() {
    String path = "dir with space/a+b ü.txt";
    String encoded = "dir%20with%20space/a%2Bb%20%C3%BC.txt";

    Reply put = api.send("PUT", DATA + "/-/" + encoded, BodyPublishers.ofString("x"));

    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(put.json().get("path").stringValue()).isEqualTo(path);
    assertThat(put.json().get("file_ref").stringValue()).isEqualTo("team/data/" + path);
    assertThat(put.json().get("file_url").stringValue()).isEqualTo(DATA + "/-/" + encoded);
    assertThat(api.get(put.json().get("file_url").stringValue()).body()).isEqualTo("x");
  }

  @Test
  void givenExistingFile_put_replacesItWithANewTag() {
    upload("f.txt", bytes("old"));
    String oldTag = tagOf("f.txt");

    Reply replaced = upload("f.txt", bytes("new content"));
    Reply got = api.send("GET", fileUrl("f.txt"), noBody(), "If-None-Match", oldTag);

    assertThat(replaced.status()).isEqualTo(200);
    assertThat(replaced.json().get("size").longValue()).isEqualTo(11);
    assertThat(got.status()).isEqualTo(200);
    assertThat(got.body()).isEqualTo("new content");
    assertThat(got.header("ETag")).isNotEqualTo(oldTag).isEqualTo(etagOf(bytes("new content")));
  }

  // --- ranges and conditions

  @Test
  void givenRanges_get_answers206WithThoseBytes() {
    upload("r.txt", bytes(TEXT));

    Reply closed = api.send("GET", fileUrl("r.txt"), noBody(), "Range", "bytes=2-5");
    Reply suffix = api.send("GET", fileUrl("r.txt"), noBody(), "Range", "bytes=-3");
    Reply open = api.send("GET", fileUrl("r.txt"), noBody(), "Range", "bytes=15-");

    assertThat(closed.status()).isEqualTo(206);
    assertThat(closed.body()).isEqualTo("2345");
    assertThat(closed.header("Content-Range")).isEqualTo("bytes 2-5/20");
    assertThat(closed.header("Content-Length")).isEqualTo("4");
    assertThat(suffix.status()).isEqualTo(206);
    assertThat(suffix.body()).isEqualTo("hij");
    assertThat(suffix.header("Content-Range")).isEqualTo("bytes 17-19/20");
    assertThat(open.status()).isEqualTo(206);
    assertThat(open.body()).isEqualTo("fghij");
    assertThat(open.header("Content-Range")).isEqualTo("bytes 15-19/20");
  }

  @Test
  void givenRangeInTheMiddleOfABigFile_get_answersExactlyThoseBytes() {
    byte[] big = bigContent(300_000);
    upload("big.bin", big);

    Reply reply = api.send("GET", fileUrl("big.bin"), noBody(), "Range", "bytes=70000-200000");

    assertThat(reply.status()).isEqualTo(206);
    assertThat(reply.bytes()).isEqualTo(Arrays.copyOfRange(big, 70_000, 200_001));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bytes=20-", "bytes=25-30", "bytes=-0"})
  void givenRangeOutsideTheFile_get_answers416WithTheSize(String range) {
    upload("r.txt", bytes(TEXT));

    Reply reply = api.send("GET", fileUrl("r.txt"), noBody(), "Range", range);

    assertThat(reply.status()).isEqualTo(416);
    assertThat(reply.header("Content-Range")).isEqualTo("bytes */20");
    assertThat(reply.json().get("detail").isString()).isTrue();
  }

  @Test
  void givenIfRange_get_answersTheRangeOnlyForTheCurrentTag() {
    upload("r.txt", bytes(TEXT));
    String tag = tagOf("r.txt");

    Reply stale =
        api.send("GET", fileUrl("r.txt"), noBody(), "Range", "bytes=0-1", "If-Range", "\"old\"");
    Reply current =
        api.send("GET", fileUrl("r.txt"), noBody(), "Range", "bytes=0-1", "If-Range", tag);

    assertThat(stale.status()).isEqualTo(200);
    assertThat(stale.body()).isEqualTo(TEXT);
    assertThat(current.status()).isEqualTo(206);
    assertThat(current.body()).isEqualTo("01");
  }

  @Test
  void givenIfNoneMatchNamingTheFile_getAndHead_answer304WithoutBody() {
    upload("r.txt", bytes(TEXT));
    String tag = tagOf("r.txt");

    Reply get = api.send("GET", fileUrl("r.txt"), noBody(), "If-None-Match", tag);
    Reply head = api.head(fileUrl("r.txt"), "If-None-Match", "\"other\", W/" + tag);
    Reply other = api.send("GET", fileUrl("r.txt"), noBody(), "If-None-Match", "\"other\"");

    assertThat(get.status()).isEqualTo(304);
    assertThat(get.bytes()).isEmpty();
    assertThat(get.header("ETag")).isEqualTo(tag);
    assertThat(head.status()).isEqualTo(304);
    assertThat(other.status()).isEqualTo(200);
    assertThat(other.body()).isEqualTo(TEXT);
  }

  @Test
  void givenHead_answersTheHeadersOfAGetWithoutBody() {
    upload("r.txt", bytes(TEXT));

    Reply whole = api.head(fileUrl("r.txt"));
    Reply ranged = api.head(fileUrl("r.txt"), "Range", "bytes=0-3");

    assertThat(whole.status()).isEqualTo(200);
    assertThat(whole.bytes()).isEmpty();
    assertThat(whole.header("Content-Length")).isEqualTo("20");
    assertThat(whole.header("ETag")).isEqualTo(etagOf(bytes(TEXT)));
    assertThat(whole.header("Accept-Ranges")).isEqualTo("bytes");
    assertThat(whole.contentType()).isEqualTo("application/octet-stream");
    assertThat(ranged.status()).isEqualTo(206);
    assertThat(ranged.bytes()).isEmpty();
    assertThat(ranged.header("Content-Range")).isEqualTo("bytes 0-3/20");
    assertThat(ranged.header("Content-Length")).isEqualTo("4");
  }

  // --- delete and list

  @Test
  void givenFile_delete_answersWhatItWasThenTheFileIsGone() {
    upload("a/b.txt", bytes(TEXT));

    Reply deleted = api.delete(fileUrl("a/b.txt"));

    assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
    assertThat(deleted.json().get("path").stringValue()).isEqualTo("a/b.txt");
    assertThat(deleted.json().get("size").longValue()).isEqualTo(20);
    assertThat(deleted.json().get("file_ref").stringValue()).isEqualTo("team/data/a/b.txt");
    assertThat(api.get(fileUrl("a/b.txt")).status()).isEqualTo(404);
    assertThat(api.delete(fileUrl("a/b.txt")).status()).isEqualTo(404);
    assertThat(api.get(DATA + "/files").json().get("data").size()).isZero();
  }

  @Test
  void givenFiles_list_answersThemInPathOrderFilteredByPrefix() {
    for (String path : List.of("z.bin", "a/c.txt", "data.csv", "a/b.txt", "ab.txt")) {
      upload(path, bytes(path));
    }

    Reply all = api.get(DATA + "/files");
    Reply folder = api.get(DATA + "/files?path=a/");
    Reply prefix = api.get(DATA + "/files?path=a&include_cache_status=true");
    Reply none = api.get(DATA + "/files?path=nothing");

    assertThat(all.status()).isEqualTo(200);
    assertThat(paths(all)).containsExactly("a/b.txt", "a/c.txt", "ab.txt", "data.csv", "z.bin");
    assertThat(all.json().get("data").get(0))
        .isEqualTo(
            ApiFixture.json(
                """
                {"file_ref": "team/data/a/b.txt",
                 "file_url": "/apis/files/v2/workspaces/team/filesets/data/-/a/b.txt",
                 "path": "a/b.txt", "size": 7, "cache_status": "not_cacheable"}
                """));
    assertThat(paths(folder)).containsExactly("a/b.txt", "a/c.txt");
    assertThat(paths(prefix)).containsExactly("a/b.txt", "a/c.txt", "ab.txt");
    assertThat(paths(none)).isEmpty();
  }

  @Test
  void givenNotABoolean_listIncludeCacheStatus_answers422AtTheQuery() {
    Reply reply = api.get(DATA + "/files?include_cache_status=maybe");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(locs(reply)).containsExactly(List.of("query", "include_cache_status"));
  }

  // --- refusals

  @Test
  void givenNoSuchFileset_everyRoute_answers404() {
    String missing = FILESETS + "/nope/-/a.txt";

    Reply put = api.send("PUT", missing, BodyPublishers.ofString("x"));

    assertThat(put.status()).isEqualTo(404);
    assertThat(put.json().get("detail").stringValue()).contains("nope");
    assertThat(api.get(missing).status()).isEqualTo(404);
    assertThat(api.head(missing).status()).isEqualTo(404);
    assertThat(api.delete(missing).status()).isEqualTo(404);
    assertThat(api.get(FILESETS + "/nope/files").status()).isEqualTo(404);
  }

  @Test
  void givenNoSuchFile_getHeadAndDelete_answer404() {
    upload("a/b.txt", bytes(TEXT));

    Reply get = api.get(fileUrl("missing.txt"));

    assertThat(get.status()).isEqualTo(404);
    assertThat(get.json().get("detail").stringValue()).contains("missing.txt");
    assertThat(get.header("ETag")).isNull();
    assertThat(api.get(fileUrl("a")).status()).isEqualTo(404);
    assertThat(api.head(fileUrl("missing.txt")).status()).isEqualTo(404);
    assertThat(api.delete(fileUrl("missing.txt")).status()).isEqualTo(404);
  }

  @Test
  void givenFilesetAtAnExternalSource_putAndDelete_answer409() {
    api.workspace().externalFileset("team", "hub");
    String file = FILESETS + "/hub/-/config.json";

    Reply put = api.send("PUT", file, BodyPublishers.ofString("{}"));
    Reply delete = api.delete(file);

    assertThat(put.status()).as(put.body()).isEqualTo(409);
    assertThat(put.json().get("detail").stringValue()).contains("huggingface");
    assertThat(delete.status()).as(delete.body()).isEqualTo(409);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "..",
        "a/../b.txt",
        "../../../../etc/passwd",
        "%2e%2e/b.txt",
        "a/%2E%2E/b.txt",
        "a%2F..%2Fb.txt",
        "a/./b.txt",
        "a%5Cb.txt",
        "a//b.txt",
        "%2Fb.txt",
        "b.txt%0A",
        "a/"
      })
  void givenPathLeavingOrBendingTheFileName_putAndGet_answer422AtThePathAndStoreNothing(String path)
      throws IOException {
    String put = raw("PUT", DATA + "/-/" + path, "Content-Length: 1\r\n", "x");
    String get = raw("GET", DATA + "/-/" + path, "", "");

    assertThat(put).startsWith("HTTP/1.1 422");
    assertThat(locs(bodyOf(put))).containsExactly(List.of("path", "path"));
    assertThat(get).startsWith("HTTP/1.1 422");
    assertThat(locs(bodyOf(get))).containsExactly(List.of("path", "path"));
    assertThat(api.get(DATA + "/files").json().get("data").size()).isZero();
  }

  @Test
  void givenOverLongSegmentOrPath_put_answers422AtThePath() {
    String segment = "s".repeat(256);
    String path =
        String.join(
            "/",
            "p".repeat(250),
            "q".repeat(250),
            "r".repeat(250),
            "t".repeat(250),
            "u".repeat(250));

    Reply longSegment = api.send("PUT", fileUrl(segment), BodyPublishers.ofString("x"));
    Reply longPath = api.send("PUT", fileUrl(path), BodyPublishers.ofString("x"));
    Reply fits = api.send("PUT", fileUrl("s".repeat(255)), BodyPublishers.ofString("x"));

    assertThat(longSegment.status()).isEqualTo(422);
    assertThat(locs(longSegment)).containsExactly(List.of("path", "path"));
    assertThat(longSegment.json().get("detail").get(0).get("type").stringValue())
        .isEqualTo("path_invalid");
    assertThat(longPath.status()).isEqualTo(422);
    assertThat(locs(longPath)).containsExactly(List.of("path", "path"));
    assertThat(fits.status()).as(fits.body()).isEqualTo(200);
  }

  @Test
  void givenBodyShorterThanItsContentLength_put_answers400AndStoresNothing() throws IOException {
    String response;
    try (Socket socket = new Socket("localhost", api.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("PUT "
                  + fileUrl("short.bin")
                  + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: 1000\r\n\r\n0123456789")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      socket.shutdownOutput();
      response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    assertThat(response).startsWith("HTTP/1.1 400");
    assertThat(locs(bodyOf(response))).containsExactly(List.of("body"));
    assertThat(api.get(fileUrl("short.bin")).status()).isEqualTo(404);
    assertThat(api.get(DATA + "/files").json().get("data").size()).isZero();
  }

  @Test
  void givenUnknownMethod_fileRoute_answers405WithAllow() {
    Reply reply = api.post(fileUrl("a.txt"), "{}");

    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.header("Allow")).contains("PUT").contains("GET").contains("DELETE");
  }

  // --- the wire contract

  @Test
  void responses_conformToTheReferenceSchemas() {
    Reply put = upload("a/b.txt", bytes(TEXT));
    upload("c.txt", bytes("c"));
    Reply list = api.get(DATA + "/files");
    Reply deleted = api.delete(fileUrl("c.txt"));
    Reply invalid = api.get(DATA + "/-/a/%2e%2e/b");

    SchemaRegistry registry = ReferenceSchemas.newRegistry(true);
    assertConforms(registry, "FilesetFileOutput", put.json());
    assertConforms(registry, "FilesetFileOutput", deleted.json());
    assertConforms(registry, "ListFilesetFilesResponse", list.json());
    assertThat(list.json().get("data").size()).isEqualTo(2);
    assertThat(invalid.status()).isEqualTo(422);
    assertConforms(registry, "HTTPValidationError", invalid.json());
  }

  // --- helpers

  private void createFileset(String json) {
    Reply reply = api.post(FILESETS, json);
    if (reply.status() != 201) {
      throw new AssertionError("create failed: " + reply.status() + " " + reply.body());
    }
  }

  private Reply upload(String path, byte[] content) {
    return api.send(
        "PUT",
        fileUrl(path),
        BodyPublishers.ofByteArray(content),
        "Content-Type",
        "application/octet-stream");
  }

  /** The current quoted ETag of a file, as a GET tells it. */
  private String tagOf(String path) {
    return api.head(fileUrl(path)).header("ETag");
  }

  private static String fileUrl(String path) {
    return DATA + "/-/" + path;
  }

  private static List<String> paths(Reply reply) {
    List<String> paths = new ArrayList<>();
    reply.json().get("data").forEach(file -> paths.add(file.get("path").stringValue()));
    return paths;
  }

  private static String etagOf(byte[] content) {
    try {
      return "\""
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content))
          + "\"";
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bigContent(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 31 + i / 7);
    }
    return bytes;
  }

  private static BodyPublisher noBody() {
    return BodyPublishers.noBody();
  }

  /** One request as sent byte for byte, so that the target is not normalised; the raw response. */
  private String raw(String method, String target, String headers, String body) throws IOException {
    try (Socket socket = new Socket("localhost", api.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          (method
                  + " "
                  + target
                  + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                  + headers
                  + "\r\n"
                  + body)
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A raw response's status and body as a reply (its headers are not read). */
  private static Reply bodyOf(String response) {
    int status = Integer.parseInt(response.substring(9, 12));
    byte[] body =
        response.substring(response.indexOf("\r\n\r\n") + 4).getBytes(StandardCharsets.UTF_8);
    return new Reply(status, body, null);
  }
}
