package dev.newsflow.ingest.poll;

import dev.newsflow.ingest.extract.ArticleExtractor;
import dev.newsflow.ingest.extract.Extraction;
import dev.newsflow.ingest.extract.ExtractionException;
import dev.newsflow.ingest.feed.FeedEntry;
import dev.newsflow.ingest.fetch.FetchResult;
import dev.newsflow.ingest.fetch.FetchStatus;
import dev.newsflow.ingest.fetch.HttpFetcher;
import dev.newsflow.ingest.fetch.RobotsCache;
import dev.newsflow.ingest.schedule.HostGate;
import dev.newsflow.schemas.url.UrlCanonicalizer;
import dev.newsflow.schemas.DeadLetter;
import dev.newsflow.schemas.RawArticle;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the page of one feed item (politely, as robots.txt allows) and extracts a {@link
 * RawArticle} from it; a page that cannot be extracted becomes a {@link DeadLetter}.
 */
final class PageFetcher {
  private static final Logger LOG = LoggerFactory.getLogger(PageFetcher.class);
  private static final UrlCanonicalizer URLS = new UrlCanonicalizer();

  private final HttpFetcher fetcher;
  private final ArticleExtractor extractor;
  private final RobotsCache robots;
  private final HostGate gate;
  private final Clock clock;

  PageFetcher(HttpFetcher fetcher, ArticleExtractor extractor, RobotsCache robots, HostGate gate, Clock clock) {
    this.fetcher = fetcher;
    this.extractor = extractor;
    this.robots = robots;
    this.gate = gate;
    this.clock = clock;
  }

  /** The key an item is remembered by: its canonical link, else its guid. */
  static String itemKey(FeedEntry entry) {
    if (entry.link() != null && !entry.link().isBlank()) {
      try {
        return URLS.canonicalize(entry.link());
      } catch (IllegalArgumentException e) {
        return entry.link().strip();
      }
    }
    return entry.id() == null || entry.id().isBlank() ? null : entry.id().strip();
  }

  /**
   * Fetches and extracts one item's page into {@code out}.
   *
   * @return false when the item should be tried again at a later poll (a temporary failure)
   */
  boolean fetch(String feedUrl, FeedEntry entry, Pages out, Events events) throws InterruptedException {
    Instant started = clock.instant();
    String link = entry.link();
    if (link == null || link.isBlank()) {
      events.page(feedUrl, started, FetchStatus.BAD_URL.name(), 0, 0, 0, "feed item " + entry.id() + " has no link");
      return true;
    }
    String canonicalLink;
    URI uri;
    try {
      canonicalLink = URLS.canonicalize(link);
      uri = URI.create(link.strip());
    } catch (IllegalArgumentException e) {
      events.page(link, started, FetchStatus.BAD_URL.name(), 0, 0, 0, e.getMessage());
      return true;
    }
    FetchResult result;
    try (HostGate.Permit permit = gate.acquire(uri.getHost())) {
      if (robots != null && uri.getHost() != null && !robots.allowed(uri)) {
        events.page(link, started, "ROBOTS_DISALLOWED", 0, 0, 0, "robots.txt of " + uri.getHost() + " disallows " + uri.getRawPath());
        return false;
      }
      result = fetcher.fetch(uri);
    }
    if (!(result instanceof FetchResult.Fetched page)) {
      FetchResult.Failed f = result instanceof FetchResult.Failed failed ? failed : null;
      events.page(link, started, f == null ? FetchStatus.NOT_MODIFIED.name() : f.status().name(),
          f == null ? 304 : f.httpCode(), 0, result.duration().toMillis(), f == null ? null : f.message());
      return f != null && !isTransient(f);
    }
    try {
      Extraction x = extractor.extract(page.body(), page.finalUri().toString(), page.headers().map());
      if (x.text().isBlank()) {
        reject(link, started, page, "NO_ARTICLE_TEXT", "no article text found in " + link, out, events);
        return true;
      }
      String url = chooseCanonical(canonicalLink, page.finalUri(), x.canonicalUrl());
      out.articles.add(article(feedUrl, entry, x, url));
      events.page(link, started, FetchStatus.OK.name(), page.httpCode(), page.body().length, page.duration().toMillis(), null);
    } catch (ExtractionException e) {
      reject(link, started, page, "UNPARSEABLE_PAGE", "cannot extract an article from " + link + ": " + e.getMessage(), out, events);
    }
    return true;
  }

  private void reject(String link, Instant started, FetchResult.Fetched page, String reason, String detail, Pages out, Events events) {
    LOG.warn("ingest: {}: {}", reason, detail);
    events.page(link, started, FetchStatus.PARSE_ERROR.name(), page.httpCode(), page.body().length, page.duration().toMillis(), detail);
    out.letters.add(DeadLetter.newBuilder().setStage("ingest").setReason(reason).setDetail(detail)
        .setSourceUrl(link).setValue(ByteBuffer.wrap(page.body())).setTime(clock.instant()).build());
  }

  /**
   * The page's {@code rel=canonical} when it stays on the host of the item link or of the page
   * (a page cannot claim another site's article id), else the item link canonicalised.
   */
  static String chooseCanonical(String canonicalLink, URI servedFrom, String declared) {
    if (declared == null || declared.isBlank()) {
      return canonicalLink;
    }
    try {
      String candidate = URLS.canonicalize(declared);
      String declaredHost = host(URI.create(candidate));
      return declaredHost.equals(host(URI.create(canonicalLink))) || declaredHost.equals(host(servedFrom))
          ? candidate : canonicalLink;
    } catch (IllegalArgumentException e) {
      return canonicalLink;
    }
  }

  private static String host(URI uri) {
    String h = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    return h.startsWith("www.") ? h.substring(4) : h;
  }

  private RawArticle article(String feedUrl, FeedEntry entry, Extraction x, String url) {
    String title = !x.title().isBlank() ? x.title() : entry.title() == null ? "" : entry.title();
    Instant published = x.published() != null ? x.published() : entry.published();
    String source = x.siteName() != null && !x.siteName().isBlank() ? x.siteName() : host(URI.create(url));
    return RawArticle.newBuilder()
        .setId(UrlCanonicalizer.articleId(url))
        .setUrl(url)
        .setFeedUrl(feedUrl)
        .setTitle(title.strip())
        .setText(x.text())
        .setPublished(published)
        .setFetchedAt(clock.instant())
        .setSource(source)
        .setSourceUrl(entry.link())
        .setAuthors(x.authors().isEmpty() ? entry.authors() : x.authors())
        .setLanguage(x.language())
        .build();
  }

  private static boolean isTransient(FetchResult.Failed f) {
    return f.status() == FetchStatus.TIMEOUT || f.status() == FetchStatus.IO_ERROR
        || (f.status() == FetchStatus.HTTP_ERROR && (f.httpCode() >= 500 || f.httpCode() == 429));
  }
}
