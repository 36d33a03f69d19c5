package dev.newsflow.ingest.poll;

import dev.newsflow.ingest.extract.ArticleExtractor;
import dev.newsflow.ingest.feed.FeedEntry;
import dev.newsflow.ingest.feed.FeedParser;
import dev.newsflow.ingest.feed.ParsedFeed;
import dev.newsflow.ingest.fetch.FetchResult;
import dev.newsflow.ingest.fetch.FetchStatus;
import dev.newsflow.ingest.fetch.HttpFetcher;
import dev.newsflow.ingest.fetch.RobotsCache;
import dev.newsflow.ingest.schedule.FailureKind;
import dev.newsflow.ingest.schedule.HostGate;
import dev.newsflow.ingest.schedule.HttpHints;
import dev.newsflow.ingest.schedule.PollPlanner;
import dev.newsflow.schemas.FeedState;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Polls one feed given what was remembered of it: conditional GET (ETag, Last-Modified, body hash),
 * parse, fetch and extract the pages of items not seen before, and decide the next poll. Returns
 * everything as a {@link PollResult}, to be written atomically by the caller. Knows nothing of
 * Kafka. Thread-safe: feeds are polled from many virtual threads at once; a host is asked one
 * request at a time ({@link HostGate}).
 */
public final class FeedPoller {
  private final HttpFetcher fetcher;
  private final FeedParser parser;
  private final PageFetcher pages;
  private final PollPlanner planner;
  private final HostGate gate;
  private final Clock clock;
  private final int seenMax;

  public FeedPoller(HttpFetcher fetcher, FeedParser parser, ArticleExtractor extractor, RobotsCache robots,
      PollPlanner planner, HostGate gate, int seenMax, Clock clock) {
    this.fetcher = Objects.requireNonNull(fetcher);
    this.parser = Objects.requireNonNull(parser);
    this.planner = Objects.requireNonNull(planner);
    this.gate = Objects.requireNonNull(gate);
    this.clock = clock;
    this.seenMax = seenMax;
    this.pages = new PageFetcher(fetcher, extractor, robots, gate, clock);
  }

  /** A first state for a feed never polled: due now. */
  public static FeedState initialState(String feedUrl, Instant now) {
    return FeedState.newBuilder().setUrl(feedUrl).setNextPollAt(now).build();
  }

  /** Polls {@code feedUrl} whose state was {@code previous} (null for a new feed). */
  public PollResult poll(String feedUrl, FeedState previous) throws InterruptedException {
    Instant started = clock.instant();
    FeedState.Builder state = FeedState.newBuilder(previous == null ? initialState(feedUrl, started) : previous)
        .setLastPollAt(started);
    Events events = new Events(feedUrl, started);
    URI uri;
    try {
      uri = URI.create((state.getFetchUrl() != null ? state.getFetchUrl() : feedUrl).strip());
    } catch (IllegalArgumentException e) {
      events.feed(FetchStatus.BAD_URL.name(), 0, 0, 0, 0, 0, "malformed feed URL: " + e.getMessage());
      return failed(feedUrl, state, events, FailureKind.FATAL, "malformed feed URL", null, started);
    }
    FetchResult result;
    try (HostGate.Permit permit = gate.acquire(uri.getHost())) {
      result = fetcher.fetch(uri, conditionalHeaders(state));
    }
    return switch (result) {
      case FetchResult.NotModified n -> {
        events.feed(FetchStatus.NOT_MODIFIED.name(), 304, 0, n.duration().toMillis(), 0, 0, null);
        yield succeeded(feedUrl, state, events, List.of(), false, maxAge(n.headers()), new Pages(), started);
      }
      case FetchResult.Failed f -> {
        events.feed(f.status().name(), f.httpCode(), 0, f.duration().toMillis(), 0, 0, f.message());
        Duration retryAfter = f.headers() == null ? null
            : HttpHints.retryAfter(f.headers().firstValue("retry-after").orElse(null), started);
        yield failed(feedUrl, state, events, FailureKind.of(f.status(), f.httpCode()), f.message(), retryAfter, started);
      }
      case FetchResult.Fetched f -> handleBody(feedUrl, state, events, f, started);
    };
  }

