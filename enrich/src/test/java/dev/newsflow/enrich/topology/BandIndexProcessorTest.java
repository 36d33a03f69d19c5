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
    var sketches = Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore(BandIndexProcessor.SKETCHES_STORE), Serdes.Bytes(), Serdes.ByteArray())
        .withLoggingDisabled().build();
    members.init(context.getStateStoreContext(), members);
    sketches.init(context.getStateStoreContext(), sketches);
    context.addStateStore(members);
    context.addStateStore(sketches);
    band = new BandIndexProcessor(Duration.ofDays(7), 3);
    band.init(context);
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
