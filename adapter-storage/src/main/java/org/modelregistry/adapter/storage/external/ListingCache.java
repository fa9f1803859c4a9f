package org.modelregistry.adapter.storage.external;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.ports.out.ExternalFile;

/**
 * The listings of repositories at commits, which never change, so that a repository is not listed
 * again for every request about it: the most recently used ones, at most {@code maxListings} of
 * them and {@code maxFiles} files in all (a listing with more is not kept). Thread-safe.
 */
final class ListingCache {

  /**
   * What a listing is of: a repository at a commit (never a branch or tag, which move), at an
   * endpoint, as read with a token. The token is part of it, by its digest, so that a listing read
   * with one token is never served to a storage without it or with another.
   */
  record Key(String endpoint, String repoId, String commit, String tokenDigest) {
    Key {
      Objects.requireNonNull(endpoint, "endpoint");
      Objects.requireNonNull(repoId, "repoId");
      Objects.requireNonNull(commit, "commit");
      Objects.requireNonNull(tokenDigest, "tokenDigest");
    }
  }

  private final int maxListings;
  private final long maxFiles;
  private final LinkedHashMap<Key, List<ExternalFile>> listings =
      new LinkedHashMap<>(16, 0.75f, true);
  private long files;

  ListingCache(int maxListings, long maxFiles) {
    if (maxListings < 0 || maxFiles < 0) {
      throw new IllegalArgumentException("the bounds of a listing cache must not be negative");
    }
    this.maxListings = maxListings;
    this.maxFiles = maxFiles;
  }

  /** The files of the listing of {@code key}, in path order, if it is kept. */
  synchronized Optional<List<ExternalFile>> get(Key key) {
    return Optional.ofNullable(listings.get(key));
  }

  /**
   * Keeps {@code sorted}, the files of the listing of {@code key} in path order, forgetting the
   * least recently used listings as the bounds require.
   */
  synchronized void put(Key key, List<ExternalFile> sorted) {
    List<ExternalFile> kept = List.copyOf(sorted);
    if (maxListings == 0 || kept.size() > maxFiles) {
      return;
    }
    List<ExternalFile> replaced = listings.put(key, kept);
    files += kept.size() - (replaced == null ? 0 : replaced.size());
    var eldest = listings.entrySet().iterator();
    while (listings.size() > maxListings || files > maxFiles) {
      Map.Entry<Key, List<ExternalFile>> entry = eldest.next();
      files -= entry.getValue().size();
      eldest.remove();
    }
  }

  /** The file at {@code path} of {@code sorted}, files in path order. */
  static Optional<ExternalFile> find(List<ExternalFile> sorted, FilePath path) {
    String wanted = path.value();
    int low = 0;
    int high = sorted.size() - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      int order = sorted.get(middle).path().value().compareTo(wanted);
      if (order < 0) {
        low = middle + 1;
      } else if (order > 0) {
        high = middle - 1;
      } else {
        return Optional.of(sorted.get(middle));
      }
    }
    return Optional.empty();
  }
}
