package dev.newsflow.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.enrich.topology.DedupMessages.BandAnswer;
import dev.newsflow.enrich.topology.DedupMessages.BandMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedForward;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One band partition on a mock context: what it answers, and whom it tells of a late article. */
class BandIndexProcessorTest {
  private static final long T = 1_795_413_600_000L;
  private final MockProcessorContext<String, byte[]> context = new MockProcessorContext<>();
  private BandIndexProcessor band;

  @BeforeEach
  void setUp() {
    KeyValueStore<String, byte[]> members = Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore(BandIndexProcessor.MEMBERS_STORE), Serdes.String(), Serdes.ByteArray())
        .withLoggingDisabled().build();
    members.init(context.getStateStoreContext(), members);
    context.addStateStore(members);
    for (String name : List.of(BandIndexProcessor.SKETCHES_STORE, BandIndexProcessor.HELD_STORE)) {
      var store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.Bytes(), Serdes.ByteArray())
          .withLoggingDisabled().build();
      store.init(context.getStateStoreContext(), store);
      context.addStateStore(store);
    }
    started(BandOrder.OFF);
  }

  private void started(BandOrder order) {
    band = new BandIndexProcessor(Duration.ofDays(7), 3, order);
    band.init(context);
  }

  /** Article partition {@code source} reports it has sent requests up to {@code time}. */
  private Map<String, BandAnswer> progress(int source, long time, boolean idle) {
    context.resetForwards();
    band.process(new Record<>("g0", DedupMessages.encode(new DedupMessages.Progress(source, time, idle)), Math.max(0, time)));
    return context.forwarded().stream().map(CapturedForward::record)
        .map(r -> DedupMessages.decodeBandAnswer(r.value()))
        .collect(Collectors.toMap(a -> a.id() + "/" + a.group(), Function.identity()));
  }

  @Test
  void takesRequestsInTheArticlesTimeOrderOnceEveryArticlePartitionHasGotThatFar() {
    started(new BandOrder(2, Duration.ofMillis(100), Duration.ofSeconds(1)));
    progress(0, T + 5000, false);
    // Partition 0 runs ahead: its copy asks first; partition 1 has not reported yet.
    assertThat(ask("copy", T + 2000, List.of("b0:1"))).as("held: partition 1 may still send earlier articles").isEmpty();
    assertThat(ask("original", T + 1000, List.of("b0:1"))).as("held: partition 1 has not reported").isEmpty();

    Map<String, BandAnswer> first = progress(1, T + 1500, false);
    assertThat(first).containsOnlyKeys("original/g0");
    assertThat(first.get("original/g0").candidates()).isEmpty();

    Map<String, BandAnswer> second = progress(1, T + 3000, false);
    assertThat(second).as("the copy meets its original, and nobody is told late").containsOnlyKeys("copy/g0");
    assertThat(second.get("copy/g0").candidates()).extracting(DedupMessages.Candidate::id).containsExactly("original");
  }

  @Test
  void passesOverAnIdleArticlePartitionAndHandlesRequestsInOrderAtOnce() {
    started(new BandOrder(2, Duration.ofMillis(100), Duration.ofSeconds(1)));
    progress(0, T + 1000, false);
    progress(1, -1, true);
    assertThat(ask("a", T + 1000, List.of("b0:1"))).as("not after what every busy partition has sent").containsOnlyKeys("a/g0");
    assertThat(ask("b", T + 2000, List.of("b0:1"))).as("later than partition 0 has got").isEmpty();
    assertThat(progress(0, T + 2000, false)).containsOnlyKeys("b/g0");
    progress(1, T + 500, false); // partition 1 has articles again, earlier ones
    assertThat(ask("c", T + 400, List.of("b0:1"))).as("late (before a and b): handled at once, and they are told")
        .containsOnlyKeys("c/g0", "a/" + BandIndexProcessor.LATE, "b/" + BandIndexProcessor.LATE);
    assertThat(ask("d", T + 900, List.of("b0:1"))).as("after what partition 1 has got to").isEmpty();
  }

  private Map<String, BandAnswer> ask(String id, long time, List<String> bands) {
    context.resetForwards();
    byte[] request = DedupMessages.encode(new BandMessage(false, id, time, new byte[] {1, 2, 3}, null, bands));
    band.process(new Record<>("g0", request, time));
    return context.forwarded().stream().map(CapturedForward::record)
        .map(r -> DedupMessages.decodeBandAnswer(r.value()))
        .collect(Collectors.toMap(a -> a.id() + "/" + a.group(), Function.identity()));
  }

  @Test
  void answersWithTheEarlierArticlesOfItsBandsEachOnce() {
    ask("a", T, List.of("b0:1", "b1:1"));
    Map<String, BandAnswer> out = ask("b", T + 1000, List.of("b0:1", "b1:1", "x:h"));
    assertThat(out).containsOnlyKeys("b/g0");
    assertThat(out.get("b/g0").candidates()).singleElement().satisfies(c -> {
      assertThat(c.id()).isEqualTo("a");
      assertThat(c.exact()).isFalse();
    });
  }

  @Test
  void tellsALaterArticleFiledFirstAboutAnEarlierOneThatArrivesAfterIt() {
    ask("later", T + 1000, List.of("b0:1", "x:h"));
    Map<String, BandAnswer> out = ask("earlier", T, List.of("b0:1", "x:h", "b5:9"));

    assertThat(out.get("earlier/g0").candidates()).as("a later article is never a candidate").isEmpty();
    assertThat(out.get("later/" + BandIndexProcessor.LATE).candidates()).singleElement().satisfies(c -> {
      assertThat(c.id()).isEqualTo("earlier");
      assertThat(c.time()).isEqualTo(T);
      assertThat(c.exact()).as("they share the exact-text band").isTrue();
    });
  }

  @Test
  void aLaterArticleAlreadyDecidedIsACandidateOfAnEarlierOneThatArrivesAfterIt() {
    ask("later", T + 1000, List.of("b0:1", "x:h"));
    context.resetForwards();
    band.process(new Record<>("g0",
        DedupMessages.encode(new BandMessage(true, "later", T + 1000, null, "later", List.of("b0:1", "x:h"))), T + 1000));
    Map<String, BandAnswer> out = ask("earlier", T, List.of("b0:1", "x:h"));

    assertThat(out).as("nobody is told: the later one is decided").containsOnlyKeys("earlier/g0");
    assertThat(out.get("earlier/g0").candidates()).singleElement().satisfies(c -> {
      assertThat(c.id()).isEqualTo("later");
      assertThat(c.clusterId()).isEqualTo("later");
      assertThat(c.exact()).isTrue();
    });
  }

  @Test
  void aRepeatedRequestIsAnsweredTheSameAndTellsNobodyAgain() {
    ask("later", T + 1000, List.of("b0:1"));
    ask("earlier", T, List.of("b0:1"));
    Map<String, BandAnswer> again = ask("earlier", T, List.of("b0:1"));
    assertThat(again).containsOnlyKeys("earlier/g0");
    assertThat(again.get("earlier/g0").candidates()).isEmpty();
  }

  @Test
  void keepsOnlyTheLatestArticlesOfABandEveryArticleShares() {
    for (int i = 0; i < 5; i++) {
      ask("a" + i, T + i * 1000L, List.of("l0:stock-opening"));
    }
    Map<String, BandAnswer> out = ask("next", T + 10_000, List.of("l0:stock-opening"));
    assertThat(out.get("next/g0").candidates()).extracting(DedupMessages.Candidate::id)
        .as("the cap of this processor is 3").containsExactlyInAnyOrder("a2", "a3", "a4");
    Map<String, BandAnswer> after = ask("after", T + 11_000, List.of("l0:stock-opening"));
    assertThat(after.get("after/g0").candidates()).extracting(DedupMessages.Candidate::id)
        .containsExactlyInAnyOrder("a3", "a4", "next");
  }
}
