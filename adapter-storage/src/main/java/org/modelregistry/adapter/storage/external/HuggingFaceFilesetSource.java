package org.modelregistry.adapter.storage.external;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.modelregistry.adapter.storage.fetch.HttpStatusException;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.registration.Secret;
import org.modelregistry.domain.registration.SourceUrl;
import org.modelregistry.domain.workspace.FilesetStorage;
import org.modelregistry.ports.out.ExternalFile;
import org.modelregistry.ports.out.ExternalSourceException;
import org.modelregistry.ports.out.FetchRequest;
import org.modelregistry.ports.out.FetchedSource;
import org.modelregistry.ports.out.SecretStore;
import org.modelregistry.ports.out.SourceFetchException;
import org.modelregistry.ports.out.SourceFetcher;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads model repositories of a Hugging Face Hub through its HTTP API, every request through the
 * {@link SourceFetcher} (which guards against server-side request forgery):
 *
 * <ul>
 *   <li>{@code GET {endpoint}/api/models/{repo}/revision/{revision}}: the commit a revision is;
 *   <li>{@code GET {endpoint}/api/models/{repo}/tree/{revision}[/{folder}][?recursive=true]}: the
 *       entries of a folder, in pages linked by {@code Link: <...>; rel="next"};
 *   <li>{@code GET {endpoint}/{repo}/resolve/{revision}/{path}}: a file's bytes, by range.
 * </ul>
 *
 * <p>The token a storage names is sent as a bearer token, to the endpoint only: the fetcher keeps
 * it from redirects elsewhere (LFS files redirect to a CDN), and pagination links to another origin
 * than the endpoint's are refused. Listings are read within {@link Limits}. Path segments are
 * percent-encoded; a revision is one segment ({@code refs/pr/1} becomes {@code refs%2Fpr%2F1}).
 *
 * <p>A fileset's revision is pinned to a commit, whose listing never changes: full listings of
 * repositories at commits are kept in a {@link ListingCache} (per endpoint, repository, commit and
 * token), and {@link #stat} answers from a kept listing when there is one. Listings of branches and
 * tags are read anew every time.
 */
final class HuggingFaceFilesetSource {

  /**
   * How much of a listing is read, and how many listings are kept.
   *
   * @param maxPages pages of one listing
   * @param maxPageBytes bytes of one page (or of a revision's answer)
   * @param maxListingBytes bytes of all the pages of one listing
   * @param maxEntries entries (files and folders) of one listing
   * @param cachedListings full listings of repositories at commits kept (see {@link ListingCache})
   * @param cachedFiles files of the kept listings, in all
   */
  record Limits(
      int maxPages,
      int maxPageBytes,
      long maxListingBytes,
      int maxEntries,
      int cachedListings,
      long cachedFiles) {

    static final Limits DEFAULT = new Limits(1000, 16 << 20, 64L << 20, 100_000, 64, 250_000);
  }

  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern LINK = Pattern.compile("<([^>]*)>([^,<]*)");
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final SourceFetcher fetcher;
  private final SecretStore secrets;
  private final Limits limits;
  private final ListingCache listings;

  HuggingFaceFilesetSource(SourceFetcher fetcher, SecretStore secrets, Limits limits) {
    this.fetcher = fetcher;
    this.secrets = secrets;
    this.limits = limits;
    this.listings = new ListingCache(limits.cachedListings(), limits.cachedFiles());
  }

  /**
   * The storage at the commit its revision names now.
   *
   * @throws ValidationException at {@code repo_id} when there is no such repository or revision, at
   *     {@code token_secret} when the named secret does not exist or the repository needs a token
   *     and none is named, at {@code endpoint} when the endpoint may not be reached
   */
  FilesetStorage.HuggingFace pin(FilesetStorage.HuggingFace storage) {
    Hub hub = hub(storage, true);
    SourceUrl url = hub.api("revision/" + segment(storage.revision()), null);
    Optional<String> refusal = fetcher.refusal(url);
    if (refusal.isPresent()) {
      throw ValidationException.of(
          "the endpoint " + hub.where() + " is refused: " + refusal.get(),
          "endpoint_refused",
          "endpoint");
    }
    JsonNode answer;
    try {
      answer = fetchJson(hub, url, Long.MAX_VALUE).json();
    } catch (SourceFetchException e) {
      OptionalInt status = HttpStatusException.statusOf(e);
      if (status.orElse(0) == 404) {
        throw ValidationException.of(
            "there is no model repository '"
                + storage.repoId()
                + "' with revision '"
                + storage.revision()
                + "' at "
                + hub.where(),
            "repo_not_found",
            "repo_id");
      }
      if (hub.token().isEmpty() && (status.orElse(0) == 401 || status.orElse(0) == 403)) {
        throw ValidationException.of(
            "the repository '"
                + storage.repoId()
                + "' at "
                + hub.where()
                + " is private, gated or missing: name a secret holding a token in token_secret",
            "token_required",
            "token_secret");
      }
      throw failure(hub, e);
    }
    JsonNode sha = answer.get("sha");
    if (sha == null || !sha.isString() || !COMMIT.matcher(sha.asString()).matches()) {
      throw new ExternalSourceException(
          hub.where() + " answered no commit for revision '" + storage.revision() + "'");
    }
    return new FilesetStorage.HuggingFace(
        storage.repoId(), sha.asString(), storage.endpoint(), storage.tokenSecret());
  }

  /** Every file of the repository at its revision, in path order; kept when that is a commit. */
  List<ExternalFile> list(FilesetStorage.HuggingFace storage) {
    Hub hub = hub(storage, false);
    Optional<ListingCache.Key> key = hub.cacheKey();
    Optional<List<ExternalFile>> kept = key.flatMap(listings::get);
    if (kept.isPresent()) {
      return kept.get();
    }
    var files = new TreeMap<String, ExternalFile>();
    try {
      walk(
          hub,
          hub.tree(null, true),
          file -> {
            files.putIfAbsent(file.path().value(), file);
            return false;
          });
    } catch (SourceFetchException e) {
      throw failure(hub, e);
    }
    List<ExternalFile> listing = List.copyOf(files.values());
    key.ifPresent(k -> listings.put(k, listing));
    return listing;
  }

  /**
   * The file at {@code path}: from the kept full listing of the repository at its commit when there
   * is one, or else found in the listing of its folder.
   */
  Optional<ExternalFile> stat(FilesetStorage.HuggingFace storage, FilePath path) {
    Hub hub = hub(storage, false);
    Optional<List<ExternalFile>> kept = hub.cacheKey().flatMap(listings::get);
    if (kept.isPresent()) {
      return ListingCache.find(kept.get(), path);
    }
    String value = path.value();
    int slash = value.lastIndexOf('/');
    SourceUrl folder = hub.tree(slash < 0 ? null : value.substring(0, slash), false);
    var found = new ArrayList<ExternalFile>(1);
    try {
      walk(hub, folder, file -> file.path().equals(path) && found.add(file));
    } catch (SourceFetchException e) {
      if (HttpStatusException.statusOf(e).orElse(0) == 404) {
        return Optional.empty();
      }
      throw failure(hub, e);
    }
    return found.stream().findFirst();
  }

  Optional<InputStream> read(
      FilesetStorage.HuggingFace storage, FilePath path, long offset, long length) {
    if (length == 0) {
      return stat(storage, path).map(file -> InputStream.nullInputStream());
    }
    Hub hub = hub(storage, false);
    SourceUrl url = hub.resolve(path);
    FetchedSource source;
    try {
      source = fetcher.open(url, new FetchRequest(hub.token(), offset, length));
    } catch (SourceFetchException e) {
      int status = HttpStatusException.statusOf(e).orElse(0);
      if (status == 404) {
        return Optional.empty();
      }
      if (status != 416) {
        throw failure(hub, e);
      }
      // The range starts at or beyond the end: at the end is an empty read, beyond it an error.
      return FileRanges.atOrBeyondEnd(
          stat(storage, path).map(ExternalFile::size), path, offset, "at " + hub.where(), e);
    }
    return Optional.of(new SourceStream(source));
  }

  // ---- listings -----------------------------------------------------------------------------

  /**
   * Visits the files of a listing, page by page, until {@code stop} says so, reading at most {@link
   * Limits#maxListingBytes()} of all its pages.
   *
   * @throws SourceFetchException when a page cannot be fetched
   */
  private void walk(Hub hub, SourceUrl first, Predicate<ExternalFile> stop) {
    SourceUrl page = first;
    int entries = 0;
    long bytes = 0;
    for (int pages = 1; page != null; pages++) {
      if (pages > limits.maxPages()) {
        throw new ExternalSourceException(
            hub.where()
                + " listed more than "
                + limits.maxPages()
                + " pages for "
                + hub.repoId()
                + "; that is more than is read");
      }
      Page answer = fetchJson(hub, page, limits.maxListingBytes() - bytes);
      bytes += answer.bytes();
      if (!answer.json().isArray()) {
        throw unreadable(hub, "a listing that is not a JSON array");
      }
      for (JsonNode entry : answer.json()) {
        if (++entries > limits.maxEntries()) {
          throw new ExternalSourceException(
              hub.where()
                  + " listed more than "
                  + limits.maxEntries()
                  + " entries for "
                  + hub.repoId()
                  + "; that is more than a fileset holds");
        }
        Optional<ExternalFile> file = toFile(hub, entry);
        if (file.isPresent() && stop.test(file.get())) {
          return;
        }
      }
      page = answer.next().isEmpty() ? null : hub.sameOrigin(page, answer.next().get());
    }
  }

  /** The file an entry describes; empty for folders and for paths that are not valid. */
  private static Optional<ExternalFile> toFile(Hub hub, JsonNode entry) {
    if (!entry.isObject()) {
      throw unreadable(hub, "a listing entry that is not an object");
    }
    if (!"file".equals(text(entry, "type"))) {
      return Optional.empty();
    }
    FilePath path;
    try {
      path = new FilePath(text(entry, "path"));
    } catch (ValidationException e) {
      return Optional.empty();
    }
    JsonNode lfs = entry.get("lfs");
    boolean large = lfs != null && lfs.isObject();
    long size = size(large && lfs.has("size") ? lfs.get("size") : entry.get("size"));
    String etag = large ? text(lfs, "oid") : text(entry, "oid");
    if (size < 0 || etag == null || etag.isBlank()) {
      throw unreadable(hub, "an entry without a size or an oid for '" + path + "'");
    }
    Optional<String> sha256 =
        Optional.of(etag.toLowerCase(Locale.ROOT))
            .filter(oid -> large && SHA256.matcher(oid).matches());
    return Optional.of(new ExternalFile(path, size, etag, sha256));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isString() ? value.asString() : null;
  }

  private static long size(JsonNode value) {
    return value != null && value.isIntegralNumber() && value.canConvertToLong()
        ? value.asLong()
        : -1;
  }

  /** One answer of the API: its JSON, the link to the next page if any, and its length. */
  private record Page(JsonNode json, Optional<String> next, int bytes) {}

  /**
   * Fetches and parses one JSON answer of at most {@link Limits#maxPageBytes()} bytes, and at most
   * {@code budget}, what is left of the bytes of a listing.
   *
   * @throws SourceFetchException when the answer cannot be fetched
   */
  private Page fetchJson(Hub hub, SourceUrl url, long budget) {
    FetchedSource source = fetcher.open(url, FetchRequest.whole(hub.token()));
    try (source) {
      int max = limits.maxPageBytes();
      long announced = source.contentLength().orElse(0);
      if (announced > max) {
        throw tooLarge(hub);
      }
      if (announced > budget) {
        throw overBudget(hub);
      }
      int cap = (int) Math.min(max, Math.max(0, budget));
      byte[] bytes = source.body().readNBytes(cap + 1);
      if (bytes.length > cap) {
        throw bytes.length > max ? tooLarge(hub) : overBudget(hub);
      }
      return new Page(
          JSON.readTree(bytes), source.header("Link").flatMap(this::nextLink), bytes.length);
    } catch (JacksonException e) {
      throw unreadable(hub, "something that is not JSON");
    } catch (IOException e) {
      throw new ExternalSourceException("reading an answer of " + hub.where() + " failed", e);
    } catch (SourceFetchException e) {
      // Opening succeeded: this failed while reading (a timeout).
      throw new ExternalSourceException(e.getMessage(), e);
    }
  }

  /** The target of the {@code rel="next"} link of a {@code Link} header, if there is one. */
  private Optional<String> nextLink(String header) {
    Matcher link = LINK.matcher(header);
    while (link.find()) {
      for (String parameter : link.group(2).split(";")) {
        int equals = parameter.indexOf('=');
        if (equals < 0 || !parameter.substring(0, equals).strip().equalsIgnoreCase("rel")) {
          continue;
        }
        String rel = parameter.substring(equals + 1).strip().replace("\"", "");
        for (String value : rel.split("\\s+")) {
          if (value.equalsIgnoreCase("next")) {
            return Optional.of(link.group(1).strip());
          }
        }
      }
    }
    return Optional.empty();
  }

  // ---- endpoints ----------------------------------------------------------------------------

  /** One repository at one endpoint, with its token: the URLs of its API. */
  private record Hub(URI endpoint, String repoId, String revision, Optional<Secret> token) {

    /** The endpoint as messages name it: scheme, host, port and path. */
    String where() {
      return SourceUrl.redact(endpoint);
    }

    /** What the listing of the repository is kept under; empty unless the revision is a commit. */
    Optional<ListingCache.Key> cacheKey() {
      if (!COMMIT.matcher(revision).matches()) {
        return Optional.empty();
      }
      String tokenDigest = token.map(secret -> sha256(secret.value())).orElse("");
      return Optional.of(new ListingCache.Key(endpoint.toString(), repoId, revision, tokenDigest));
    }

    SourceUrl api(String rest, String query) {
      return url("/api/models/" + repoPath() + "/" + rest + (query == null ? "" : "?" + query));
    }

    SourceUrl tree(String folder, boolean recursive) {
      String rest = "tree/" + segment(revision) + (folder == null ? "" : "/" + encoded(folder));
      return api(rest, recursive ? "recursive=true" : null);
    }

    SourceUrl resolve(FilePath path) {
      return url("/" + repoPath() + "/resolve/" + segment(revision) + "/" + encoded(path.value()));
    }

    /**
     * The next page {@code link} names, relative to {@code page}; it must stay at the endpoint's
     * origin, which the token is for.
     */
    SourceUrl sameOrigin(SourceUrl page, String link) {
      HttpUrl next = HttpUrl.get(page.value()).resolve(link);
      HttpUrl origin = HttpUrl.parse(endpoint.toString());
      if (next == null || origin == null) {
        throw new ExternalSourceException(where() + " linked its next page to an invalid URL");
      }
      boolean same =
          next.scheme().equals(origin.scheme())
              && next.host().equals(origin.host())
              && next.port() == origin.port()
              && next.username().isEmpty()
              && next.password().isEmpty();
      if (!same) {
        throw new ExternalSourceException(
            where()
                + " linked its next page to another origin ("
                + SourceUrl.redact(next.uri())
                + ")");
      }
      return new SourceUrl(next.toString());
    }

    private String repoPath() {
      return encoded(repoId);
    }

    private SourceUrl url(String path) {
      String base = endpoint.toString();
      return new SourceUrl(
          (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }
  }

  private Hub hub(FilesetStorage.HuggingFace storage, boolean pinning) {
    URI endpoint;
    try {
      endpoint = new URI(storage.endpoint());
    } catch (URISyntaxException e) {
      throw ValidationException.of("endpoint must be a valid URI", "url_parsing", "endpoint");
    }
    if (endpoint.getRawUserInfo() != null
        || endpoint.getRawQuery() != null
        || endpoint.getRawFragment() != null) {
      throw ValidationException.of(
          "endpoint must be scheme://host[:port][/path], without user info, query or fragment",
          "url_parsing",
          "endpoint");
    }
    return new Hub(endpoint, storage.repoId(), storage.revision(), token(storage, pinning));
  }

  private Optional<Secret> token(FilesetStorage.HuggingFace storage, boolean pinning) {
    if (storage.tokenSecret() == null) {
      return Optional.empty();
    }
    Optional<Secret> token = secrets.find(storage.tokenSecret());
    if (token.isEmpty()) {
      String message = "the secret '" + storage.tokenSecret() + "' does not exist";
      throw pinning
          ? ValidationException.of(message, "secret_not_found", "token_secret")
          : new ExternalSourceException(
              message + "; the Hugging Face storage of '" + storage.repoId() + "' names it");
    }
    return token;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** {@code text}'s '/'-separated segments, each percent-encoded. */
  private static String encoded(String text) {
    var path = new StringBuilder();
    for (String part : text.split("/", -1)) {
      path.append(path.isEmpty() ? "" : "/").append(segment(part));
    }
    return path.toString();
  }

  /** {@code text} as one path segment: everything but unreserved characters percent-encoded. */
  static String segment(String text) {
    var encoded = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        encoded.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return encoded.toString();
  }

  // ---- errors -------------------------------------------------------------------------------

  /** A fetch failure as users see it; the fetcher's message names the redacted URL only. */
  private static ExternalSourceException failure(Hub hub, SourceFetchException e) {
    int status = HttpStatusException.statusOf(e).orElse(0);
    if (status == 401 || status == 403) {
      return new ExternalSourceException(
          hub.where()
              + " refused "
              + (hub.token().isPresent() ? "the token" : "access without a token")
              + " for '"
              + hub.repoId()
              + "' (HTTP "
              + status
              + ")",
          e);
    }
    if (status == 404) {
      return new ExternalSourceException(
          "there is no repository '"
              + hub.repoId()
              + "' with revision '"
              + hub.revision()
              + "' at "
              + hub.where()
              + " any more",
          e);
    }
    return new ExternalSourceException(e.getMessage(), e);
  }

  private ExternalSourceException tooLarge(Hub hub) {
    return new ExternalSourceException(
        hub.where()
            + " sent an answer of more than "
            + amount(limits.maxPageBytes())
            + " for "
            + hub.repoId()
            + "; that is more than is read");
  }

  private ExternalSourceException overBudget(Hub hub) {
    return new ExternalSourceException(
        hub.where()
            + " sent a listing of more than "
            + amount(limits.maxListingBytes())
            + " in all its pages for "
            + hub.repoId()
            + "; that is more than is read");
  }

  /** A number of bytes as messages name it: in MiB when it is a whole number of them. */
  private static String amount(long bytes) {
    return bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
  }

  private static ExternalSourceException unreadable(Hub hub, String what) {
    return new ExternalSourceException(hub.where() + " answered " + what + " for " + hub.repoId());
  }

  /**
   * The body of a file: closing it closes the fetch, and a failure the fetcher reports while it is
   * read becomes an {@link ExternalSourceException}.
   */
  private static final class SourceStream extends FilterInputStream {

    private final FetchedSource source;

    SourceStream(FetchedSource source) {
      super(source.body());
      this.source = source;
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (SourceFetchException e) {
        throw new ExternalSourceException(e.getMessage(), e);
      }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      try {
        return super.read(buffer, offset, length);
      } catch (SourceFetchException e) {
        throw new ExternalSourceException(e.getMessage(), e);
      }
    }

    @Override
    public long skip(long count) throws IOException {
      try {
        return super.skip(count);
      } catch (SourceFetchException e) {
        throw new ExternalSourceException(e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      source.close();
    }
  }
}
