package org.modelregistry.adapter.storage.external;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Caps the bodies an S3 client reads whole (listings, bucket locations, error documents) at a
 * number of bytes, so that an endpoint cannot make it buffer without end: reading past the cap
 * fails with {@link TooLargeException}. Object data, the body of a successful GET without query
 * parameters, is streamed to the caller and left alone.
 */
final class BoundedAnswers implements Interceptor {

  private final long maxBytes;

  BoundedAnswers(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Response response = chain.proceed(request);
    boolean objectData =
        response.isSuccessful() && request.method().equals("GET") && request.url().querySize() == 0;
    if (objectData) {
      return response;
    }
    return response.newBuilder().body(new Bounded(response.body(), maxBytes)).build();
  }

  /** An answer longer than the cap. */
  static final class TooLargeException extends IOException {
    TooLargeException(long maxBytes) {
      super("the answer is longer than " + maxBytes + " bytes");
    }
  }

  private static final class Bounded extends ResponseBody {

    private final ResponseBody body;
    private final BufferedSource source;

    Bounded(ResponseBody body, long maxBytes) {
      this.body = body;
      this.source =
          Okio.buffer(
              new ForwardingSource(body.source()) {
                private long read;

                @Override
                public long read(Buffer sink, long byteCount) throws IOException {
                  long count = super.read(sink, byteCount);
                  if (count > 0) {
                    read += count;
                    if (read > maxBytes) {
                      throw new TooLargeException(maxBytes);
                    }
                  }
                  return count;
                }
              });
    }

    @Override
    public MediaType contentType() {
      return body.contentType();
    }

    @Override
    public long contentLength() {
      return body.contentLength();
    }

    @Override
    public BufferedSource source() {
      return source;
    }

    @Override
    public void close() {
      body.close();
    }
  }
}
