package org.modelregistry.adapter.http;

/** The reference's {@code DeleteResponse}: a delete removes exactly one entity. */
record DeleteResponse(boolean success, int count) {

  static DeleteResponse one() {
    return new DeleteResponse(true, 1);
  }
}
