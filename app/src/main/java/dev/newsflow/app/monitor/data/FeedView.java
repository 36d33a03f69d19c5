package dev.newsflow.app.monitor.data;

import dev.newsflow.schemas.Feed;
import dev.newsflow.schemas.FeedState;
import java.time.Instant;

/**
 * The health of one feed as the Feeds page shows it, merged from the subscription ({@code
 * news.feeds}), the fetcher's state ({@code news.feed-state}) and the fetch events.
 *
 * @param url the feed URL
 * @param title the subscription's title, if any
 * @param status ok, failing, disabled or pending (not polled yet)
 * @param lastStatus status of the last poll
 * @param httpCode HTTP status of the last poll
 * @param lastError reason of the last failure, while failing
 * @param lastPollAt when last polled
 * @param lastSuccessAt when last successful
 * @param lastNewItemAt when a poll last found a new item
 * @param consecutiveFailures failed polls since the last success
 * @param failureScore the fetcher's weighted failure score (temporary 1, soft 3, hard 10)
 * @param nextPollAt when the fetcher polls it next
 * @param intervalMs its current polling interval
 * @param disabledReason why it is disabled, when it is
 * @param polls polls seen by the monitor
 * @param failures failed polls seen by the monitor
 * @param pageFailures article pages of the feed that could not be fetched
 */
public record FeedView(String url, String title, String status, String lastStatus, int httpCode, String lastError,
    String lastPollAt, String lastSuccessAt, String lastNewItemAt, int consecutiveFailures, double failureScore,
    String nextPollAt, long intervalMs, String disabledReason, long polls, long failures, long pageFailures) {

  /** Merges what is known of feed {@code url}; any of the three parts may be null. */
  public static FeedView of(String url, Feed feed, FeedState state, FeedHealth health) {
    boolean disabled = (state != null && state.getDisabled()) || (feed != null && !feed.getEnabled());
    String reason = state != null && state.getDisabledReason() != null ? state.getDisabledReason()
        : disabled && feed != null && !feed.getEnabled() ? "unsubscribed (enabled=false)" : null;
    boolean eventsNewer = health != null && health.lastPollAt() != null
        && (state == null || state.getLastPollAt() == null || !Instant.parse(health.lastPollAt()).isBefore(state.getLastPollAt()));
    String lastStatus = eventsNewer ? health.lastStatus() : state != null ? state.getLastStatus() : null;
    int failuresInARow = eventsNewer ? health.consecutiveFailures() : state != null ? state.getConsecutiveFailures() : 0;
    String status = disabled ? "disabled"
        : lastStatus == null ? "pending"
        : !FeedHealth.isSuccess(lastStatus) || failuresInARow > 0 ? "failing" : "ok";
    return new FeedView(url, feed == null ? null : feed.getTitle(), status, lastStatus,
        eventsNewer ? health.lastHttpCode() : 0,
        eventsNewer ? health.lastError() : state != null ? state.getLastError() : null,
        latest(health == null ? null : health.lastPollAt(), state == null ? null : state.getLastPollAt()),
        latest(health == null ? null : health.lastSuccessAt(), state == null ? null : state.getLastSuccessAt()),
        latest(health == null ? null : health.lastNewItemAt(), state == null ? null : state.getLastNewItemAt()),
        failuresInARow, state == null ? 0 : state.getFailureScore(),
        state == null || state.getNextPollAt() == null ? null : state.getNextPollAt().toString(),
        state == null ? 0 : state.getIntervalMs(), reason,
        health == null ? 0 : health.polls(), health == null ? 0 : health.failures(), health == null ? 0 : health.pageFailures());
  }

  private static String latest(String fromEvents, Instant fromState) {
    if (fromEvents == null) {
      return fromState == null ? null : fromState.toString();
    }
    return fromState == null || !fromState.isAfter(Instant.parse(fromEvents)) ? fromEvents : fromState.toString();
  }
}
