package dev.newsflow.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.enrich.topology.DedupMessages.BandAnswer;
import dev.newsflow.enrich.topology.DedupMessages.BandMessage;
import dev.newsflow.schemas.Dedup;
import dev.newsflow.schemas.DedupVerdict;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.topic.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedForward;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The article side of the partitioned deduplication across a restart, on a mock context. */
class DedupDeciderTest {
  private static final long TIME = Instant.parse("2026-11-23T06:00:00Z").toEpochMilli();
  private final EnrichConfig config = EnrichConfig.defaults(Topics.defaults(), Clock.systemUTC());
  private MockProcessorContext<String, DedupDecider.Out> context;
  private KeyValueStore<String, byte[]> pending;

  @BeforeEach
  void setUp() {
    context = new MockProcessorContext<>();
    pending = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(DedupDecider.PENDING_STORE), Serdes.String(),
        Serdes.ByteArray()).withLoggingDisabled().build();
    pending.init(context.getStateStoreContext(), pending);
    context.addStateStore(pending);
  }

  private DedupDecider started() {
    DedupDecider decider = new DedupDecider(config.sketcher(), config.judge(), 4, BandOrder.OFF);
    decider.init(context);
    return decider;
  }

  private static EnrichedArticle article(String id) {
    String text = "The finance ministers of the group met in the capital on Tuesday and agreed to extend the "
        + "credit line for another two years, officials said after the talks ended late in the evening.";
    return EnrichedArticle.newBuilder().setId(id).setUrl("https://news.example.com/" + id)
        .setFeedUrl("https://news.example.com/feed").setTitle("Ministers extend credit line").setText(text)
        .setFetchedAt(Instant.ofEpochMilli(TIME)).setEnrichedAt(Instant.ofEpochMilli(TIME)).setSource("news.example.com")
        .setDedup(Dedup.newBuilder().setVerdict(DedupVerdict.UNIQUE).setClusterId(id).setSimilarity(1.0).build())
        .build();
  }

  private List<BandMessage> requests() {
    return context.forwarded().stream().map(CapturedForward::record)
        .filter(r -> r.value() instanceof DedupDecider.ToBand)
        .map(r -> DedupMessages.decodeBandMessage(((DedupDecider.ToBand) r.value()).message()))
        .toList();
  }

  /** Runs the start punctuation of the processor started last, as Streams would once it is due. */
  private void runStartPunctuation() {
    var punctuator = context.scheduledPunctuators().getLast();
    assertThat(punctuator.getType()).isEqualTo(PunctuationType.WALL_CLOCK_TIME);
    if (!punctuator.cancelled()) {
      punctuator.getPunctuator().punctuate(TIME);
    }
  }

  @Test
  void anArticlePendingAtACrashAsksItsBandsAgainWhenTheTaskStartsAndIsThenDecided() {
    started().process(new Record<>("a1", new DedupDecider.Incoming(article("a1")), TIME));
    List<BandMessage> first = requests();
    List<String> groups = context.forwarded().stream().<String>map(f -> f.record().key()).toList();
    assertThat(first).isNotEmpty().allSatisfy(m -> assertThat(m.verdict()).isFalse());
    assertThat(pending.get("a1")).isNotNull();

    // A new processor on the same store: what a restart or a rebalance gives. No answer arrived.
    context.resetForwards();
    DedupDecider restarted = started();
    runStartPunctuation();
    List<BandMessage> again = requests();
    assertThat(again).extracting(BandMessage::id).containsOnly("a1");
    assertThat(again.stream().map(BandMessage::bands).toList())
        .containsExactlyInAnyOrderElementsOf(first.stream().map(BandMessage::bands).toList());

    context.resetForwards();
    for (String group : groups) {
      restarted.process(new Record<>("a1", new DedupDecider.Answer(new BandAnswer("a1", group, List.of())), TIME));
    }
    List<EnrichedArticle> decided = context.forwarded().stream().map(CapturedForward::record)
        .filter(r -> r.value() instanceof DedupDecider.Decided)
        .map(r -> ((DedupDecider.Decided) r.value()).article()).toList();
    assertThat(decided).singleElement().satisfies(a -> assertThat(a.getDedup().getVerdict()).isEqualTo(DedupVerdict.UNIQUE));
    assertThat(pending.get("a1")).isNull();
    assertThat(requests()).as("a unique article tells its bands it is decided, the first of its own cluster")
        .isNotEmpty().allSatisfy(m -> {
          assertThat(m.verdict()).isTrue();
          assertThat(m.id()).isEqualTo("a1");
          assertThat(m.clusterId()).isEqualTo("a1");
        });
  }

  @Test
  void aLaterCandidateAlreadyDecidedACopyOfThisArticleIsNotJoined() {
    DedupDecider decider = started();
    decider.process(new Record<>("a1", new DedupDecider.Incoming(article("a1")), TIME));
    List<String> groups = context.forwarded().stream().<String>map(f -> f.record().key()).distinct().toList();
    context.resetForwards();
    // b1 (later, same text) was decided a copy of a1 through a late notice before a1's requests came.
    DedupMessages.Candidate b1 = new DedupMessages.Candidate("b1", TIME + 1000, pendingSketch("a1"), "a1", true);
    for (String group : groups) {
      decider.process(new Record<>("a1", new DedupDecider.Answer(new BandAnswer("a1", group, List.of(b1))), TIME));
    }
    EnrichedArticle a1 = context.forwarded().stream().map(CapturedForward::record)
        .filter(r -> r.value() instanceof DedupDecider.Decided)
        .map(r -> ((DedupDecider.Decided) r.value()).article()).findFirst().orElseThrow();
    assertThat(a1.getDedup().getVerdict()).isEqualTo(DedupVerdict.UNIQUE);
    assertThat(a1.getDedup().getClusterId()).isEqualTo("a1");
  }

  @Test
  void theStartPunctuationRunsOnceAndAsksNothingWhenNothingIsPending() {
    started();
    runStartPunctuation();
    runStartPunctuation();
    assertThat(context.forwarded()).isEmpty();
    assertThat(context.scheduledPunctuators().getLast().cancelled()).isTrue();
  }

  @Test
  void anEarlierArticleThatReachedTheBandsLateIsACandidateWhileThisOneWaits() {
    DedupDecider decider = started();
    decider.process(new Record<>("b1", new DedupDecider.Incoming(article("b1")), TIME + 1000));
    List<String> groups = context.forwarded().stream().<String>map(f -> f.record().key()).toList();
    context.resetForwards();
    // a1 (one second earlier, same text) was filed after b1 asked: the band tells b1.
    assertThat(groups).isNotEmpty();
    DedupMessages.Candidate a1 = new DedupMessages.Candidate("a1", TIME, pendingSketch("b1"), null, true);
    decider.process(new Record<>("b1", new DedupDecider.Answer(new BandAnswer("b1", BandIndexProcessor.LATE, List.of(a1))), TIME));
    assertThat(context.forwarded()).as("a late candidate does not complete the answers").isEmpty();
    for (String group : groups) {
      decider.process(new Record<>("b1", new DedupDecider.Answer(new BandAnswer("b1", group, List.of())), TIME + 1000));
    }
    EnrichedArticle b1 = context.forwarded().stream().map(CapturedForward::record)
        .filter(r -> r.value() instanceof DedupDecider.Decided)
        .map(r -> ((DedupDecider.Decided) r.value()).article()).findFirst().orElseThrow();
    assertThat(b1.getDedup().getVerdict()).isEqualTo(DedupVerdict.DUPLICATE);
    assertThat(b1.getDedup().getDuplicateOf()).isEqualTo("a1");
  }

  @Test
  void reportsHowFarItHasGotToEveryBandPartitionAndThatItIsIdleOnceNoArticleComes() {
    context.setCurrentSystemTimeMs(10_000);
    DedupDecider decider = new DedupDecider(config.sketcher(), config.judge(), 4,
        new BandOrder(2, java.time.Duration.ofMillis(100), java.time.Duration.ofSeconds(1)));
    decider.init(context);
    decider.process(new Record<>("a1", new DedupDecider.Incoming(article("a1")), TIME));
    context.resetForwards();
    var report = context.scheduledPunctuators().getLast().getPunctuator();

    report.punctuate(10_100);
    assertThat(progressSent()).hasSize(4).allSatisfy(p -> {
      assertThat(p.time()).isEqualTo(TIME);
      assertThat(p.idle()).isFalse();
    });
    context.resetForwards();
    report.punctuate(10_200);
    assertThat(progressSent()).as("unchanged: not sent again within a second").isEmpty();
    report.punctuate(11_000);
    assertThat(progressSent()).hasSize(4).allSatisfy(p -> assertThat(p.idle()).isTrue());
    assertThat(context.forwarded().stream().<String>map(f -> f.record().key()).toList()).containsExactlyInAnyOrder("g0", "g1", "g2", "g3");
  }

  private List<DedupMessages.Progress> progressSent() {
    return context.forwarded().stream().map(CapturedForward::record)
        .map(r -> ((DedupDecider.ToBand) r.value()).message())
        .filter(DedupMessages::isProgress).map(DedupMessages::decodeProgress).toList();
  }

  private byte[] pendingSketch(String id) {
    return DedupMessages.decodePending(pending.get(id)).sketch();
  }
}
