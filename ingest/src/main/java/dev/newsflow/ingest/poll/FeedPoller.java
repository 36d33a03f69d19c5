package dev.newsflow.ingest.poll;

import dev.newsflow.ingest.extract.ArticleExtractor;
import dev.newsflow.ingest.extract.Extraction;
import dev.newsflow.ingest.extract.ExtractionException;
import dev.newsflow.ingest.feed.FeedEntry;
import dev.newsflow.ingest.feed.FeedParser;
import dev.newsflow.ingest.feed.ParsedFeed;
import dev.newsflow.ingest.fetch.FetchResult;
import dev.newsflow.ingest.fetch.FetchStatus;
import dev.newsflow.ingest.fetch.HttpFetcher;
import dev.newsflow.ingest.url.UrlCanonicalizer;
import dev.newsflow.schemas.DeadLetter;
import dev.newsflow.schemas.FetchEvent;
import dev.newsflow.schemas.RawArticle;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one feed: fetches and parses it, then fetches and extracts the page of each item not seen
 * before, and hands {@link RawArticle}s, {@link FetchEvent}s and {@link DeadLetter}s to the output.
 * Knows nothing of Kafka. Thread-safe: feeds may be polled from many virtual threads at once.
 */
public final class FeedPoller {
  private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

  private final HttpFetcher fetcher;
  private final FeedParser parser;
  private final ArticleExtractor extractor;
  private final IngestOutput output;
  private final SeenItems seen;
  private final Semaphore pageSlots;
  private final Clock clock;

  public FeedPoller(
      HttpFetcher fetcher,
      FeedParser parser,
      ArticleExtractor extractor,
      IngestOutput output,
      int seenMax,
      int concurrency,
      Clock clock) {
    this.fetcher = Objects.requireNonNull(fetcher);
    this.parser = Objects.requireNonNull(parser);
    this.extractor = Objects.requireNonNull(extractor);
    this.output = Objects.requireNonNull(output);
    this.seen = new SeenItems(seenMax);
    this.pageSlots = new Semaphore(concurrency);
    this.clock = clock;
  }

  /** Polls {@code feedUrl} once; returns the number of new articles produced. */
  public int poll(String feedUrl) throws InterruptedException {
    Instant started = clock.instant();
    URI uri;
    try {
      uri = URI.create(feedUrl.strip());
    } catch (IllegalArgumentException e) {
      output.fetchEvent(event(feedUrl, feedUrl, "FEED", started, FetchStatus.BAD_URL.name(), 0, 0, 0, 0, 0, "malformed feed URL: " + e.getMessage()));
      return 0;
    }
    FetchResult result = fetcher.fetch(uri);
    if (!(result instanceof FetchResult.Fetched fetched)) {
      output.fetchEvent(failureEvent(feedUrl, feedUrl, "FEED", started, result));
      return 0;
    }
    ParsedFeed feed = parser.parse(fetched.body(), fetched.finalUri().toString(), fetched.header("content-type"));
    if (!feed.ok()) {
      output.fetchEvent(event(feedUrl, feedUrl, "FEED", started, FetchStatus.PARSE_ERROR.name(), fetched.httpCode(),
          fetched.body().length, fetched.duration().toMillis(), 0, 0, feed.error()));
      return 0;
    }
    int fresh = 0;
    for (FeedEntry entry : feed.entries()) {
      String key = itemKey(entry);
      if (key != null && seen.add(key)) {
        fresh++;
        if (!fetchArticle(feedUrl, entry)) {
          seen.forget(key);
        }
      }
    }
    output.fetchEvent(event(feedUrl, feedUrl, "FEED", started, FetchStatus.OK.name(), fetched.httpCode(),
        fetched.body().length, fetched.duration().toMillis(), feed.entries().size(), fresh, null));
    LOG.debug("polled {}: {} items, {} new", feedUrl, feed.entries().size(), fresh);
    return fresh;
  }

  private static String itemKey(FeedEntry entry) {
    if (entry.link() != null && !entry.link().isBlank()) {
      try {
        return UrlCanonicalizer.canonicalize(entry.link());
      } catch (IllegalArgumentException e) {
        return entry.link().strip();
      }
    }
    return entry.id();
  }

