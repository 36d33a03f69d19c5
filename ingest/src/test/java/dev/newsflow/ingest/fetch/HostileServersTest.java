package dev.newsflow.ingest.fetch;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.newsflow.ingest.testing.RawServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fetcher against servers that misbehave on purpose, byte by byte on a raw socket: every fetch
 * ends with a specific failure within its limits (the generous bound on each test only keeps a
 * regression from hanging the build), and no server gets to push more than the body cap plus what
 * the sockets buffer.
 */
class HostileServersTest {
  private static final long CAP = 256 * 1024;
  /** What loopback socket buffers and the HTTP client's own buffers may hold beyond what was read. */
  private static final long IN_TRANSIT = 16L * 1024 * 1024;
  private static final Duration BOUND = Duration.ofSeconds(20);

  private final FetchConfig config = new FetchConfig(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3),
      CAP, 4, "newsflow-test (+https://example.org/contact)", true, null);
  private final HttpFetcher fetcher = new HttpFetcher(config);
  private RawServer server;

  @AfterEach
  void stop() {
    fetcher.close();
    if (server != null) {
      server.close();
    }
  }

  private FetchResult.Failed fetchFails(String path) {
    FetchResult r = assertTimeoutPreemptively(BOUND, () -> fetcher.fetch(server.uri(path)));
    assertThat(r).isInstanceOf(FetchResult.Failed.class);
    return (FetchResult.Failed) r;
  }

  @Test
  void aStatusLineDribbledOneByteAtATimeHitsTheTimeout() {
    server = new RawServer((path, out) -> dribble(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + "X".repeat(1000)));
    FetchResult.Failed f = fetchFails("/");
    assertThat(f.status()).isEqualTo(FetchStatus.TIMEOUT);
    assertThat(f.duration()).isLessThan(config.totalTimeout().plusSeconds(2));
    assertHungUp();
  }

  @Test
  void headersDribbledForeverHitTheTimeout() {
    server = new RawServer((path, out) -> {
      RawServer.write(out, "HTTP/1.1 200 OK\r\n");
      for (int i = 0; ; i++) {
        dribble(out, "X-Slow-" + i + ": " + "y".repeat(5) + "\r\n");
      }
    });
    FetchResult.Failed f = fetchFails("/");
    assertThat(f.status()).isEqualTo(FetchStatus.TIMEOUT);
    assertHungUp();
  }

  @Test
  void aBodyDribbledOneByteAtATimeHitsTheTotalTimeout() {
    server = new RawServer((path, out) -> {
      RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n");
      dribble(out, "<html>" + "x".repeat(99_994));
    });
    FetchResult.Failed f = fetchFails("/");
    assertThat(f.status()).isEqualTo(FetchStatus.TIMEOUT);
    assertThat(f.message()).contains("total timeout");
    assertHungUp();
  }

  @Test
  void anEndlessChunkedBodyStopsAtTheCap() {
    byte[] chunk = ("2000\r\n" + "x".repeat(0x2000) + "\r\n").getBytes(ISO_8859_1);
    server = new RawServer((path, out) -> {
      RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n");
      while (true) {
        out.write(chunk);
      }
    });
    FetchResult.Failed f = fetchFails("/");
    assertThat(f.status()).isEqualTo(FetchStatus.TOO_LARGE);
    assertServerWasCutOff();
  }

  @Test
  void anEndlessGzipStreamStopsAtTheCapAfterDecompression() {
    server = new RawServer((path, out) -> {
      RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Encoding: gzip\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n");
      ChunkedOutput chunked = new ChunkedOutput(out);
      GZIPOutputStream gz = new GZIPOutputStream(chunked, 8192, true);
      byte[] zeros = new byte[1 << 20];
      while (true) {
        gz.write(zeros);
        gz.flush();
      }
    });
    FetchResult.Failed f = fetchFails("/");
    assertThat(f.status()).isEqualTo(FetchStatus.TOO_LARGE);
    assertThat(f.message()).contains("after decompression");
    assertThat(server.mostWrittenToOneConnection()).isLessThan(CAP + IN_TRANSIT);
  }

  @Test
  void aDeflateBombWithADeclaredLengthStopsAtTheCap() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DeflaterOutputStream z = new DeflaterOutputStream(bytes, new Deflater(9))) {
      z.write(new byte[64 << 20]);
    }
    byte[] bomb = bytes.toByteArray();
    assertThat(bomb.length).isLessThan(100_000);
    server = new RawServer((path, out) -> {
      RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: deflate\r\nContent-Length: "
          + bomb.length + "\r\n\r\n");
      out.write(bomb);
    });
    FetchResult.Failed f = fetchFails("/");
    assertThat(f.status()).isEqualTo(FetchStatus.TOO_LARGE);
  }

  @Test
  void aHugePageWithAHugeDeclaredLengthStopsAtTheCap() {
    byte[] block = new byte[64 * 1024];
    Arrays.fill(block, (byte) 'a');
    server = new RawServer((path, out) -> {
      RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + (8L << 30) + "\r\n\r\n");
      while (true) {
        out.write(block);
      }
    });
    FetchResult.Failed f = fetchFails("/");
    assertThat(f.status()).isEqualTo(FetchStatus.TOO_LARGE);
    assertServerWasCutOff();
  }

  @Test
  void endlessResponseHeadersAreRefused() {
    server = new RawServer((path, out) -> {
      RawServer.write(out, "HTTP/1.1 200 OK\r\n");
      byte[] header = ("X-Filler: " + "z".repeat(1000) + "\r\n").getBytes(ISO_8859_1);
      while (true) {
        out.write(header);
      }
    });
    FetchResult.Failed f = fetchFails("/");
    assertThat(f.status()).isEqualTo(FetchStatus.IO_ERROR);
    assertThat(f.message()).contains("not an HTTP response").contains("Header size too big");
    assertServerWasCutOff();
  }

  @Test
  void aServerThatDoesNotSpeakHttpIsRefusedAndItsConnectionClosed() {
    server = new RawServer((path, out) -> {
      RawServer.write(out, "SSH-2.0-OpenSSH_9.6\r\n");
      dribble(out, "x".repeat(1000));
    });
    FetchResult.Failed f = fetchFails("/");
    assertThat(f.status()).isEqualTo(FetchStatus.IO_ERROR);
    assertThat(f.message()).contains("not an HTTP response").contains("SSH-2.0");
    assertHungUp();
  }

  @Test
  void anEndlessChainOfRedirectsEndsAfterTheConfiguredNumber() {
    server = new RawServer((path, out) -> {
      int n = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
      RawServer.write(out, "HTTP/1.1 302 Found\r\nLocation: /r/" + (n + 1) + "\r\nContent-Length: 0\r\n\r\n");
    });
    FetchResult.Failed f = fetchFails("/r/0");
    assertThat(f.status()).isEqualTo(FetchStatus.TOO_MANY_REDIRECTS);
    assertThat(f.message()).isEqualTo("more than 4 redirects");
    assertThat(server.connections()).isLessThanOrEqualTo(config.maxRedirects() + 1);
  }

  @Test
  void aPageRedirectingToItselfIsALoop() {
    server = new RawServer((path, out) ->
        RawServer.write(out, "HTTP/1.1 301 Moved Permanently\r\nLocation: " + path + "\r\nContent-Length: 0\r\n\r\n"));
    FetchResult.Failed f = fetchFails("/self");
    assertThat(f.status()).isEqualTo(FetchStatus.TOO_MANY_REDIRECTS);
    assertThat(f.message()).contains("redirect loop back to").contains("/self");
  }

  @Test
  void aServerThatClosesMidBodyIsAnIoErrorNotAShortBody() {
    server = new RawServer((path, out) ->
        RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n<html>cut"));
    FetchResult.Failed f = fetchFails("/");
    assertThat(f.status()).isEqualTo(FetchStatus.IO_ERROR);
  }

  private void assertServerWasCutOff() {
    assertHungUp();
    assertThat(server.mostWrittenToOneConnection()).isLessThan(CAP + IN_TRANSIT);
  }

  /** The server's behaviour ended on a failed write: the fetcher closed the connection instead of leaving it open. */
  private void assertHungUp() {
    await().atMost(Duration.ofSeconds(10)).until(() -> server.hangUps() == 1);
  }

  private static void dribble(OutputStream out, String text) throws IOException, InterruptedException {
    for (char c : text.toCharArray()) {
      out.write(c);
      out.flush();
      Thread.sleep(250);
    }
  }

  /** HTTP/1.1 chunked framing over a stream, one chunk per flush. */
  private static final class ChunkedOutput extends OutputStream {
    private final OutputStream out;

    ChunkedOutput(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return;
      }
      out.write((Integer.toHexString(len) + "\r\n").getBytes(ISO_8859_1));
      out.write(b, off, len);
      out.write("\r\n".getBytes(ISO_8859_1));
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }
  }
}
