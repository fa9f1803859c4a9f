package org.modelregistry.adapter.http;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.modelregistry.domain.error.Violation;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a request body that must be one JSON object: bounded in size (413), declared as JSON (415),
 * well-formed (422 {@code json_invalid}) and an object (422 {@code dict_type}). Each failure is a
 * {@link RequestRejected}; the statuses named are the template family's, see {@link ErrorMapping}.
 */
final class JsonBodyReader {

  private final long maxBytes;
  private final JsonCodec codec;

  JsonBodyReader(long maxBytes, JsonCodec codec) {
    this.maxBytes = maxBytes;
    this.codec = codec;
  }

  ObjectNode read(Context ctx) {
    // A declared length over the limit is refused before a byte is read.
    if (ctx.req().getContentLengthLong() > maxBytes) {
      throw tooLarge();
    }
    requireJsonMediaType(ctx.header("Content-Type"));
    byte[] bytes = readAtMostLimit(ctx);
    JsonNode node;
    try {
      node = codec.parse(bytes);
    } catch (JacksonException e) {
      throw notAnObject(invalidJsonMessage(e), "json_invalid");
    }
    if (node == null || node.isMissingNode()) {
      throw notAnObject("a JSON object body is required", "missing");
    }
    if (!(node instanceof ObjectNode object)) {
      throw notAnObject("body must be a JSON object", "dict_type");
    }
    return object;
  }

  /** A body that is not one JSON object: 422 at {@code ["body"]} in the reference's shape. */
  private static RequestRejected notAnObject(String message, String type) {
    return new RequestRejected(
        HttpStatus.UNPROCESSABLE_CONTENT.getCode(), new Violation(List.of("body"), message, type));
  }

  /** Chunked bodies declare no length, so the read itself stops one byte past the limit. */
  private byte[] readAtMostLimit(Context ctx) {
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw tooLarge();
      }
      return bytes;
    } catch (IOException e) {
      throw new RequestRejected(
          HttpStatus.BAD_REQUEST.getCode(),
          new Violation(List.of("body"), "the request body could not be read", "body_unreadable"));
    }
  }

  private RequestRejected tooLarge() {
    return new RequestRejected(
        HttpStatus.CONTENT_TOO_LARGE.getCode(),
        new Violation(
            List.of("body"), "body must be at most " + maxBytes + " bytes", "content_too_large"));
  }

  /** {@code application/json} or a {@code +json} type, with any parameters (e.g. charset). */
  private static void requireJsonMediaType(String contentType) {
    String mediaType =
        contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    boolean json =
        mediaType.equals("application/json")
            || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
    if (!json) {
      throw new RequestRejected(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(),
          new Violation(
              List.of("header", "content-type"),
              "Content-Type must be application/json",
              "unsupported_media_type"));
    }
  }

  /** Where parsing failed, without echoing the body or the parser's internals. */
  private static String invalidJsonMessage(JacksonException e) {
    TokenStreamLocation at = e.getLocation();
    return at == null || at.getLineNr() < 1
        ? "body is not valid JSON"
        : "body is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }
}
