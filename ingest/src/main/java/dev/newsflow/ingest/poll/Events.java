package dev.newsflow.ingest.poll;

import dev.newsflow.schemas.FetchEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The fetch events of one poll: one for the feed, one per page fetched. */
final class Events {
  final List<FetchEvent> all = new ArrayList<>();
  private final String feedUrl;
  private final Instant started;
  private String feedStatus = "NONE";

  Events(String feedUrl, Instant started) {
    this.feedUrl = feedUrl;
    this.started = started;
  }

  void feed(String status, int code, long bytes, long durationMs, int seen, int fresh, String error) {
    feedStatus = status;
    all.add(event(feedUrl, "FEED", started, status, code, bytes, durationMs, seen, fresh, error));
  }

  void page(String url, Instant time, String status, int code, long bytes, long durationMs, String error) {
    all.add(event(url, "PAGE", time, status, code, bytes, durationMs, 0, 0, error));
  }

  String feedStatus() {
    return feedStatus;
  }

  private FetchEvent event(String url, String kind, Instant time, String status, int code, long bytes, long durationMs,
      int seen, int fresh, String error) {
    return FetchEvent.newBuilder().setFeedUrl(feedUrl).setUrl(url).setKind(kind).setTime(time).setStatus(status)
        .setHttpCode(code).setBytes(bytes).setDurationMs(durationMs).setItemsSeen(seen).setItemsNew(fresh)
        .setError(error).build();
  }
}
