package org.modelregistry.adapter.storage.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import okhttp3.Response;
import org.modelregistry.ports.out.FetchedSource;
import org.modelregistry.ports.out.SourceFetchException;

/**
 * The 2xx response of a fetch. Its body turns a read timeout into a retryable {@link
 * SourceFetchException} and any other failure (such as a source that closes before the announced
 * length, which OkHttp reports as "unexpected end of stream") into an {@link IOException} naming
 * the redacted URL. Once failed, it keeps failing: a caller that reads on never blocks again.
 */
final class HttpFetchedSource implements FetchedSource {

  private final Response response;
  private final OptionalLong contentLength;
  private final InputStream body;

  HttpFetchedSource(Response response, String where, String readTimeout) {
    this.response = response;
    this.contentLength = ByteRanges.announcedLength(response.headers());
    this.body = new Body(response.body().byteStream(), where, readTimeout);
  }

  /**
   * The answer to a range request, cut to it: {@code length} bytes (-1: all) from {@code offset} of
   * the body. A source that ignored the range sends the whole body (200), from which the range is
   * cut here; a 206 body already starts at the offset ({@code offset} 0) and is only kept from
   * running longer than asked. A body that ends before {@code offset} fails as a range that starts
   * beyond the end.
   */
  HttpFetchedSource(Response response, String where, String readTimeout, long offset, long length) {
    this.response = response;
    OptionalLong whole = ByteRanges.announcedLength(response.headers());
    long wanted = length < 0 ? Long.MAX_VALUE : length;
    this.contentLength =
        whole.isPresent()
            ? OptionalLong.of(Math.min(wanted, Math.max(0, whole.getAsLong() - offset)))
            : OptionalLong.empty();
    this.body =
        ByteRanges.slice(
            new Body(response.body().byteStream(), where, readTimeout),
            offset,
            length,
            () ->
                new SourceFetchException(
                    "reading " + where + " failed: the range starts beyond the end", false));
  }

  @Override
  public Optional<String> header(String name) {
    return Optional.ofNullable(response.header(name));
  }

  @Override
  public OptionalLong contentLength() {
    return contentLength;
  }

  @Override
  public InputStream body() {
    return body;
  }

  @Override
  public void close() {
    response.close();
  }

  private static final class Body extends InputStream {

    private interface Read {
      long run() throws IOException;
    }

    private final InputStream in;
    private final String where;
    private final String readTimeout;
    private IOException failure;

    Body(InputStream in, String where, String readTimeout) {
      this.in = in;
      this.where = where;
      this.readTimeout = readTimeout;
    }

    @Override
    public int read() throws IOException {
      return (int) guarded(in::read);
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      // As InputStream requires; Okio's stream would wait for data even when asked for none.
      Objects.checkFromIndexSize(offset, length, buffer.length);
      if (length == 0) {
        return 0;
      }
      return (int) guarded(() -> in.read(buffer, offset, length));
    }

    @Override
    public long skip(long count) throws IOException {
      return guarded(() -> in.skip(count));
    }

    @Override
    public int available() throws IOException {
      return (int) guarded(in::available);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }

    private long guarded(Read read) throws IOException {
      if (failure == null) {
        try {
          return read.run();
        } catch (IOException e) {
          failure = e;
        } catch (IllegalStateException e) {
          // Okio reports reads after its source was closed this way.
          failure = new IOException(e.getMessage(), e);
        }
      }
      if (failure instanceof SocketTimeoutException) {
        throw new SourceFetchException(
            "reading " + where + " timed out: no data for " + readTimeout, true, failure);
      }
      throw new IOException("reading " + where + " failed: " + failure.getMessage(), failure);
    }
  }
}
