package org.modelregistry.adapter.storage.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A real TCP server on 127.0.0.1 that answers every request with exactly the bytes a script writes,
 * then closes the connection: for sources that misbehave in ways an HTTP server library will not (a
 * body shorter than announced, a stall in the middle of a body). A stalling script waits on {@link
 * #awaitRelease()}, which {@link #close()} releases.
 */
final class RawServer implements AutoCloseable {

  /** Writes a whole response, or part of one, after the request has been read. */
  interface Script {
    void write(OutputStream out, RawServer server) throws IOException, InterruptedException;
  }

  private final ServerSocket listener;
  private final Script script;
  private final CountDownLatch release = new CountDownLatch(1);
  private final List<Socket> connections = new CopyOnWriteArrayList<>();

  private RawServer(Script script) {
    this.script = script;
    try {
      listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread.ofVirtual().start(this::acceptLoop);
  }

  static RawServer start(Script script) {
    return new RawServer(script);
  }

  /** Response head plus {@code body}, as bytes ("HTTP/1.1 200 OK\r\n...\r\n\r\n" + body). */
  static byte[] response(String head, byte[] body) {
    var bytes = new ByteArrayOutputStream();
    bytes.writeBytes((head + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    bytes.writeBytes(body);
    return bytes.toByteArray();
  }

  String hostAndPort() {
    return "127.0.0.1:" + listener.getLocalPort();
  }

  String url(String pathAndQuery) {
    return "http://" + hostAndPort() + pathAndQuery;
  }

  void awaitRelease() throws InterruptedException {
    release.await();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        connections.add(socket);
        Thread.ofVirtual().start(() -> serve(socket));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      skipRequestHead(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      script.write(out, this);
      out.flush();
    } catch (IOException e) {
      // The client went away; nothing to answer.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void skipRequestHead(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < end.length) {
      int next = in.read();
      if (next < 0) {
        return;
      }
      matched = next == end[matched] ? matched + 1 : (next == '\r' ? 1 : 0);
    }
  }

  @Override
  public void close() throws IOException {
    release.countDown();
    listener.close();
    for (Socket socket : connections) {
      socket.close();
    }
  }
}