  private PollResult handleBody(String feedUrl, FeedState.Builder state, Events events, FetchResult.Fetched f, Instant started)
      throws InterruptedException {
    if (f.permanentRedirect()) {
      state.setFetchUrl(f.finalUri().toString());
    }
    state.setEtag(f.header("etag")).setLastModified(f.header("last-modified"));
    String hash = sha256(f.body());
    Duration maxAge = HttpHints.maxAge(f.header("cache-control"));
    if (hash.equals(state.getBodyHash())) {
      events.feed(FetchStatus.NOT_MODIFIED.name(), f.httpCode(), f.body().length, f.duration().toMillis(), 0, 0, null);
      return succeeded(feedUrl, state, events, List.of(), false, maxAge, new Pages(), started);
    }
    ParsedFeed feed = parser.parse(f.body(), f.finalUri().toString(), f.header("content-type"));
    if (!feed.ok()) {
      events.feed(FetchStatus.PARSE_ERROR.name(), f.httpCode(), f.body().length, f.duration().toMillis(), 0, 0, feed.error());
      return failed(feedUrl, state, events, FailureKind.SOFT, feed.error(), null, started);
    }
    state.setBodyHash(hash);
    Pages fetched = new Pages();
    LinkedHashSet<String> seen = new LinkedHashSet<>(state.getSeenItems());
    List<Instant> newItemTimes = new ArrayList<>();
    boolean deferred = false;
    for (FeedEntry entry : feed.entries()) {
      String key = PageFetcher.itemKey(entry);
      if (key == null || seen.contains(key)) {
        continue;
      }
      if (pages.fetch(feedUrl, entry, fetched, events)) {
        seen.add(key);
        Instant t = entry.published();
        newItemTimes.add(t == null || t.isAfter(started) ? started : t);
      } else {
        deferred = true;
      }
    }
    if (deferred) {
      // An item left for a later poll must not be hidden by "not modified" while the feed stays the same.
      state.setBodyHash(null).setEtag(null).setLastModified(null);
    }
    state.setSeenItems(bounded(seen, Math.max(seenMax, 2 * feed.entries().size())));
    Duration declared = longest(
        feed.ttlMinutes() == null ? null : Duration.ofMinutes(feed.ttlMinutes()),
        HttpHints.syndicationInterval(feed.updatePeriod(), feed.updateFrequency()),
        maxAge);
    events.feed(FetchStatus.OK.name(), f.httpCode(), f.body().length, f.duration().toMillis(),
        feed.entries().size(), newItemTimes.size(), null);
    return succeeded(feedUrl, state, events, newItemTimes, !newItemTimes.isEmpty(), declared, fetched, started);
  }

  private PollResult succeeded(String feedUrl, FeedState.Builder state, Events events, List<Instant> newItemTimes,
      boolean foundNew, Duration declared, Pages fetched, Instant started) {
    List<Instant> recent = new ArrayList<>(state.getRecentItemTimes());
    recent.addAll(newItemTimes);
    recent.sort(null);
    if (recent.size() > PollPlanner.HISTORY) {
      recent = new ArrayList<>(recent.subList(recent.size() - PollPlanner.HISTORY, recent.size()));
    }
    PollPlanner.Plan plan = planner.afterSuccess(
        new PollPlanner.Success(Duration.ofMillis(state.getIntervalMs()), recent, foundNew, declared), started);
    state.setRecentItemTimes(recent).setIntervalMs(plan.interval().toMillis()).setNextPollAt(plan.nextPollAt())
        .setLastSuccessAt(started).setConsecutiveFailures(0).setFailureScore(0).setLastError(null)
        .setLastStatus(events.feedStatus());
    if (foundNew) {
      state.setLastNewItemAt(started);
    }
    return new PollResult(feedUrl, state.build(), fetched.articles, events.all, fetched.letters);
  }

  private PollResult failed(String feedUrl, FeedState.Builder state, Events events, FailureKind kind, String message,
      Duration retryAfter, Instant started) {
    int failures = state.getConsecutiveFailures() + 1;
    PollPlanner.Plan plan = planner.afterFailure(kind, message, Duration.ofMillis(state.getIntervalMs()),
        state.getFailureScore(), failures, retryAfter, started);
    state.setConsecutiveFailures(failures).setFailureScore(plan.failureScore()).setNextPollAt(plan.nextPollAt())
        .setIntervalMs(plan.interval().toMillis()).setLastError(message).setLastStatus(events.feedStatus());
    if (plan.disabledReason() != null) {
      state.setDisabled(true).setDisabledReason(plan.disabledReason());
    }
    return new PollResult(feedUrl, state.build(), List.of(), events.all, List.of());
  }

  private static Map<String, String> conditionalHeaders(FeedState.Builder state) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (state.getEtag() != null) {
      headers.put("If-None-Match", state.getEtag());
    }
    if (state.getLastModified() != null) {
      headers.put("If-Modified-Since", state.getLastModified());
    }
    return headers;
  }

  private static Duration maxAge(java.net.http.HttpHeaders headers) {
    return headers == null ? null : HttpHints.maxAge(headers.firstValue("cache-control").orElse(null));
  }

  private static Duration longest(Duration... candidates) {
    Duration best = null;
    for (Duration d : candidates) {
      if (d != null && (best == null || d.compareTo(best) > 0)) {
        best = d;
      }
    }
    return best;
  }

  private static List<String> bounded(LinkedHashSet<String> keys, int max) {
    List<String> list = new ArrayList<>(keys);
    return list.size() <= max ? list : list.subList(list.size() - max, list.size());
  }

  static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(String s) {
    return sha256(s.getBytes(StandardCharsets.UTF_8));
  }
}
