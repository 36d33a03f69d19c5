package dev.newsflow.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schemas.DeadLetter;
import dev.newsflow.schemas.DedupVerdict;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.RawArticle;
import dev.newsflow.schemas.serde.AvroCodec;
import dev.newsflow.schemas.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnrichTopologyTest {
  private static final Instant NOW = Instant.parse("2026-11-23T06:00:00Z");
  private final Topics topics = Topics.defaults();
  private final AvroCodec<RawArticle> raw = AvroCodec.of(RawArticle.class);
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> input;
  private TestOutputTopic<String, EnrichedArticle> enriched;
  private TestOutputTopic<String, DeadLetter> dlq;

  @BeforeEach
  void start() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(
        EnrichTopology.build(EnrichConfig.defaults(topics, Clock.fixed(NOW, ZoneOffset.UTC))), props);
    input = driver.createInputTopic(topics.raw().name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
    enriched = driver.createOutputTopic(topics.enriched().name(), Serdes.String().deserializer(), topics.enriched().valueSerde().deserializer());
    dlq = driver.createOutputTopic(topics.dlq().name(), Serdes.String().deserializer(), topics.dlq().valueSerde().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  static RawArticle article(String id, String text) {
    return RawArticle.newBuilder()
        .setId(id)
        .setUrl("https://news.example.com/" + id)
        .setFeedUrl("https://news.example.com/feed.xml")
        .setTitle("Title " + id)
        .setText(text)
        .setPublished(Instant.parse("2022-12-13T05:15:00Z"))
        .setFetchedAt(Instant.parse("2026-11-23T05:59:00Z"))
        .setSource("news.example.com")
        .build();
  }

  private void send(RawArticle a) {
    input.pipeInput(a.getId(), raw.encode(a));
  }

  @Test
  void passesANewArticleOnAsEnrichedWithAUniqueVerdict() {
    send(article("a1", "Some text."));

    EnrichedArticle out = enriched.readValue();
    assertThat(out.getId()).isEqualTo("a1");
    assertThat(out.getTitle()).isEqualTo("Title a1");
    assertThat(out.getText()).isEqualTo("Some text.");
    assertThat(out.getEnrichedAt()).isEqualTo(NOW);
    assertThat(out.getUpdated()).isFalse();
    assertThat(out.getDedup().getVerdict()).isEqualTo(DedupVerdict.UNIQUE);
    assertThat(out.getDedup().getClusterId()).isEqualTo("a1");
    assertThat(out.getActors()).isEmpty();
    assertThat(enriched.isEmpty()).isTrue();
  }

  @Test
  void dropsAnExactRepeatOfTheSameId() {
    send(article("a1", "Some text."));
    send(article("a2", "Other text."));
    send(article("a1", "Some text."));

    assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getId).containsExactly("a1", "a2");
  }

  @Test
  void passesAChangedTextOnAsAnUpdateOfTheSameId() {
    send(article("a1", "First version."));
    send(article("a1", "Corrected version."));

    List<EnrichedArticle> out = enriched.readValuesToList();
    assertThat(out).extracting(EnrichedArticle::getUpdated).containsExactly(false, true);
    assertThat(out.get(1).getText()).isEqualTo("Corrected version.");
  }

  @Test
  void sendsUndecodableBytesToTheDeadLetterTopicAndKeepsGoing() {
    input.pipeInput("junk", "not avro at all".getBytes(StandardCharsets.UTF_8));
    send(article("a1", "Some text."));

    DeadLetter letter = dlq.readValue();
    assertThat(letter.getStage()).isEqualTo("enrich");
    assertThat(letter.getReason()).isEqualTo("UNDECODABLE_RECORD");
    assertThat(letter.getDetail()).contains("not an Avro single-object encoded RawArticle");
    assertThat(letter.getSourceTopic()).isEqualTo("news.articles.raw");
    assertThat(letter.getSourcePartition()).isZero();
    assertThat(letter.getSourceOffset()).isZero();
    assertThat(StandardCharsets.UTF_8.decode(letter.getValue()).toString()).isEqualTo("not avro at all");
    assertThat(enriched.readValue().getId()).isEqualTo("a1");
  }

  @Test
  void sendsAnArticleWhoseKeyIsNotItsIdToTheDeadLetterTopic() {
    input.pipeInput("other-key", raw.encode(article("a1", "Some text.")));

    assertThat(dlq.readValue().getReason()).isEqualTo("KEY_MISMATCH");
    assertThat(enriched.isEmpty()).isTrue();
  }

  @Test
  void countsRecordsVerdictsTagsRepeatsAndDeadLettersInTheGivenRegistry() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    driver.close();
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(EnrichTopology.build(EnrichConfig.defaults(topics, Clock.fixed(NOW, ZoneOffset.UTC)), registry), props);
    input = driver.createInputTopic(topics.raw().name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
    enriched = driver.createOutputTopic(topics.enriched().name(), Serdes.String().deserializer(), topics.enriched().valueSerde().deserializer());
    String story = "The United States imposed new sanctions on North Korea on Monday after the missile launch. "
        + "Officials in Washington said the measures target banks in Pyongyang. "
        + "South Korea welcomed the sanctions and urged China to enforce them.";

    send(article("a1", story));
    send(article("a1", story));
    send(article("a2", story));
    input.pipeInput("junk", "not avro at all".getBytes(StandardCharsets.UTF_8));

    List<EnrichedArticle> out = enriched.readValuesToList();
    assertThat(out).extracting(a -> a.getDedup().getVerdict()).containsExactly(DedupVerdict.UNIQUE, DedupVerdict.DUPLICATE);
    assertThat(out.get(0).getActors()).isNotEmpty();
    assertThat(out.get(0).getEvents()).isNotEmpty();
    assertThat(registry.get("newsflow.articles.in").tag("stage", "enrich").counter().count()).isEqualTo(4);
    assertThat(registry.get("newsflow.articles.out").tag("stage", "enrich").counter().count()).isEqualTo(2);
    assertThat(registry.get("newsflow.enrich.repeats.dropped").counter().count()).isEqualTo(1);
    assertThat(registry.get("newsflow.dedup.verdicts").tag("verdict", "UNIQUE").counter().count()).isEqualTo(1);
    assertThat(registry.get("newsflow.dedup.verdicts").tag("verdict", "DUPLICATE").counter().count()).isEqualTo(1);
    assertThat(registry.get("newsflow.dedup.verdicts").tag("verdict", "NEAR_DUPLICATE").counter().count()).isZero();
    assertThat(registry.get("newsflow.tags").tag("kind", "actor").counter().count())
        .isEqualTo(out.stream().mapToInt(a -> a.getActors().size()).sum());
    assertThat(registry.get("newsflow.tags").tag("kind", "event").counter().count())
        .isEqualTo(out.stream().mapToInt(a -> a.getEvents().size()).sum());
    String type = out.get(0).getEvents().get(0).getType();
    assertThat(registry.get("newsflow.events").tag("type", type).counter().count())
        .isEqualTo(out.stream().flatMap(a -> a.getEvents().stream()).filter(e -> e.getType().equals(type)).count());
    assertThat(registry.get("newsflow.dlq").tags("stage", "enrich", "reason", "UNDECODABLE_RECORD").counter().count()).isEqualTo(1);
  }

  @Test
  void namesEveryProcessorAndStore() {
    TopologyDescription description = EnrichTopology.build(EnrichConfig.defaults(topics, Clock.systemUTC())).describe();
    String text = description.toString();
    assertThat(text).contains("decode-raw", "drop-repeats", "dlq-sink", "enriched-articles", "article-ids", "tag",
        "dedup-decide", "band-index", "dedup-pending", "dedup-band-members", "dedup-sketches");
    assertThat(text).doesNotContain("KSTREAM-");
  }
}
