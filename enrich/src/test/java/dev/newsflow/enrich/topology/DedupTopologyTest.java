package dev.newsflow.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schemas.DedupVerdict;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.RawArticle;
import dev.newsflow.schemas.serde.AvroCodec;
import dev.newsflow.schemas.topic.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deduplication and tagging in the whole topology, internal loop included, on TopologyTestDriver. */
class DedupTopologyTest {
  private static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");
  private final Topics topics = Topics.defaults();
  private final AvroCodec<RawArticle> raw = AvroCodec.of(RawArticle.class);
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> input;
  private TestOutputTopic<String, EnrichedArticle> enriched;
  private int sent;

  @BeforeEach
  void start() {
    startWith(EnrichConfig.defaults(topics, Clock.systemUTC()));
  }

  private void startWith(EnrichConfig config) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dedup-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(EnrichTopology.build(config), props);
    input = driver.createInputTopic(topics.raw().name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
    enriched = driver.createOutputTopic(topics.enriched().name(), Serdes.String().deserializer(), topics.enriched().valueSerde().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  static String text(String resource) throws IOException {
    try (InputStream in = DedupTopologyTest.class.getResourceAsStream(resource)) {
      String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int firstBreak = all.indexOf('\n');
      return all.substring(firstBreak + 1).strip();
    }
  }

  private void send(String id, String title, String text) {
    send(id, title, text, T0.plus(Duration.ofSeconds(sent++)));
  }

  private void send(String id, String title, String text, Instant at) {
    RawArticle a = RawArticle.newBuilder().setId(id).setUrl("https://news.example.com/" + id)
        .setFeedUrl("https://news.example.com/feed").setTitle(title).setText(text)
        .setPublished(Instant.parse("2022-12-13T05:15:00Z")).setFetchedAt(T0).setSource("news.example.com").build();
    input.pipeInput(id, raw.encode(a), at);
  }

  private Map<String, EnrichedArticle> out() {
    return enriched.readValuesToList().stream().collect(Collectors.toMap(EnrichedArticle::getId, Function.identity()));
  }

  @Test
  void recognisesASyndicatedCopyAsANearDuplicateOfTheFirstSeen() throws Exception {
    send("seed-002", "S Korea to coordinate with US, Japan on N Korea sanctions", text("/seeds/seed-002.txt"));
    send("seed-002-syndicated", "South Korea, US and Japan to close gaps", text("/seeds/seed-002-syndicated.txt"));

    Map<String, EnrichedArticle> out = out();
    assertThat(out.get("seed-002").getDedup().getVerdict()).isEqualTo(DedupVerdict.UNIQUE);
    assertThat(out.get("seed-002").getDedup().getClusterId()).isEqualTo("seed-002");
    var copy = out.get("seed-002-syndicated").getDedup();
    assertThat(copy.getVerdict()).isEqualTo(DedupVerdict.NEAR_DUPLICATE);
    assertThat(copy.getDuplicateOf()).isEqualTo("seed-002");
    assertThat(copy.getClusterId()).isEqualTo("seed-002");
    assertThat(copy.getSimilarity()).isBetween(0.5, 1.0);
  }

  @Test
  void forgetsArticlesOnceTheyAreOlderThanTheWindow() throws Exception {
    Instant later = T0.plus(Duration.ofDays(3));
    send("seed-002", "S Korea to coordinate with US, Japan on N Korea sanctions", text("/seeds/seed-002.txt"), T0);
    send("seed-003", "seed-003", text("/seeds/seed-003.txt"), later);
    KeyValueStore<Bytes, byte[]> sketches = driver.getKeyValueStore(BandIndexProcessor.SKETCHES_STORE);
    KeyValueStore<String, byte[]> members = driver.getKeyValueStore(BandIndexProcessor.MEMBERS_STORE);
    assertThat(filedIds(members)).contains("seed-002", "seed-003");
    assertThat(sketches.get(BandIndexProcessor.sketchKey(T0.toEpochMilli(), "seed-002"))).isNotNull();

    send("seed-004", "seed-004", text("/seeds/seed-004.txt"), T0.plus(Duration.ofDays(8)));

    assertThat(sketches.get(BandIndexProcessor.sketchKey(T0.toEpochMilli(), "seed-002")))
        .as("older than the 7-day window").isNull();
    assertThat(sketches.get(BandIndexProcessor.sketchKey(later.toEpochMilli(), "seed-003"))).isNotNull();
    assertThat(count(sketches)).isEqualTo(2);
    assertThat(filedIds(members)).as("seed-002 unfiled from its bands").doesNotContain("seed-002").contains("seed-003");
    send("seed-002-syndicated", "South Korea, US and Japan to close gaps", text("/seeds/seed-002-syndicated.txt"),
        T0.plus(Duration.ofDays(8).plusMinutes(1)));
    assertThat(out().get("seed-002-syndicated").getDedup().getVerdict())
        .as("its original is out of the window").isEqualTo(DedupVerdict.UNIQUE);
  }

  private static java.util.Set<String> filedIds(KeyValueStore<String, byte[]> members) {
    java.util.Set<String> ids = new java.util.HashSet<>();
    try (var it = members.all()) {
      it.forEachRemaining(e -> DedupMessages.decodeMembers(e.value).forEach(m -> ids.add(m.id())));
    }
    return ids;
  }

  private static long count(KeyValueStore<?, byte[]> store) {
    try (var it = store.all()) {
      long n = 0;
      for (; it.hasNext(); it.next()) {
        n++;
      }
      return n;
    }
  }

  @Test
  void keepsDistinctArticlesOnOneTopicApart() throws Exception {
    for (String seed : List.of("seed-000", "seed-002", "seed-003", "seed-004")) {
      send(seed, seed, text("/seeds/" + seed + ".txt"));
    }
    assertThat(out().values()).hasSize(4)
        .allSatisfy(a -> assertThat(a.getDedup().getVerdict()).isEqualTo(DedupVerdict.UNIQUE));
  }

  @Test
  void anExactCopyUnderAnotherUrlIsADuplicate() throws Exception {
    String body = text("/dedup/wire-original.txt");
    send("original", "Original", body);
    send("copy", "Another headline", body);

    var copy = out().get("copy").getDedup();
    assertThat(copy.getVerdict()).isEqualTo(DedupVerdict.DUPLICATE);
    assertThat(copy.getDuplicateOf()).isEqualTo("original");
    assertThat(copy.getSimilarity()).isEqualTo(1.0);
  }

  @Test
  void aCopyOfACopyJoinsTheClusterOfTheFirstArticle() throws Exception {
    String body = text("/dedup/wire-original.txt");
    send("first", "First", body);
    send("second", "Second", text("/dedup/wire-syndicated.txt"));
    send("third", "Third", body + "\n\nRead more on our site.");

    Map<String, EnrichedArticle> out = out();
    assertThat(out.get("second").getDedup().getClusterId()).isEqualTo("first");
    assertThat(out.get("third").getDedup().getClusterId()).isEqualTo("first");
    assertThat(out.get("third").getDedup().getDuplicateOf()).isEqualTo("first");
  }

  @Test
  void tagsActorsAndEventsWithSortedSummaries() throws Exception {
    send("seed-000", "Obama vows to work with UN to tighten North Korea sanctions", text("/seeds/seed-000.txt"));

    EnrichedArticle a = out().get("seed-000");
    assertThat(a.getActorCodes().stream().map(c -> c.substring(0, 3))).contains("USA", "PRK", "UNO");
    assertThat(a.getActorCodes()).isSorted().doesNotHaveDuplicates();
    assertThat(a.getEventTypes()).contains("MOBILIZE").isSorted();
    assertThat(a.getEvents()).allSatisfy(e -> {
      if (e.getOffset() >= 0) {
        assertThat(a.getText().substring(e.getOffset())).startsWith(e.getSentence().substring(0, 20));
      } else {
        assertThat(e.getSentence()).as("offset -1: the headline").isEqualTo(a.getTitle());
      }
    });
  }

  @Test
  void canRouteCopiesToTheirOwnTopic() throws Exception {
    driver.close();
    EnrichConfig d = EnrichConfig.defaults(topics, Clock.systemUTC());
    startWith(new EnrichConfig(topics, d.clock(), d.tagger(), d.sketcher(), d.judge(), d.window(), "news.articles.copies", 1, EnrichConfig.DEFAULT_MAX_BAND_MEMBERS, BandOrder.OFF));
    TestOutputTopic<String, EnrichedArticle> copies = driver.createOutputTopic("news.articles.copies",
        Serdes.String().deserializer(), topics.enriched().valueSerde().deserializer());
    String body = text("/dedup/wire-original.txt");
    send("original", "Original", body);
    send("copy", "Copy", body);

    assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getId).containsExactly("original");
    assertThat(copies.readValuesToList()).extracting(EnrichedArticle::getId).containsExactly("copy");
  }
}
