package org.modelregistry.adapter.storage.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.adapter.storage.external.TestSources.settings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.modelregistry.adapter.storage.fetch.HttpSourceFetcher;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.error.Violation;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.workspace.FilesetStorage;
import org.modelregistry.domain.workspace.SecretRef;
import org.modelregistry.ports.out.ExternalFile;
import org.modelregistry.ports.out.ExternalSourceException;
import org.modelregistry.ports.out.SecretStore;

/** Reading a Hugging Face Hub (a local fake of its API) through the guarded fetcher. */
class HuggingFaceFilesetSourceTest {

  private static final String MAIN = "0123456789abcdef0123456789abcdef01234567";
  private static final String TOKEN = "hf_secret_token_do_not_leak";
  private static final byte[] CONFIG =
      "{\"model_type\": \"llama\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] WEIGHTS =
      "safetensors weights, large enough for LFS".getBytes(StandardCharsets.UTF_8);
  private static final byte[] VOCAB = "{\"a\": 1}".getBytes(StandardCharsets.UTF_8);

  private final FakeHub hub =
      FakeHub.start()
          .branch("main", MAIN)
          .file("config.json", CONFIG)
          .largeFile("model.safetensors", WEIGHTS)
          .file("tokenizer/vocab.json", VOCAB)
          .file("a/b/c.txt", CONFIG);
  private final SecretStore secrets =
      TestSources.secrets(Map.of("hf-token", TOKEN, "wrong-token", "hf_wrong_do_not_leak"));
  private final HttpSourceFetcher fetcher = new HttpSourceFetcher(settings(hub.allowedHosts()));
  private final ExternalFilesetSources sources =
      new ExternalFilesetSources(fetcher, settings(hub.allowedHosts()), secrets);

  @AfterEach
  void stop() {
    sources.close();
    fetcher.close();
    hub.close();
  }

  // ---- pin ----------------------------------------------------------------------------------

  @Test
  void givenABranch_pin_returnsTheStorageAtItsCommit() {
    FilesetStorage pinned = sources.pin(repository("main", null));

    assertThat(pinned).isEqualTo(repository(MAIN, null));
    assertThat(hub.received())
        .extracting(FakeHub.Received::rawPath)
        .containsExactly("/api/models/org/model/revision/main");
  }

  @Test
  void givenACommit_pin_checksItAndKeepsIt() {
    assertThat(sources.pin(repository(MAIN, null))).isEqualTo(repository(MAIN, null));
    assertThat(hub.receivedAt("/api/models/org/model/revision/" + MAIN)).hasSize(1);
  }

  @Test
  void givenARevisionWithSlashes_pin_sendsItAsOneEncodedSegment() {
    String pr = "fedcba9876543210fedcba9876543210fedcba98";
    hub.branch("refs/pr/1", pr);

    assertThat(sources.pin(repository("refs/pr/1", null))).isEqualTo(repository(pr, null));
    assertThat(hub.receivedAt("/api/models/org/model/revision/refs%2Fpr%2F1")).hasSize(1);
  }

