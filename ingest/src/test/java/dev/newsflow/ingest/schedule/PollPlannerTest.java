package dev.newsflow.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PollPlannerTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private final ScheduleConfig config = new ScheduleConfig(Duration.ofMinutes(15), Duration.ofMinutes(5),
      Duration.ofHours(6), Duration.ofHours(24), 50, 0);
  private final PollPlanner planner = new PollPlanner(config, null);

  private static List<Instant> every(Duration gap, int n) {
    return java.util.stream.IntStream.range(0, n).mapToObj(i -> NOW.minus(gap.multipliedBy(n - i))).toList();
  }

  @Test
  void pollsTwiceAsOftenAsTheFeedPublishes() {
    var plan = planner.afterSuccess(new PollPlanner.Success(Duration.ZERO, every(Duration.ofHours(2), 10), true, null), NOW);
    assertThat(plan.interval()).isEqualTo(Duration.ofHours(1));
    assertThat(plan.nextPollAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
  }

  @Test
  void staysWithinTheConfiguredBounds() {
    var busy = planner.afterSuccess(new PollPlanner.Success(Duration.ZERO, every(Duration.ofSeconds(30), 10), true, null), NOW);
    assertThat(busy.interval()).isEqualTo(Duration.ofMinutes(5));
    var rare = planner.afterSuccess(new PollPlanner.Success(Duration.ZERO, every(Duration.ofDays(3), 10), true, null), NOW);
    assertThat(rare.interval()).isEqualTo(Duration.ofHours(6));
  }

  @Test
  void slowsDownGentlyWhileNothingIsNew() {
    var plan = planner.afterSuccess(new PollPlanner.Success(Duration.ofMinutes(20), List.of(), false, null), NOW);
    assertThat(plan.interval()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void respectsWhatTheFeedOrServerDeclares() {
    var plan = planner.afterSuccess(
        new PollPlanner.Success(Duration.ZERO, every(Duration.ofMinutes(20), 10), true, Duration.ofHours(1)), NOW);
    assertThat(plan.interval()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void backsOffExponentiallyUpToTheCap() {
    var first = planner.afterFailure(FailureKind.TEMPORARY, "timeout", Duration.ofMinutes(10), 0, 1, null, NOW);
    var third = planner.afterFailure(FailureKind.TEMPORARY, "timeout", Duration.ofMinutes(10), 2, 3, null, NOW);
    var many = planner.afterFailure(FailureKind.TEMPORARY, "timeout", Duration.ofMinutes(10), 10, 30, null, NOW);
    assertThat(first.nextPollAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
    assertThat(third.nextPollAt()).isEqualTo(NOW.plus(Duration.ofMinutes(40)));
    assertThat(many.nextPollAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
    assertThat(many.disabledReason()).isNull();
  }

  @Test
  void waitsAtLeastWhatRetryAfterAsksButNoLongerThanTheCap() {
    var asked = planner.afterFailure(FailureKind.TEMPORARY, "429", Duration.ofMinutes(10), 0, 1, Duration.ofHours(3), NOW);
    var greedy = planner.afterFailure(FailureKind.TEMPORARY, "429", Duration.ofMinutes(10), 0, 1, Duration.ofDays(30), NOW);
    assertThat(asked.nextPollAt()).isEqualTo(NOW.plus(Duration.ofHours(3)));
    assertThat(greedy.nextPollAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
  }

  @Test
  void scoresFailuresByKindAndDisablesAtTheThreshold() {
    assertThat(planner.afterFailure(FailureKind.SOFT, "bad xml", Duration.ofMinutes(10), 44, 5, null, NOW).disabledReason()).isNull();
    var disabled = planner.afterFailure(FailureKind.SOFT, "bad xml", Duration.ofMinutes(10), 47, 6, null, NOW);
    assertThat(disabled.failureScore()).isEqualTo(50);
    assertThat(disabled.disabledReason()).contains("failure score 50").contains("6 failures in a row").contains("bad xml");
    assertThat(planner.afterFailure(FailureKind.FATAL, "HTTP 410", Duration.ZERO, 0, 1, null, NOW).disabledReason())
        .isEqualTo("HTTP 410");
  }

  @Test
  void jitterSpreadsPollsWithinTheConfiguredFraction() {
    PollPlanner jittered = new PollPlanner(new ScheduleConfig(Duration.ofMinutes(15), Duration.ofMinutes(5),
        Duration.ofHours(6), Duration.ofHours(24), 50, 0.1), new SplittableRandom(42));
    for (int i = 0; i < 100; i++) {
      var plan = jittered.afterSuccess(new PollPlanner.Success(Duration.ofMinutes(40), List.of(), false, null), NOW);
      assertThat(Duration.between(NOW, plan.nextPollAt())).isBetween(Duration.ofMinutes(54), Duration.ofMinutes(66));
      assertThat(plan.interval()).isEqualTo(Duration.ofMinutes(60));
    }
  }

  @Test
  void classifiesFailures() {
    assertThat(FailureKind.of(dev.newsflow.ingest.fetch.FetchStatus.HTTP_ERROR, 503)).isEqualTo(FailureKind.TEMPORARY);
    assertThat(FailureKind.of(dev.newsflow.ingest.fetch.FetchStatus.HTTP_ERROR, 429)).isEqualTo(FailureKind.TEMPORARY);
    assertThat(FailureKind.of(dev.newsflow.ingest.fetch.FetchStatus.HTTP_ERROR, 403)).isEqualTo(FailureKind.SOFT);
    assertThat(FailureKind.of(dev.newsflow.ingest.fetch.FetchStatus.HTTP_ERROR, 404)).isEqualTo(FailureKind.HARD);
    assertThat(FailureKind.of(dev.newsflow.ingest.fetch.FetchStatus.HTTP_ERROR, 410)).isEqualTo(FailureKind.FATAL);
    assertThat(FailureKind.of(dev.newsflow.ingest.fetch.FetchStatus.REFUSED_SCHEME, 0)).isEqualTo(FailureKind.FATAL);
    assertThat(FailureKind.of(dev.newsflow.ingest.fetch.FetchStatus.TIMEOUT, 0)).isEqualTo(FailureKind.TEMPORARY);
  }
}