  /** Fetches and extracts one item's page; false when it should be retried at a later poll. */
  private boolean fetchArticle(String feedUrl, FeedEntry entry) throws InterruptedException {
    Instant started = clock.instant();
    String link = entry.link();
    if (link == null || link.isBlank()) {
      output.fetchEvent(event(feedUrl, feedUrl, "PAGE", started, FetchStatus.BAD_URL.name(), 0, 0, 0, 0, 0,
          "feed item " + entry.id() + " has no link"));
      return true;
    }
    String canonicalLink;
    URI uri;
    try {
      canonicalLink = UrlCanonicalizer.canonicalize(link);
      uri = URI.create(link.strip());
    } catch (IllegalArgumentException e) {
      output.fetchEvent(event(feedUrl, link, "PAGE", started, FetchStatus.BAD_URL.name(), 0, 0, 0, 0, 0, e.getMessage()));
      return true;
    }
    FetchResult result;
    pageSlots.acquire();
    try {
      result = fetcher.fetch(uri);
    } finally {
      pageSlots.release();
    }
    if (!(result instanceof FetchResult.Fetched page)) {
      output.fetchEvent(failureEvent(feedUrl, link, "PAGE", started, result));
      return !isTransient(result);
    }
    try {
      Extraction x = extractor.extract(page.body(), page.finalUri().toString(), page.headers().map());
      String url = chooseCanonical(canonicalLink, page.finalUri(), x.canonicalUrl());
      output.article(article(feedUrl, entry, x, url));
      output.fetchEvent(event(feedUrl, link, "PAGE", started, FetchStatus.OK.name(), page.httpCode(),
          page.body().length, page.duration().toMillis(), 0, 0, null));
    } catch (ExtractionException e) {
      String reason = "cannot extract an article from " + link + ": " + e.getMessage();
      LOG.warn(reason);
      output.fetchEvent(event(feedUrl, link, "PAGE", started, FetchStatus.PARSE_ERROR.name(), page.httpCode(),
          page.body().length, page.duration().toMillis(), 0, 0, reason));
      output.deadLetter(DeadLetter.newBuilder().setStage("ingest").setReason("UNPARSEABLE_PAGE").setDetail(reason)
          .setSourceUrl(link).setValue(ByteBuffer.wrap(page.body())).setTime(clock.instant()).build());
    }
    return true;
  }

  /**
   * The page's {@code rel=canonical} when it stays on the host that served the page (a page cannot
   * claim another site's article id), else the item link canonicalised.
   */
  static String chooseCanonical(String canonicalLink, URI servedFrom, String declared) {
    if (declared == null || declared.isBlank()) {
      return canonicalLink;
    }
    try {
      String candidate = UrlCanonicalizer.canonicalize(declared);
      String declaredHost = host(URI.create(candidate));
      String linkHost = host(URI.create(canonicalLink));
      String servedHost = host(servedFrom);
      return declaredHost.equals(linkHost) || declaredHost.equals(servedHost) ? candidate : canonicalLink;
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

  private static boolean isTransient(FetchResult r) {
    return r instanceof FetchResult.Failed f
        && (f.status() == FetchStatus.TIMEOUT || f.status() == FetchStatus.IO_ERROR
            || (f.status() == FetchStatus.HTTP_ERROR && (f.httpCode() >= 500 || f.httpCode() == 429)));
  }

  private static FetchEvent failureEvent(String feedUrl, String url, String kind, Instant started, FetchResult r) {
    return switch (r) {
      case FetchResult.Failed f -> event(feedUrl, url, kind, started, f.status().name(), f.httpCode(), 0, f.duration().toMillis(), 0, 0, f.message());
      case FetchResult.NotModified n -> event(feedUrl, url, kind, started, FetchStatus.NOT_MODIFIED.name(), 304, 0, n.duration().toMillis(), 0, 0, null);
      case FetchResult.Fetched f -> event(feedUrl, url, kind, started, FetchStatus.OK.name(), f.httpCode(), f.body().length, f.duration().toMillis(), 0, 0, null);
    };
  }

  private static FetchEvent event(String feedUrl, String url, String kind, Instant time, String status, int code,
      long bytes, long durationMs, int seen, int fresh, String error) {
    return FetchEvent.newBuilder().setFeedUrl(feedUrl).setUrl(url).setKind(kind).setTime(time).setStatus(status)
        .setHttpCode(code).setBytes(bytes).setDurationMs(durationMs).setItemsSeen(seen).setItemsNew(fresh)
        .setError(error).build();
  }
}
