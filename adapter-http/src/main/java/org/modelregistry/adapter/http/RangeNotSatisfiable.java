package org.modelregistry.adapter.http;

/**
 * A download asked for a byte range that lies outside the file: answered 416 with {@code
 * Content-Range: bytes *}{@code /<size>}.
 */
final class RangeNotSatisfiable extends RuntimeException {

  private final long size;

  RangeNotSatisfiable(long size) {
    super("the requested range lies outside the file of " + size + " bytes");
    this.size = size;
  }

  long size() {
    return size;
  }
}
