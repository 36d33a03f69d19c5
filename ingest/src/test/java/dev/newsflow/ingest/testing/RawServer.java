package dev.newsflow.ingest.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * A loopback HTTP server that can misbehave, written on a raw {@link ServerSocket} so that nothing
 * stands between a test and the bytes on the wire: it reads the request line and headers, then hands
 * the socket's output to a {@link Behaviour} that writes whatever it likes, as slowly as it likes.
 * Counts connections and the bytes written per connection (the most a client was sent).
 */
public final class RawServer implements AutoCloseable {
  private final ServerSocket socket;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final Behaviour behaviour;
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicLong bytesWritten = new AtomicLong();
  private final LongAccumulator mostWrittenToOne = new LongAccumulator(Math::max, 0);
  private final AtomicInteger hangUps = new AtomicInteger();

  /** What the server answers: writes to {@code out} (counted), for the request {@code path}. */
  @FunctionalInterface
  public interface Behaviour {
    void respond(String path, OutputStream out) throws IOException, InterruptedException;
  }

  /** Listens on a free port of {@code 127.0.0.1}. */
  public RawServer(Behaviour behaviour) {
    this("127.0.0.1", behaviour);
  }

  /**
   * Listens on a free port of loopback address {@code address} (any of 127.0.0.0/8 on Linux), so
   * that servers of one test are different hosts to the fetcher's per-host politeness.
   */
  public RawServer(String address, Behaviour behaviour) {
    this.behaviour = behaviour;
    try {
      socket = new ServerSocket();
      socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread.ofVirtual().name("raw-server-accept").start(this::accept);
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        connections.incrementAndGet();
        executor.submit(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    CountingOutput out = null;
    try (s) {
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
      String requestLine = in.readLine();
      if (requestLine == null) {
        return;
      }
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        // Headers are read and ignored: the behaviour decides the answer from the path alone.
      }
      String[] parts = requestLine.split(" ");
      out = new CountingOutput(s.getOutputStream());
      behaviour.respond(parts.length > 1 ? parts[1] : "/", out);
      out.flush();
    } catch (IOException e) {
      hangUps.incrementAndGet();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (out != null) {
        mostWrittenToOne.accumulate(out.count);
      }
    }
  }

  private final class CountingOutput extends OutputStream {
    private final OutputStream out;
    private long count;

    CountingOutput(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
      bytesWritten.incrementAndGet();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
      bytesWritten.addAndGet(len);
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }
  }

  public URI uri(String path) {
    return URI.create("http://" + socket.getInetAddress().getHostAddress() + ":" + socket.getLocalPort() + path);
  }

  public int connections() {
    return connections.get();
  }

  public long bytesWritten() {
    return bytesWritten.get();
  }

  /** The most bytes written on one connection, counted once its behaviour ended. */
  public long mostWrittenToOneConnection() {
    return mostWrittenToOne.get();
  }

  /** Connections on which the client hung up (a write failed) before the behaviour ended. */
  public int hangUps() {
    return hangUps.get();
  }

  /** Writes {@code text} as ISO-8859-1 bytes (the charset of HTTP headers). */
  public static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing anyway.
    }
    executor.shutdownNow();
  }
}
