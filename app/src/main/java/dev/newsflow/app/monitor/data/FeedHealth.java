package dev.newsflow.app.monitor.data;

import dev.newsflow.schemas.FetchEvent;
import java.util.Set;

/**
 * What the fetch events of one feed say about it: the last poll's outcome, failures since the last
 * success, and totals. Times are ISO-8601 UTC strings, null until known.
 *
 * @param feedUrl the feed
 * @param lastStatus status of the last poll (OK, NOT_MODIFIED, HTTP_ERROR, TIMEOUT, ...)
 * @param lastHttpCode HTTP status of the last poll, 0 without a response
 * @param lastError reason of the last failed poll, cleared by a success
 * @param lastPollAt when the feed was last polled
 * @param lastSuccessAt when a poll last succeeded
 * @param lastNewItemAt when a poll last found new items
 * @param consecutiveFailures failed polls since the last success
 * @param polls polls seen
 * @param failures failed polls seen
 * @param pageFetches article pages fetched for the feed
 * @param pageFailures article pages that could not be fetched
 */
public record FeedHealth(String feedUrl, String lastStatus, int lastHttpCode, String lastError, String lastPollAt,
    String lastSuccessAt, String lastNewItemAt, int consecutiveFailures, long polls, long failures, long pageFetches,
    long pageFailures) {

  private static final Set<String> SUCCESS = Set.of("OK", "NOT_MODIFIED");

  public static boolean isSuccess(String status) {
    return status != null && SUCCESS.contains(status);
  }

  /** The health after {@code e}; {@code before} is null for the feed's first event. */
  public static FeedHealth after(FeedHealth before, FetchEvent e) {
    FeedHealth h = before != null ? before
        : new FeedHealth(e.getFeedUrl(), null, 0, null, null, null, null, 0, 0, 0, 0, 0);
    boolean ok = isSuccess(e.getStatus());
    if (!"FEED".equals(e.getKind())) {
      return new FeedHealth(h.feedUrl, h.lastStatus, h.lastHttpCode, h.lastError, h.lastPollAt, h.lastSuccessAt,
          h.lastNewItemAt, h.consecutiveFailures, h.polls, h.failures, h.pageFetches + 1, h.pageFailures + (ok ? 0 : 1));
    }
    String at = e.getTime().toString();
    return new FeedHealth(h.feedUrl, e.getStatus(), e.getHttpCode(), ok ? null : e.getError(), at,
        ok ? at : h.lastSuccessAt, e.getItemsNew() > 0 ? at : h.lastNewItemAt, ok ? 0 : h.consecutiveFailures + 1,
        h.polls + 1, h.failures + (ok ? 0 : 1), h.pageFetches, h.pageFailures);
  }
}
