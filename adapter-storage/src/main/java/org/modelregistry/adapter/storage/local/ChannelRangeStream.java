package org.modelregistry.adapter.storage.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * At most {@code count} bytes of an open file from its current position; closing it closes the
 * file. The open file keeps the version that was opened readable even when it is replaced.
 */
final class ChannelRangeStream extends InputStream {

  private final FileChannel channel;
  private long remaining;

  ChannelRangeStream(FileChannel channel, long count) {
    this.channel = channel;
    this.remaining = count;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (remaining <= 0) {
      return -1;
    }
    int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, remaining)));
    if (n > 0) {
      remaining -= n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = Math.max(0, Math.min(n, remaining));
    channel.position(channel.position() + skipped);
    remaining -= skipped;
    return skipped;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
