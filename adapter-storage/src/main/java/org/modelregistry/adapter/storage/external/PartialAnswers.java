package org.modelregistry.adapter.storage.external;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Refuses a partial answer (206) to a ranged request that does not say which range it holds: the S3
 * source sees only the headers of an object's answer through MinIO, not its status, and tells a
 * partial answer from a whole body (a 200 from an endpoint that ignored the range) by its {@code
 * Content-Range}, which RFC 9110 requires of every single-part 206. Without this check a 206
 * without one would be taken for the whole object and skipped to the offset a second time.
 */
final class PartialAnswers implements Interceptor {

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Response response = chain.proceed(request);
    if (response.code() == 206
        && request.header("Range") != null
        && response.header("Content-Range") == null) {
      response.close();
      throw new UndescribedRangeException();
    }
    return response;
  }

  /** A partial answer without a {@code Content-Range}. */
  static final class UndescribedRangeException extends IOException {
    UndescribedRangeException() {
      super("a partial answer (206) without a Content-Range");
    }
  }
}
