package org.modelregistry.adapter.http;

import io.javalin.Javalin;

/** A started HTTP API. Closing it stops the server; it can be closed more than once. */
public final class RunningHttpApi implements AutoCloseable {

  private final Javalin server;

  RunningHttpApi(Javalin server) {
    this.server = server;
  }

  /** The port the server listens on (the chosen one when started on port 0). */
  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.stop();
  }
}
