package org.modelregistry.ports.out.memory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.modelregistry.domain.registration.SourceUrl;
import org.modelregistry.ports.out.FetchRequest;
import org.modelregistry.ports.out.FetchedSource;
import org.modelregistry.ports.out.SourceFetchException;
import org.modelregistry.ports.out.SourceFetcher;

/**
 * A source fetcher that answers from a script instead of the network, for tests and in-memory
 * embedding: per URL, a queue of answers (bytes, failures, a body that blocks until released)
 * consumed one per fetch, the last one repeating; a URL without answers is a 404. Hosts named in
 * {@link #refuseHost} are refused like blocked addresses. Safe for concurrent use.
 */
public final class ScriptedSourceFetcher implements SourceFetcher {

  /** One scripted answer to a fetch. */
  public sealed interface Answer {}

  /** A body of {@code bytes}, announcing {@code announcedLength} (-1: none). */
  public record Body(byte[] bytes, long announcedLength, CountDownLatch gate) implements Answer {}

  /** A failure when opening. */
  public record Failure(String message, boolean retryable) implements Answer {}

  /** A body that ends with an error after {@code bytes}. */
  public record BrokenBody(byte[] bytes, long announcedLength) implements Answer {}

  private final Map<String, Deque<Answer>> script = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();
  private final java.util.Set<String> refusedHosts = ConcurrentHashMap.newKeySet();

  /** Serves {@code bytes}, with their length announced, at {@code url}. */
  public ScriptedSourceFetcher serve(String url, byte[] bytes) {
    return answer(url, new Body(bytes, bytes.length, null));
  }

  /** Serves {@code bytes} only once {@code gate} opens: a copy that stays in progress. */
  public ScriptedSourceFetcher serveWhenOpened(String url, byte[] bytes, CountDownLatch gate) {
    return answer(url, new Body(bytes, bytes.length, gate));
  }

  /** Queues {@code answers} for the next fetches of {@code url}, after those queued already. */
  public ScriptedSourceFetcher answer(String url, Answer... answers) {
    Deque<Answer> queue = script.computeIfAbsent(url, u -> new ArrayDeque<>());
    synchronized (queue) {
      queue.addAll(java.util.List.of(answers));
    }
    return this;
  }

  /** Refuses every URL on {@code host}, as the real fetcher refuses private addresses. */
  public ScriptedSourceFetcher refuseHost(String host) {
    refusedHosts.add(host);
    return this;
  }

  /** How often {@code url} was opened. */
  public int fetchesOf(String url) {
    return fetches.getOrDefault(url, new AtomicInteger()).get();
  }

  @Override
  public Optional<String> refusal(SourceUrl url) {
    return refusedHosts.contains(url.host())
        ? Optional.of("the host " + url.host() + " is a blocked address")
        : Optional.empty();
  }

  @Override
  public FetchedSource open(SourceUrl url, FetchRequest request) {
    fetches.computeIfAbsent(url.value(), u -> new AtomicInteger()).incrementAndGet();
    if (refusedHosts.contains(url.host())) {
      throw new SourceFetchException("GET " + url.redacted() + " refused", false);
    }
    Answer answer = next(url.value());
    return switch (answer) {
      case Failure f -> throw new SourceFetchException(f.message(), f.retryable());
      case Body b when request.isRange() -> ranged(b.bytes(), request);
      case Body b -> fetched(b.announcedLength(), gated(new ByteArrayInputStream(b.bytes()), b));
      case BrokenBody b -> fetched(b.announcedLength(), broken(b.bytes()));
    };
  }

  private Answer next(String url) {
    Deque<Answer> answers = script.get(url);
    if (answers == null) {
      return notFound(url);
    }
    synchronized (answers) {
      if (answers.isEmpty()) {
        return notFound(url);
      }
      return answers.size() > 1 ? answers.poll() : answers.peek();
    }
  }

  private static Answer notFound(String url) {
    return new Failure("GET " + SourceUrl.redact(url) + " returned 404", false);
  }

  private static FetchedSource ranged(byte[] bytes, FetchRequest request) {
    if (request.offset() >= bytes.length) {
      throw new SourceFetchException("the range starts beyond the end", false);
    }
    int end =
        request.length() < 0
            ? bytes.length
            : (int) Math.min(bytes.length, request.offset() + request.length());
    byte[] slice = java.util.Arrays.copyOfRange(bytes, (int) request.offset(), end);
    return fetched(slice.length, new ByteArrayInputStream(slice));
  }

  private static FetchedSource fetched(long announced, InputStream body) {
    return new FetchedSource() {
      @Override
      public OptionalLong contentLength() {
        return announced < 0 ? OptionalLong.empty() : OptionalLong.of(announced);
      }

      @Override
      public InputStream body() {
        return body;
      }

      @Override
      public void close() {
        try {
          body.close();
        } catch (IOException e) {
          // nothing to release
        }
      }
    };
  }

  private static InputStream gated(InputStream body, Body answer) {
    if (answer.gate() == null) {
      return body;
    }
    return new java.io.FilterInputStream(body) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        try {
          answer.gate().await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException("interrupted while waiting for the gate");
        }
        return super.read(b, off, len);
      }
    };
  }

  private static InputStream broken(byte[] bytes) {
    return new java.io.SequenceInputStream(
        new ByteArrayInputStream(bytes),
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("the source closed the connection early");
          }
        });
  }
}
