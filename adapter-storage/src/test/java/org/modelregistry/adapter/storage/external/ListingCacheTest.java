package org.modelregistry.adapter.storage.external;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.ports.out.ExternalFile;

class ListingCacheTest {

  private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

  @Test
  void givenMoreListingsThanKept_put_forgetsTheLeastRecentlyUsed() {
    var cache = new ListingCache(2, 100);
    cache.put(key("a"), files(1));
    cache.put(key("b"), files(1));
    assertThat(cache.get(key("a"))).isPresent();

    cache.put(key("c"), files(1));

    assertThat(cache.get(key("a"))).isPresent();
    assertThat(cache.get(key("b"))).isEmpty();
    assertThat(cache.get(key("c"))).isPresent();
  }

  @Test
  void givenMoreFilesInAllThanKept_put_forgetsTheEldestListingsUntilTheyFit() {
    var cache = new ListingCache(10, 10);
    cache.put(key("a"), files(4));
    cache.put(key("b"), files(4));

    cache.put(key("c"), files(5));

    assertThat(cache.get(key("a"))).isEmpty();
    assertThat(cache.get(key("b"))).isPresent();
    assertThat(cache.get(key("c"))).isPresent();

    cache.put(key("d"), files(6));

    assertThat(cache.get(key("b"))).isEmpty();
    assertThat(cache.get(key("c"))).isEmpty();
    assertThat(cache.get(key("d"))).isPresent();
  }

  @Test
  void givenAListingLargerThanTheBound_put_keepsNothingAndForgetsNothing() {
    var cache = new ListingCache(10, 10);
    cache.put(key("a"), files(3));

    cache.put(key("b"), files(11));

    assertThat(cache.get(key("a"))).isPresent();
    assertThat(cache.get(key("b"))).isEmpty();
  }

  @Test
  void givenTheSameKeyAgain_put_replacesItsListing() {
    var cache = new ListingCache(10, 10);
    cache.put(key("a"), files(6));
    cache.put(key("a"), files(3));
    cache.put(key("b"), files(7));

    assertThat(cache.get(key("a"))).hasValueSatisfying(files -> assertThat(files).hasSize(3));
    assertThat(cache.get(key("b"))).isPresent();
  }

  @Test
  void givenKeysThatDifferOnlyByToken_get_keepsThemApart() {
    var cache = new ListingCache(10, 10);
    cache.put(new ListingCache.Key("http://hub", "org/m", COMMIT, "digest"), files(1));

    assertThat(cache.get(new ListingCache.Key("http://hub", "org/m", COMMIT, ""))).isEmpty();
  }

  @Test
  void givenFilesInPathOrder_find_findsEachAndNothingElse() {
    List<ExternalFile> sorted = files(9);

    for (ExternalFile file : sorted) {
      assertThat(ListingCache.find(sorted, file.path())).contains(file);
    }
    assertThat(ListingCache.find(sorted, new FilePath("f0"))).isEmpty();
    assertThat(ListingCache.find(sorted, new FilePath("f9"))).isEmpty();
    assertThat(ListingCache.find(List.of(), new FilePath("f1"))).isEmpty();
  }

  private static ListingCache.Key key(String repo) {
    return new ListingCache.Key("http://hub", "org/" + repo, COMMIT, "");
  }

  /** {@code count} files f1/x … in path order. */
  private static List<ExternalFile> files(int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(i -> new ExternalFile(new FilePath("f1/" + i), i, "etag-" + i, Optional.empty()))
        .sorted((a, b) -> a.path().value().compareTo(b.path().value()))
        .toList();
  }
}
