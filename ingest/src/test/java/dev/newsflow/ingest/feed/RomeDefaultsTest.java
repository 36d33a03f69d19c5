package dev.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins what Rome 2.1.0 itself does with DTDs. FeedParser does not rely on it (it removes DOCTYPEs
 * before parsing), but these are the defaults a plain Rome user gets. Note: once a
 * DOCTYPE-refusing parse has run in the JVM, {@code setAllowDoctypes(true)} on a later input was
 * observed to have no effect (DOCTYPEs still refused), so the second check accepts either outcome
 * as long as the local file is not read.
 */
class RomeDefaultsTest {

  private static String xxe(Path secret) {
    return "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
        + "<rss version=\"2.0\"><channel><title>t</title><item><title>[&xxe;]</title></item>"
        + "</channel></rss>";
  }

  @Test
  void romeRejectsDoctypesByDefault(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("s.txt");
    Files.writeString(secret, "TOP-SECRET");

    assertThatThrownBy(() -> new SyndFeedInput().build(new StringReader(xxe(secret))))
        .isInstanceOf(ParsingFeedException.class)
        .hasMessageContaining("DOCTYPE");
  }

  @Test
  void romeWithDoctypesAllowedStillDoesNotReadExternalEntities(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("s.txt");
    Files.writeString(secret, "TOP-SECRET");
    SyndFeedInput input = new SyndFeedInput();
    input.setAllowDoctypes(true);

    String title;
    try {
      SyndFeed feed = input.build(new StringReader(xxe(secret)));
      title = feed.getEntries().get(0).getTitle();
    } catch (ParsingFeedException refusedAnyway) {
      title = refusedAnyway.getMessage();
    }

    assertThat(title).doesNotContain("TOP-SECRET");
  }
}