  @Test
  void givenAnUnknownRepository_pin_failsAtRepoIdNamingRepositoryAndRevision() {
    var storage = new FilesetStorage.HuggingFace("org/absent", "main", hub.endpoint(), null);

    assertThatThrownBy(() -> sources.pin(storage))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(at("repo_id", "repo_not_found")))
        .hasMessageContaining("'org/absent'")
        .hasMessageContaining("'main'");
  }

  @Test
  void givenAnUnknownRevision_pin_failsAtRepoId() {
    assertThatThrownBy(() -> sources.pin(repository("no-such-branch", null)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(at("repo_id", "repo_not_found")))
        .hasMessageContaining("'no-such-branch'");
  }

  @Test
  void givenAPrivateRepositoryWithoutToken_pin_failsAtTokenSecret() {
    hub.privateWithToken(TOKEN);

    assertThatThrownBy(() -> sources.pin(repository("main", null)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(at("token_secret", "token_required")));
  }

  @Test
  void givenAPrivateRepositoryAndAWrongToken_pin_failsAsTheSourceWithoutTheToken() {
    hub.privateWithToken(TOKEN);

    assertThatThrownBy(() -> sources.pin(repository("main", "wrong-token")))
        .isInstanceOf(ExternalSourceException.class)
        .hasMessageContaining("refused the token")
        .hasMessageNotContaining("hf_wrong_do_not_leak");
  }

  @Test
  void givenATokenSecretThatDoesNotExist_pin_failsAtTokenSecretWithoutARequest() {
    assertThatThrownBy(() -> sources.pin(repository("main", "absent-secret")))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(at("token_secret", "secret_not_found")));
    assertThat(hub.received()).isEmpty();
  }

  @Test
  void givenAnEndpointNotAllowlisted_pin_failsAtEndpointWithoutARequest() {
    var strictFetcher = new HttpSourceFetcher(settings());
    try (var strict = new ExternalFilesetSources(strictFetcher, settings(), secrets)) {
      assertThatThrownBy(() -> strict.pin(repository("main", null)))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e ->
                  assertThat(e.violations())
                      .singleElement()
                      .satisfies(at("endpoint", "endpoint_refused")))
          .hasMessageContaining("loopback address");
      assertThatThrownBy(() -> strict.list(repository(MAIN, null)))
          .isInstanceOf(ExternalSourceException.class)
          .hasMessageContaining("refused");
    } finally {
      strictFetcher.close();
    }
    assertThat(hub.received()).isEmpty();
  }

  @Test
  void givenAPrivateRepositoryAndItsToken_everyCall_sendsItAsBearerToTheHub() throws IOException {
    hub.privateWithToken(TOKEN);

    FilesetStorage pinned = sources.pin(repository("main", "hf-token"));
    // Before the listing, which stat would answer from once it is kept.
    assertThat(sources.stat(pinned, path("tokenizer/vocab.json"))).isPresent();
    assertThat(sources.list(pinned)).hasSize(4);
    assertThat(bytes(sources.read(pinned, path("config.json"), 0, -1))).isEqualTo(CONFIG);

    assertThat(hub.received())
        .hasSize(4)
        .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN));
  }

  // ---- list ---------------------------------------------------------------------------------

  @Test
  void givenAListingOverTwoPages_list_followsTheLinkAndReturnsEveryFileInPathOrder() {
    // Four files and three folders: two pages of four entries.
    hub.pageSize(4);

    List<ExternalFile> files = sources.list(repository(MAIN, null));

    assertThat(files)
        .containsExactly(
            new ExternalFile(
                path("a/b/c.txt"), CONFIG.length, FakeHub.gitOid(CONFIG), Optional.empty()),
            new ExternalFile(
                path("config.json"), CONFIG.length, FakeHub.gitOid(CONFIG), Optional.empty()),
            new ExternalFile(
                path("model.safetensors"),
                WEIGHTS.length,
                FakeHub.sha256(WEIGHTS),
                Optional.of(FakeHub.sha256(WEIGHTS))),
            new ExternalFile(
                path("tokenizer/vocab.json"),
                VOCAB.length,
                FakeHub.gitOid(VOCAB),
                Optional.empty()));
    String tree = "/api/models/org/model/tree/" + MAIN;
    assertThat(hub.receivedAt(tree))
        .extracting(FakeHub.Received::rawQuery)
        .containsExactly("recursive=true", "recursive=true&cursor=4");
  }

  @Test
  void givenEntriesWhosePathsAreNotValid_list_skipsThem() {
    hub.extraEntry(entry("../escape.bin"))
        .extraEntry(entry("a//b.bin"))
        .extraEntry(entry("/absolute.bin"))
        .extraEntry(entry("x".repeat(300)));

    assertThat(sources.list(repository(MAIN, null)))
        .extracting(file -> file.path().value())
        .containsExactly("a/b/c.txt", "config.json", "model.safetensors", "tokenizer/vocab.json");
  }

  @Test
  void givenAListingLargerThanTheBound_list_failsOnceItPassesIt() {
    byte[] chunk =
        ("{\"type\":\"directory\",\"path\":\"d\"},".repeat(1 << 11))
            .getBytes(StandardCharsets.US_ASCII);
    hub.route(
        "/api/models/org/model/tree/" + MAIN,
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (var out = exchange.getResponseBody()) {
            out.write('[');
            // 64 MiB at most: four times the bound.
            for (int i = 0; i < (64 << 20) / chunk.length; i++) {
              out.write(chunk);
            }
          } catch (IOException e) {
            // The client stopped reading.
          }
        });

    assertThatThrownBy(() -> sources.list(repository(MAIN, null)))
        .isInstanceOf(ExternalSourceException.class)
        .hasMessageContaining("more than 16 MiB");
  }

  @Test
  void givenAListingAnnouncedLargerThanTheBound_list_failsBeforeReadingIt() {
    hub.route(
        "/api/models/org/model/tree/" + MAIN,
        exchange -> {
          exchange.sendResponseHeaders(200, (16L << 20) + 1);
          try (var out = exchange.getResponseBody()) {
            byte[] spaces = " ".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            out.write('[');
            for (int i = 0; i < 256; i++) {
              out.write(spaces);
              out.flush();
            }
          } catch (IOException e) {
            // The client stopped reading.
          }
        });

    assertThatThrownBy(() -> sources.list(repository(MAIN, null)))
        .isInstanceOf(ExternalSourceException.class)
        .hasMessageContaining("more than 16 MiB");
  }

  @Test
  void givenAListingThatIsNotJson_list_failsAsUnreadable() {
    hub.route(
        "/api/models/org/model/tree/" + MAIN,
        exchange ->
            FakeHub.send(
                exchange, 200, "<html>rate limited</html>".getBytes(StandardCharsets.UTF_8)));

    assertThatThrownBy(() -> sources.list(repository(MAIN, null)))
        .isInstanceOf(ExternalSourceException.class)
        .hasMessageContaining("not JSON");
  }

  @Test
  void givenAListingThatIsNotAnArray_list_failsAsUnreadable() {
    hub.route(
        "/api/models/org/model/tree/" + MAIN,
        exchange -> FakeHub.json(exchange, 200, "{\"error\":\"nope\"}"));

    assertThatThrownBy(() -> sources.list(repository(MAIN, null)))
        .isInstanceOf(ExternalSourceException.class)
        .hasMessageContaining("not a JSON array");
  }

  @Test
  void givenANextLinkToAnotherOrigin_list_refusesToFollowIt() {
    hub.route(
        "/api/models/org/model/tree/" + MAIN,
        exchange -> {
          exchange
              .getResponseHeaders()
              .set("Link", "<http://localhost:" + hub.port() + "/steal?cursor=1>; rel=\"next\"");
          FakeHub.json(exchange, 200, "[]");
        });

    assertThatThrownBy(() -> sources.list(repository(MAIN, "hf-token")))
        .isInstanceOf(ExternalSourceException.class)
        .hasMessageContaining("another origin");
    assertThat(hub.receivedAt("/steal")).isEmpty();
  }

  @Test
  void givenAListingThatNeverEnds_list_stopsAfterTheMostPages() {
    hub.route(
        "/api/models/org/model/tree/" + MAIN,
        exchange -> {
          exchange.getResponseHeaders().set("Link", "<?recursive=true&cursor=x>; rel=\"next\"");
          FakeHub.json(exchange, 200, "[]");
        });
    var source = new HuggingFaceFilesetSource(fetcher, secrets, limits(3, 1 << 20, 64L << 20, 100));

    assertThatThrownBy(() -> source.list(repository(MAIN, null)))
        .isInstanceOf(ExternalSourceException.class)
        .hasMessageContaining("more than 3 pages");
    assertThat(hub.received()).hasSize(3);
  }

  @Test
  void givenMoreEntriesThanTheBound_list_fails() {
    var source = new HuggingFaceFilesetSource(fetcher, secrets, limits(10, 1 << 20, 64L << 20, 5));

    assertThatThrownBy(() -> source.list(repository(MAIN, null)))
        .isInstanceOf(ExternalSourceException.class)
        .hasMessageContaining("more than 5 entries");
  }

  @Test
  void givenPagesLargerInAllThanTheListingBudget_list_failsOnceItIsPassed() {
    // Seven entries, one a page of 91 to 212 bytes: the fifth page passes 500 bytes in all.
    hub.pageSize(1);
    var source = new HuggingFaceFilesetSource(fetcher, secrets, limits(100, 1 << 20, 500, 100_000));

    assertThatThrownBy(() -> source.list(repository(MAIN, null)))
        .isInstanceOf(ExternalSourceException.class)
        .hasMessageContaining("more than 500 bytes in all its pages");
    // Every page is far below the page cap: the budget stopped the listing at its fifth page.
    assertThat(hub.received()).hasSize(5);
  }

  @Test
  void givenChunkedPagesLargerInAllThanTheListingBudget_list_failsWhileReadingThem() {
    byte[] page = ("[" + entry("f.bin") + "]").getBytes(StandardCharsets.UTF_8);
    hub.route(
        "/api/models/org/model/tree/" + MAIN,
        exchange -> {
          exchange.getResponseHeaders().set("Link", "<?recursive=true&cursor=x>; rel=\"next\"");
          exchange.sendResponseHeaders(200, 0);
          exchange.getResponseBody().write(page);
        });
    var source =
        new HuggingFaceFilesetSource(
            fetcher, secrets, limits(100, 1 << 20, 3L * page.length + 1, 100_000));

    assertThatThrownBy(() -> source.list(repository(MAIN, null)))
        .isInstanceOf(ExternalSourceException.class)
        .hasMessageContaining("in all its pages");
    assertThat(hub.received()).hasSize(4);
  }

  @Test
  void givenAListingAnnouncedLargerThanWhatIsLeftOfTheBudget_list_failsBeforeReadingIt() {
    hub.pageSize(4);
    var source = new HuggingFaceFilesetSource(fetcher, secrets, limits(100, 1 << 20, 10, 100));

    assertThatThrownBy(() -> source.list(repository(MAIN, null)))
        .isInstanceOf(ExternalSourceException.class)
        .hasMessageContaining("more than 10 bytes in all its pages");
    assertThat(hub.received()).hasSize(1);
  }

  @Test
  void givenPagesWithinTheListingBudget_list_readsThemAll() {
    hub.pageSize(1);
    var source =
        new HuggingFaceFilesetSource(fetcher, secrets, limits(100, 1 << 20, 1 << 20, 100_000));

    assertThat(source.list(repository(MAIN, null))).hasSize(4);
  }

  // ---- kept listings ------------------------------------------------------------------------

  @Test
  void givenARepositoryAtACommit_listAgain_answersWithoutAskingTheHub() {
    hub.pageSize(4);
    List<ExternalFile> first = sources.list(repository(MAIN, null));
    int requests = hub.received().size();

    assertThat(sources.list(repository(MAIN, null))).isEqualTo(first);
    assertThat(hub.received()).hasSize(requests);
    assertThat(requests).isEqualTo(2);
  }

  @Test
  void givenAListedRepositoryAtACommit_stat_answersFromTheListingWithoutAskingTheHub() {
    sources.list(repository(MAIN, null));
    int requests = hub.received().size();

    assertThat(sources.stat(repository(MAIN, null), path("tokenizer/vocab.json")))
        .contains(
            new ExternalFile(
                path("tokenizer/vocab.json"),
                VOCAB.length,
                FakeHub.gitOid(VOCAB),
                Optional.empty()));
    assertThat(sources.stat(repository(MAIN, null), path("model.safetensors")))
        .hasValueSatisfying(file -> assertThat(file.size()).isEqualTo(WEIGHTS.length));
    assertThat(sources.stat(repository(MAIN, null), path("tokenizer/missing.json"))).isEmpty();
    assertThat(sources.stat(repository(MAIN, null), path("tokenizer"))).isEmpty();
    assertThat(sources.stat(repository(MAIN, null), path("a/b/c.txt"))).isPresent();
    assertThat(hub.received()).hasSize(requests);
  }

  @Test
  void givenAListedRepositoryAtACommit_readingAtTheEnd_findsTheSizeWithoutListingAgain()
      throws IOException {
    sources.list(repository(MAIN, null));

    assertThat(bytes(sources.read(repository(MAIN, null), path("config.json"), CONFIG.length, -1)))
        .isEmpty();
    assertThat(hub.received())
        .extracting(FakeHub.Received::rawPath)
        .containsExactly(
            "/api/models/org/model/tree/" + MAIN, "/org/model/resolve/" + MAIN + "/config.json");
  }

  @Test
  void givenABranch_listAndStat_askTheHubEveryTime() {
    sources.list(repository("main", null));
    sources.list(repository("main", null));
    sources.stat(repository("main", null), path("config.json"));

    assertThat(hub.received())
        .extracting(FakeHub.Received::rawPath)
        .containsExactly(
            "/api/models/org/model/tree/main",
            "/api/models/org/model/tree/main",
            "/api/models/org/model/tree/main");
  }

  @Test
  void givenAListingReadWithAToken_list_withoutTheTokenOrWithAnother_asksTheHubAgain() {
    hub.privateWithToken(TOKEN);
    assertThat(sources.list(repository(MAIN, "hf-token"))).hasSize(4);

    assertThatThrownBy(() -> sources.list(repository(MAIN, null)))
        .isInstanceOf(ExternalSourceException.class)
        .hasMessageContaining("refused access without a token");
    assertThatThrownBy(() -> sources.stat(repository(MAIN, "wrong-token"), path("config.json")))
        .isInstanceOf(ExternalSourceException.class)
        .hasMessageContaining("refused the token");
    assertThat(hub.received()).hasSize(3);
  }

  @Test
  void givenAListingThatFailed_listAgain_asksTheHubAgain() {
    var answers = new java.util.concurrent.atomic.AtomicInteger();
    hub.route(
        "/api/models/org/model/tree/" + MAIN,
        exchange -> {
          if (answers.incrementAndGet() == 1) {
            FakeHub.json(exchange, 503, "{\"error\":\"busy\"}");
          } else {
            FakeHub.json(exchange, 200, "[" + entry("only.bin") + "]");
          }
        });

    assertThatThrownBy(() -> sources.list(repository(MAIN, null)))
        .isInstanceOf(ExternalSourceException.class);
    assertThat(sources.list(repository(MAIN, null)))
        .extracting(file -> file.path().value())
        .containsExactly("only.bin");
    assertThat(sources.list(repository(MAIN, null))).hasSize(1);
    assertThat(answers).hasValue(2);
  }

  @Test
  void givenMoreRepositoriesThanAreKept_list_asksTheHubAgainForTheLeastRecentlyUsed() {
    String other = "fedcba9876543210fedcba9876543210fedcba98";
    hub.branch("other", other);
    var source =
        new HuggingFaceFilesetSource(
            fetcher,
            secrets,
            new HuggingFaceFilesetSource.Limits(100, 1 << 20, 64L << 20, 100_000, 1, 1000));

    source.list(repository(MAIN, null));
    source.list(repository(other, null));
    source.list(repository(other, null));
    source.list(repository(MAIN, null));

    assertThat(hub.received())
        .extracting(FakeHub.Received::rawPath)
        .containsExactly(
            "/api/models/org/model/tree/" + MAIN,
            "/api/models/org/model/tree/" + other,
            "/api/models/org/model/tree/" + MAIN);
  }

  // ---- stat ---------------------------------------------------------------------------------

  @Test
  void givenANestedFile_stat_findsItInTheListingOfItsFolder() {
    Optional<ExternalFile> stat =
        sources.stat(repository(MAIN, null), path("tokenizer/vocab.json"));

    assertThat(stat)
        .contains(
            new ExternalFile(
                path("tokenizer/vocab.json"),
                VOCAB.length,
                FakeHub.gitOid(VOCAB),
                Optional.empty()));
    assertThat(hub.received())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.rawPath())
                  .isEqualTo("/api/models/org/model/tree/" + MAIN + "/tokenizer");
              assertThat(r.rawQuery()).isNull();
            });
  }

  @Test
  void givenALargeFileAtTheRoot_stat_describesItWithItsSha256() {
    assertThat(sources.stat(repository(MAIN, null), path("model.safetensors")))
        .hasValueSatisfying(
            file -> {
              assertThat(file.size()).isEqualTo(WEIGHTS.length);
              assertThat(file.sha256()).contains(FakeHub.sha256(WEIGHTS));
            });
  }

  @Test
  void givenNoSuchFileOrFolder_stat_returnsEmpty() {
    assertThat(sources.stat(repository(MAIN, null), path("tokenizer/missing.json"))).isEmpty();
    assertThat(sources.stat(repository(MAIN, null), path("no/such/folder.json"))).isEmpty();
    assertThat(sources.stat(repository(MAIN, null), path("tokenizer"))).isEmpty();
  }

  // ---- read ---------------------------------------------------------------------------------

  @Test
  void givenASmallFile_read_returnsTheRangeAskedFor() throws IOException {
    assertThat(bytes(sources.read(repository(MAIN, null), path("config.json"), 2, 5)))
        .isEqualTo(Arrays.copyOfRange(CONFIG, 2, 7));

    assertThat(hub.received())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.rawPath()).isEqualTo("/org/model/resolve/" + MAIN + "/config.json");
              assertThat(r.range()).isEqualTo("bytes=2-6");
            });
  }

  @Test
  void givenALargeFile_read_followsTheRedirectToTheCdnWithTheRangeButNotTheToken()
      throws IOException {
    hub.privateWithToken(TOKEN);

    assertThat(bytes(sources.read(repository(MAIN, "hf-token"), path("model.safetensors"), 5, 10)))
        .isEqualTo(Arrays.copyOfRange(WEIGHTS, 5, 15));

    List<FakeHub.Received> received = hub.received();
    assertThat(received).hasSize(2);
    assertThat(received.get(0).host()).isEqualTo("127.0.0.1");
    assertThat(received.get(0).authorization()).isEqualTo("Bearer " + TOKEN);
    assertThat(received.get(1).host()).isEqualTo("localhost");
    assertThat(received.get(1).rawPath()).startsWith("/cdn/");
    assertThat(received.get(1).authorization()).isNull();
    assertThat(received.get(1).range()).isEqualTo("bytes=5-14");
  }

  @Test
  void givenAPathWithSpacesAndPlus_readAndStat_encodeEachSegment() throws IOException {
    hub.file("dir/with space+plus.txt", VOCAB);

    assertThat(bytes(sources.read(repository(MAIN, null), path("dir/with space+plus.txt"), 0, -1)))
        .isEqualTo(VOCAB);
    assertThat(sources.stat(repository(MAIN, null), path("dir/with space+plus.txt"))).isPresent();
    assertThat(hub.received())
        .extracting(FakeHub.Received::rawPath)
        .containsExactly(
            "/org/model/resolve/" + MAIN + "/dir/with%20space%2Bplus.txt",
            "/api/models/org/model/tree/" + MAIN + "/dir");
  }

  @Test
  void givenAMissingFile_read_returnsEmpty() {
    assertThat(sources.read(repository(MAIN, null), path("missing.bin"), 0, -1)).isEmpty();
    assertThat(sources.read(repository(MAIN, null), path("missing.bin"), 0, 0)).isEmpty();
  }

  @Test
  void givenAnOffsetAtTheEnd_read_returnsNothingAndBeyondItFails() throws IOException {
    FilesetStorage storage = repository(MAIN, null);

    assertThat(bytes(sources.read(storage, path("config.json"), CONFIG.length, -1))).isEmpty();
    assertThat(bytes(sources.read(storage, path("config.json"), 1, 0))).isEmpty();
    assertThatThrownBy(() -> sources.read(storage, path("config.json"), CONFIG.length + 1, 2))
        .isInstanceOf(ExternalSourceException.class)
        .hasMessageContaining("beyond the end");
  }

  // ---- helpers ------------------------------------------------------------------------------

  private FilesetStorage.HuggingFace repository(String revision, String tokenSecret) {
    return new FilesetStorage.HuggingFace(
        "org/model",
        revision,
        hub.endpoint(),
        tokenSecret == null ? null : new SecretRef(tokenSecret));
  }

  /** Reading limits with the default cache. */
  private static HuggingFaceFilesetSource.Limits limits(
      int maxPages, int maxPageBytes, long maxListingBytes, int maxEntries) {
    var defaults = HuggingFaceFilesetSource.Limits.DEFAULT;
    return new HuggingFaceFilesetSource.Limits(
        maxPages,
        maxPageBytes,
        maxListingBytes,
        maxEntries,
        defaults.cachedListings(),
        defaults.cachedFiles());
  }

  private static String entry(String path) {
    return "{\"type\":\"file\",\"oid\":\""
        + "1".repeat(40)
        + "\",\"size\":1,\"path\":\""
        + path
        + "\"}";
  }

  private static Consumer<Violation> at(String field, String type) {
    return violation -> {
      assertThat(violation.path()).containsExactly(field);
      assertThat(violation.type()).isEqualTo(type);
    };
  }

  private static byte[] bytes(Optional<InputStream> stream) throws IOException {
    assertThat(stream).isPresent();
    try (InputStream in = stream.get()) {
      return in.readAllBytes();
    }
  }

  private static FilePath path(String value) {
    return new FilePath(value);
  }
}
