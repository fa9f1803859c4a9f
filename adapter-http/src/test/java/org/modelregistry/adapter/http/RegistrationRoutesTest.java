package org.modelregistry.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.adapter.http.RegistrationRequests.MODEL_URL;
import static org.modelregistry.adapter.http.RegistrationRequests.NAME;
import static org.modelregistry.adapter.http.RegistrationRequests.VERSION;
import static org.modelregistry.adapter.http.RegistrationRequests.assertError;
import static org.modelregistry.adapter.http.RegistrationRequests.json;
import static org.modelregistry.adapter.http.RegistrationRequests.pathsAndTypes;
import static org.modelregistry.adapter.http.RegistrationRequests.putBody;
import static org.modelregistry.adapter.http.RegistrationRequests.register;
import static org.modelregistry.adapter.http.RegistrationRequests.registerReady;
import static org.modelregistry.adapter.http.RegistrationRequests.serveAllFiles;
import static org.modelregistry.adapter.http.RegistrationRequests.versionsOf;
import static org.modelregistry.domain.registration.TestRegistrations.FILES;
import static org.modelregistry.domain.registration.TestRegistrations.PASSWORD;
import static org.modelregistry.domain.registration.TestRegistrations.SIGNATURE;
import static org.modelregistry.domain.registration.TestRegistrations.SIGNED_QUERY;
import static org.modelregistry.domain.registration.TestRegistrations.redactedUrl;
import static org.modelregistry.domain.registration.TestRegistrations.signedUrl;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modelregistry.adapter.http.ApiFixture.Reply;
import org.modelregistry.domain.registration.TestRegistrations;
import tools.jackson.databind.JsonNode;

/** The registration routes end to end, over the real services and in-memory fakes. */
class RegistrationRoutesTest {

  private ApiFixture api;
  private RegistrationWorld world;

  @BeforeEach
  void start() {
    api = ApiFixture.start();
    world = api.registrations();
    serveAllFiles(world);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  // --- register

  @Test
  void givenFullBody_put_answers202ImportingWithLocationAndPublicDocument() {
    Reply reply = api.put(MODEL_URL, putBody());

    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.header("Location")).isEqualTo(MODEL_URL);
    JsonNode model = reply.json();
    assertThat(model.get("id").stringValue()).isEqualTo("reg-0001");
    assertThat(model.get("name").stringValue()).isEqualTo(NAME);
    assertThat(model.get("version").stringValue()).isEqualTo(VERSION);
    assertThat(model.get("owner").stringValue()).isEqualTo("local-user");
    assertThat(model.get("state").stringValue()).isEqualTo("IMPORTING");
    assertThat(model.get("model_config").get("private").booleanValue()).isTrue();
    assertThat(model.get("model_config").get("inference_properties").get("docker_registry"))
        .isEqualTo(ApiFixture.json("{\"url\": \"registry.example\", \"username\": \"deploy\"}"));
    for (String file : FILES) {
      assertThat(model.get("model_files").get(file).stringValue()).isEqualTo(redactedUrl(file));
    }
    assertThat(model.get("model_metainfo").get("num_params").asLong()).isEqualTo(124_000_000L);
    assertThat(model.get("import").get("files_total").asInt()).isEqualTo(FILES.size());
    assertThat(reply.body()).doesNotContain(SIGNATURE).doesNotContain(PASSWORD);
  }

  @Test
  void givenImportingVersion_getWithWait_answersReadyWithSizeAndDigestPerFile() throws Exception {
    api.put(MODEL_URL, putBody());

    Reply reply = api.get(MODEL_URL + "?wait=true");

    assertThat(reply.status()).isEqualTo(200);
    JsonNode model = reply.json();
    assertThat(model.get("state").stringValue()).isEqualTo("READY");
    assertThat(model.get("import").get("files_stored").asInt()).isEqualTo(FILES.size());
    for (String file : FILES) {
      byte[] content = RegistrationWorld.content(file);
      JsonNode imported = model.get("import").get("files").get(file);
      assertThat(imported.get("state").stringValue()).isEqualTo("STORED");
      assertThat(imported.get("size").asLong()).isEqualTo(content.length);
      assertThat(imported.get("sha256").stringValue()).isEqualTo(sha256(content));
    }
  }

  @Test
  void givenWait_put_answers201OnceTheImportEnded() {
    Reply reply = api.put(MODEL_URL + "?wait=true&timeout=30", putBody());

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.header("Location")).isEqualTo(MODEL_URL);
    assertThat(reply.json().get("state").stringValue()).isEqualTo("READY");
  }

  @Test
  void givenCopyStillRunning_putWithShortWait_answers202ThenReadyOnceItEnds() {
    String slowUrl = "https://storage.example:8443/container/slow.bin?" + SIGNED_QUERY;
    CountDownLatch gate = new CountDownLatch(1);
    world.fetcher.serveWhenOpened(slowUrl, new byte[] {1, 2, 3}, gate);
    Map<String, Object> body = TestRegistrations.putBody();
    TestRegistrations.at(body, "model_files").put("pytorch_model.bin", slowUrl);

    Reply waited = api.put(MODEL_URL + "?wait=true&timeout=1", json(body));
    gate.countDown();
    Reply ready = api.get(MODEL_URL + "?wait=true");

    assertThat(waited.status()).isEqualTo(202);
    assertThat(waited.json().get("state").stringValue()).isEqualTo("IMPORTING");
    assertThat(ready.json().get("state").stringValue()).isEqualTo("READY");
    assertThat(ready.json().get("import").get("files").get("pytorch_model.bin").get("size").asInt())
        .isEqualTo(3);
  }

  @Test
  void givenLegacyBody_post_registersTheVersionItNames() {
    Map<String, Object> legacy = TestRegistrations.legacyBody();
    for (String file : List.of("model.bin", "gptc_deploy_entry.py", "gptc_deploy_env.yml")) {
      world.fetcher.serve(signedUrl(file), RegistrationWorld.content(file));
    }

    Reply accepted = api.post("/api/add_models", json(legacy));
    Reply ready = api.get("/api/v1.0/model/gptc/0.3?wait=true");

    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.header("Location")).isEqualTo("/api/v1.0/model/gptc/0.3");
    JsonNode model = accepted.json();
    assertThat(model.get("name").stringValue()).isEqualTo("gptc");
    assertThat(model.get("version").stringValue()).isEqualTo("0.3");
    assertThat(model.get("model_config").get("type").stringValue()).isEqualTo("SEQ2SEQ");
    assertThat(model.get("model_metainfo").get("description").stringValue())
        .isEqualTo("code completion");
    assertThat(accepted.body()).doesNotContain(SIGNATURE);
    assertThat(ready.json().get("state").stringValue()).isEqualTo("READY");
  }

  @Test
  void givenLegacyBodyAndWait_post_answers201() {
    Map<String, Object> legacy = TestRegistrations.legacyBody();
    for (String file : List.of("model.bin", "gptc_deploy_entry.py", "gptc_deploy_env.yml")) {
      world.fetcher.serve(signedUrl(file), RegistrationWorld.content(file));
    }

    Reply reply = api.post("/api/add_models?wait=true", json(legacy));

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.json().get("state").stringValue()).isEqualTo("READY");
  }

  @Test
  void givenLegacyBodyWithoutNameAndVersion_post_answers422AtBoth() {
    Map<String, Object> legacy = TestRegistrations.legacyBody();
    TestRegistrations.at(legacy, "model_config").remove("name");
    TestRegistrations.at(legacy, "model_config").remove("version");

    Reply reply = api.post("/api/add_models", json(legacy));

    assertThat(pathsAndTypes(reply))
        .containsExactlyInAnyOrder("model_config.name:missing", "model_config.version:missing");
  }

  @Test
  void givenSameNameAndVersionTwice_put_answers409ButAnotherOwnerMayUseThem() {
    register(api, NAME, VERSION, putBody());

    Reply again = api.put(MODEL_URL, putBody());
    Reply byBob = api.as("bob").put(MODEL_URL, putBody());

    assertError(again, 409, "conflict");
    assertThat(byBob.status()).isEqualTo(202);
  }

  @Test
  void givenReferencesToMissingFiles_put_answersOne422ListingEveryReference() {
    Map<String, Object> body = TestRegistrations.putBody();
    Map<String, Object> files = TestRegistrations.at(body, "model_files");
    files.remove("inference.py");
    files.remove("train/env.yml");
    files.remove("index.md");

    Reply reply = api.put(MODEL_URL, json(body));

    assertThat(pathsAndTypes(reply))
        .containsExactlyInAnyOrder(
            "model_config.inference_properties.entry_script:file_reference_unknown",
            "model_config.training_properties.conda_env:file_reference_unknown",
            "model_metainfo.index_page_file:file_reference_unknown");
    assertThat(api.get("/api/v1.0/models").json().get("total").asInt()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/abs", "a/../b", "..", "a\\b", "a//b", "a\u0001b", "trailing/"})
  void givenTraversingFileKey_put_answers422NamingTheKey(String key) {
    assertTraversingKeyRefused(key);
  }

  @Test
  void givenFileKeyOver1024Bytes_put_answers422NamingTheKey() {
    assertTraversingKeyRefused("k".repeat(1025));
  }

  private void assertTraversingKeyRefused(String key) {
    Map<String, Object> body = TestRegistrations.putBody();
    String url = "https://storage.example:8443/container/evil?" + SIGNED_QUERY;
    TestRegistrations.at(body, "model_files").put(key, url);

    Reply reply = api.put(MODEL_URL, json(body));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(violationAt(reply, "model_files", key).get("type").stringValue())
        .isEqualTo("path_invalid");
    assertThat(reply.body()).doesNotContain(SIGNATURE);
    assertThat(world.fetcher.fetchesOf(url)).isZero();
    assertThat(api.get("/api/v1.0/models").json().get("total").asInt()).isZero();
  }

  @Test
  void givenSourceOnABlockedHost_put_answers422AtThatFileAndRegistersNothing() {
    world.fetcher.refuseHost("metadata.internal");
    Map<String, Object> body = TestRegistrations.putBody();
    TestRegistrations.at(body, "model_files")
        .put("pytorch_model.bin", "https://metadata.internal/latest?" + SIGNED_QUERY);

    Reply reply = api.put(MODEL_URL, json(body));

    assertThat(pathsAndTypes(reply))
        .containsExactly("model_files.pytorch_model.bin:source_refused");
    assertThat(reply.body()).doesNotContain(SIGNATURE);
    assertError(api.get(MODEL_URL), 404, "not_found");
  }

  @Test
  void givenSourceAnswering404_putWithWait_answersFailedWithReasonsAndStoresNoBytes() {
    Map<String, Object> body = TestRegistrations.putBody();
    TestRegistrations.at(body, "model_files")
        .put("pytorch_model.bin", "https://storage.example:8443/container/gone?" + SIGNED_QUERY);

    Reply reply = api.put(MODEL_URL + "?wait=true", json(body));

    assertThat(reply.status()).isEqualTo(201);
    JsonNode model = reply.json();
    assertThat(model.get("state").stringValue()).isEqualTo("FAILED");
    JsonNode files = model.get("import").get("files");
    assertThat(files.get("pytorch_model.bin").get("state").stringValue()).isEqualTo("FAILED");
    assertThat(files.get("pytorch_model.bin").get("reason").stringValue()).contains("404");
    for (JsonNode file : files.values()) {
      if (file.get("state").stringValue().equals("FAILED")) {
        assertThat(file.get("reason").stringValue()).isNotBlank();
      }
    }
    assertThat(reply.body()).doesNotContain(SIGNATURE);
    assertThat(world.store.paths()).isEmpty();
  }

  @Test
  void givenInvalidNameAndVersionInPath_putAndGet_answer422AtThePath() {
    String url = "/api/v1.0/model/bad%21name/v%401";

    Reply put = api.put(url, putBody());
    Reply get = api.get(url);

    assertThat(pathsAndTypes(put))
        .containsExactlyInAnyOrder(
            "path.name:string_pattern_mismatch", "path.version:string_pattern_mismatch");
    assertThat(pathsAndTypes(get))
        .containsExactlyInAnyOrder(
            "path.name:string_pattern_mismatch", "path.version:string_pattern_mismatch");
  }

  @Test
  void givenNameInBodyOtherThanInPath_put_answers422() {
    Map<String, Object> body = TestRegistrations.putBody();
    TestRegistrations.at(body, "model_config").put("name", "other");

    Reply reply = api.put(MODEL_URL, json(body));

    assertThat(pathsAndTypes(reply)).containsExactly("model_config.name:value_error");
  }

  @Test
  void givenBadWaitParameters_getAndPut_answer422NamingEach() {
    Reply get = api.get(MODEL_URL + "?wait=maybe&timeout=61&verbose=1");
    Reply put = api.put(MODEL_URL + "?wait=true&timeout=0", putBody());

    assertThat(pathsAndTypes(get))
        .containsExactlyInAnyOrder(
            "query.wait:bool_parsing",
            "query.timeout:less_than_equal",
            "query.verbose:extra_forbidden");
    assertThat(pathsAndTypes(put)).containsExactly("query.timeout:greater_than_equal");
    assertError(api.get(MODEL_URL), 404, "not_found");
  }

  // --- read, by owner

  @Test
  void givenVersionsOfTwoOwners_get_answersOwnUnlessAnOwnerIsNamed() {
    register(api, NAME, VERSION, putBody("DECODER", true));
    register(api.as("bob"), NAME, VERSION, putBody("ENCODER", false));

    Reply own = api.get(MODEL_URL);
    Reply bobs = api.get(MODEL_URL + "/bob");
    Reply bobsOwn = api.as("bob").get(MODEL_URL);
    Reply nobodys = api.get(MODEL_URL + "/carol");

    assertThat(own.json().get("owner").stringValue()).isEqualTo("local-user");
    assertThat(bobs.status()).isEqualTo(200);
    assertThat(bobs.json().get("owner").stringValue()).isEqualTo("bob");
    assertThat(bobs.json().get("model_config").get("type").stringValue()).isEqualTo("ENCODER");
    assertThat(bobsOwn.json().get("owner").stringValue()).isEqualTo("bob");
    assertError(nobodys, 404, "not_found");
  }

  @Test
  void givenPrivateVersionOfAnotherOwner_everyRoute_answers404AsIfItDidNotExist() {
    registerReady(api, NAME, VERSION, putBody("DECODER", true));
    ApiFixture bob = api.as("bob");

    assertError(bob.get(MODEL_URL), 404, "not_found");
    assertError(bob.get(MODEL_URL + "/local-user"), 404, "not_found");
    assertError(bob.patch(MODEL_URL, "{\"model_config\": {\"private\": false}}"), 404, "not_found");
    assertError(bob.delete(MODEL_URL), 404, "not_found");
    assertError(bob.get(MODEL_URL + "/files/index.md?owner=local-user"), 404, "not_found");
    assertThat(bob.get("/api/v1.0/models").json().get("total").asInt()).isZero();
    assertThat(api.get(MODEL_URL).status()).isEqualTo(200);
  }

  @Test
  void givenPublicVersionOfAnotherOwner_patchAndDelete_answer403AndChangeNothing() {
    registerReady(api, NAME, VERSION, putBody("DECODER", false));
    ApiFixture bob = api.as("bob");

    Reply patch = bob.patch(MODEL_URL + "", "{\"model_config\": {\"private\": true}}");
    Reply delete = bob.delete(MODEL_URL);

    assertError(patch, 403, "forbidden");
    assertError(delete, 403, "forbidden");
    Reply stillPublic = bob.get(MODEL_URL);
    assertThat(stillPublic.status()).isEqualTo(200);
    assertThat(stillPublic.json().get("model_config").get("private").booleanValue()).isFalse();
  }

  // --- lists

  @Test
  void givenSeveralVersions_getName_listsTheVisibleOnesNewestFirst() {
    register(api, NAME, "1.0", putBody());
    register(api, NAME, "1.1", putBody());
    register(api, NAME, "2.0", putBody());
    register(api.as("bob"), NAME, "3.0", putBody("DECODER", true));
    register(api.as("bob"), NAME, "0.9", putBody("DECODER", false));
    register(api, "other-model", "9.9", putBody());

    Reply all = api.get("/api/v1.0/model/" + NAME);
    Reply first = api.get("/api/v1.0/model/" + NAME + "?limit=2");
    Reply second = api.get("/api/v1.0/model/" + NAME + "?limit=2&page=2");
    Reply bobs = api.get("/api/v1.0/model/" + NAME + "?owner=bob");

    assertThat(versionsOf(all))
        .containsExactly(NAME + "/0.9", NAME + "/2.0", NAME + "/1.1", NAME + "/1.0");
    assertThat(all.json().get("total").asInt()).isEqualTo(4);
    assertThat(all.json().has("next_cursor")).isFalse();
    assertThat(versionsOf(first)).containsExactly(NAME + "/0.9", NAME + "/2.0");
    assertThat(first.json().get("next_cursor").stringValue()).isNotBlank();
    assertThat(versionsOf(second)).containsExactly(NAME + "/1.1", NAME + "/1.0");
    assertThat(second.json().get("page").asInt()).isEqualTo(2);
    assertThat(second.json().has("next_cursor")).isFalse();
    assertThat(versionsOf(bobs)).containsExactly(NAME + "/0.9");
  }

  @Test
  void givenModelsOfEveryKindAndOwner_listFilters_combine() {
    register(api, "alpha-dec", "1", putBody("DECODER", true));
    register(api, "beta-enc", "1", putBody("ENCODER", false));
    register(api, "beta-s2s", "1", putBody("SEQ2SEQ", false));
    register(api.as("bob"), "gamma-enc", "1", putBody("ENCODER", false));
    register(api.as("bob"), "delta-dec", "1", putBody("DECODER", true));

    assertThat(versionsOf(api.get("/api/v1.0/models")))
        .containsExactly("gamma-enc/1", "beta-s2s/1", "beta-enc/1", "alpha-dec/1");
    assertThat(versionsOf(api.get("/api/v1.0/models?type=ENCODER")))
        .containsExactly("gamma-enc/1", "beta-enc/1");
    assertThat(versionsOf(api.get("/api/v1.0/models?visibility=private")))
        .containsExactly("alpha-dec/1");
    assertThat(versionsOf(api.get("/api/v1.0/models?owner=bob"))).containsExactly("gamma-enc/1");
    assertThat(versionsOf(api.get("/api/v1.0/models?name_prefix=beta")))
        .containsExactly("beta-s2s/1", "beta-enc/1");
    assertThat(
            versionsOf(api.get("/api/v1.0/models?type=ENCODER&visibility=public&owner=local-user")))
        .containsExactly("beta-enc/1");
    assertThat(versionsOf(api.as("bob").get("/api/v1.0/models?visibility=private")))
        .containsExactly("delta-dec/1");
  }

  @Test
  void givenMoreModelsThanTheLimit_list_pagesWithTheEnvelope() {
    for (int i = 1; i <= 5; i++) {
      register(api, "m" + i, "1", putBody());
    }

    Reply first = api.get("/api/v1.0/models?limit=2");
    Reply last = api.get("/api/v1.0/models?limit=2&page=3");

    assertThat(versionsOf(first)).containsExactly("m5/1", "m4/1");
    JsonNode envelope = first.json();
    assertThat(envelope.get("total").asInt()).isEqualTo(5);
    assertThat(envelope.get("page").asInt()).isEqualTo(1);
    assertThat(envelope.get("limit").asInt()).isEqualTo(2);
    assertThat(envelope.get("next_cursor").stringValue()).isNotBlank();
    assertThat(versionsOf(last)).containsExactly("m1/1");
    assertThat(last.json().has("next_cursor")).isFalse();
    assertThat(api.get("/api/v1.0/models").json().get("limit").asInt()).isEqualTo(100);
  }

  @Test
  void givenCursorWalk_list_visitsEveryModelOnceNewestFirst() {
    for (int i = 1; i <= 5; i++) {
      register(api, "m" + i, "1", putBody());
    }

    List<String> visited = new ArrayList<>();
    String next = null;
    int pages = 0;
    do {
      Reply page = api.get("/api/v1.0/models?limit=2" + (next == null ? "" : "&cursor=" + next));
      visited.addAll(versionsOf(page));
      JsonNode cursor = page.json().get("next_cursor");
      next = cursor == null ? null : cursor.stringValue();
      pages++;
    } while (next != null && pages < 10);

    assertThat(visited).containsExactly("m5/1", "m4/1", "m3/1", "m2/1", "m1/1");
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void givenBadListParameters_list_answers422NamingEachParameter() {
    Reply reply =
        api.get(
            "/api/v1.0/models?type=FOO&visibility=secret&owner=&name_prefix=a%2Fb"
                + "&page=0&limit=1001&sort=name");

    assertThat(pathsAndTypes(reply))
        .containsExactlyInAnyOrder(
            "query.type:enum",
            "query.visibility:enum",
            "query.owner:string_too_short",
            "query.name_prefix:string_pattern_mismatch",
            "query.page:greater_than_equal",
            "query.limit:less_than_equal",
            "query.sort:extra_forbidden");
  }

  @Test
  void givenBadCursorOrRepeatedParameter_list_answers422() {
    Reply junk = api.get("/api/v1.0/models?cursor=not-a-cursor");
    Reply withPage = api.get("/api/v1.0/models?cursor=djE6MTow&page=2");
    Reply repeated = api.get("/api/v1.0/models?type=ENCODER&type=DECODER");
    Reply notANumber = api.get("/api/v1.0/models?limit=ten");

    assertThat(pathsAndTypes(junk)).containsExactly("query.cursor:value_error");
    assertThat(pathsAndTypes(withPage)).contains("query.cursor:value_error");
    assertThat(pathsAndTypes(repeated)).containsExactly("query.type:value_error");
    assertThat(pathsAndTypes(notANumber)).containsExactly("query.limit:int_parsing");
  }

  // --- update and delete

  @Test
  void givenReadyVersion_patch_changesVisibilityDescriptionAndMetainfo() {
    registerReady(api, NAME, VERSION, putBody());

    Reply reply =
        api.patch(
            MODEL_URL,
            """
            {"model_config": {"private": false},
             "model_metainfo": {"description": "Summarizes functions, now public",
                                "num_params": 5, "index_page_file": "conda.yml"}}
            """);

    assertThat(reply.status()).isEqualTo(200);
    JsonNode model = reply.json();
    assertThat(model.get("model_config").get("private").booleanValue()).isFalse();
    assertThat(model.get("model_metainfo").get("description").stringValue())
        .isEqualTo("Summarizes functions, now public");
    assertThat(model.get("model_metainfo").get("num_params").asInt()).isEqualTo(5);
    assertThat(model.get("model_metainfo").get("index_page_file").stringValue())
        .isEqualTo("conda.yml");
    assertThat(model.get("model_metainfo").get("output_description").stringValue())
        .isEqualTo("a one-paragraph summary");
    assertThat(api.as("bob").get(MODEL_URL).status()).isEqualTo(200);
  }

  @Test
  void givenIndexPageThatIsNoFile_patch_answers422AndKeepsTheVersion() {
    registerReady(api, NAME, VERSION, putBody());

    Reply reply =
        api.patch(MODEL_URL, "{\"model_metainfo\": {\"index_page_file\": \"missing.md\"}}");

    assertThat(pathsAndTypes(reply))
        .containsExactly("model_metainfo.index_page_file:file_reference_unknown");
    assertThat(api.get(MODEL_URL).json().get("model_metainfo").get("index_page_file").stringValue())
        .isEqualTo("index.md");
  }

  @Test
  void givenFieldsThatCannotChange_patch_answers422ForEach() {
    register(api, NAME, VERSION, putBody());

    Reply reply =
        api.patch(
            MODEL_URL,
            """
            {"model_files": {"x.bin": "https://storage.example/x"},
             "model_config": {"type": "ENCODER"}}
            """);

    assertThat(pathsAndTypes(reply)).hasSize(2).anyMatch(p -> p.startsWith("model_files:"));
    assertThat(pathsAndTypes(reply)).anyMatch(p -> p.startsWith("model_config.type:"));
  }

  @Test
  void givenReadyVersion_delete_answers204ThenNotFoundAndRemovesEveryStoredByte() {
    registerReady(api, NAME, VERSION, putBody());
    assertThat(world.store.paths()).hasSize(FILES.size());

    Reply deleted = api.delete(MODEL_URL);

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.bytes()).isEmpty();
    assertError(api.get(MODEL_URL), 404, "not_found");
    assertError(api.delete(MODEL_URL), 404, "not_found");
    assertThat(world.store.paths()).isEmpty();
    assertThat(api.get("/api/v1.0/models").json().get("total").asInt()).isZero();
  }

  // --- helpers

  /** The violation of a 422 at exactly {@code path}. */
  static JsonNode violationAt(Reply reply, Object... path) {
    List<String> expected = new ArrayList<>();
    for (Object segment : path) {
      expected.add(segment.toString());
    }
    for (JsonNode violation : reply.json().get("violations").values()) {
      List<String> actual = new ArrayList<>();
      violation.get("path").values().forEach(s -> actual.add(s.asString()));
      if (actual.equals(expected)) {
        return violation;
      }
    }
    throw new AssertionError("no violation at " + expected + " in " + reply.body());
  }

  static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }
}
