package dev.newsflow.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.schemas.DeadLetter;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.FetchEvent;
import dev.newsflow.schemas.RawArticle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

class AvroCodecTest {
  private final AvroCodec<RawArticle> codec = AvroCodec.of(RawArticle.class);

  static RawArticle article() {
    return RawArticle.newBuilder()
        .setId("0123456789abcdef0123456789abcdef")
        .setUrl("https://news.example.com/a")
        .setFeedUrl("https://news.example.com/feed.xml")
        .setTitle("Title")
        .setText("Body text.")
        .setPublished(Instant.parse("2022-12-13T05:15:00Z"))
        .setFetchedAt(Instant.parse("2026-11-23T00:00:00Z"))
        .setSource("news.example.com")
        .setSourceUrl("https://news.example.com/a?utm_source=rss")
        .setAuthors(List.of("Jane Doe"))
        .setLanguage("en")
        .build();
  }

  @Test
  void roundTripsTheCurrentVersion() {
    byte[] bytes = codec.encode(article());
    assertThat(bytes[0] & 0xFF).isEqualTo(0xC3);
    assertThat(bytes[1] & 0xFF).isEqualTo(0x01);
    assertThat(codec.decode(bytes)).isEqualTo(article());
  }

  @Test
  void readsARecordWrittenWithThePreviousVersion() throws IOException {
    Schema v1 = AvroCodec.parse("/dev/newsflow/schemas/history/RawArticle-v1.avsc");
    assertThat(v1.getField("authors")).as("v1 is the earlier shape").isNull();
    GenericRecord old = new GenericData.Record(v1);
    old.put("id", "id-1");
    old.put("url", "https://news.example.com/old");
    old.put("feedUrl", "https://news.example.com/feed.xml");
    old.put("title", "Old title");
    old.put("text", "Old text.");
    old.put("published", 1_600_000_000_000L);
    old.put("fetchedAt", 1_600_000_100_000L);
    old.put("source", "news.example.com");
    byte[] bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old).array();

    RawArticle read = codec.decode(bytes);

    assertThat(read.getTitle()).isEqualTo("Old title");
    assertThat(read.getPublished()).isEqualTo(Instant.ofEpochMilli(1_600_000_000_000L));
    assertThat(read.getAuthors()).isEmpty();
    assertThat(read.getSourceUrl()).isNull();
    assertThat(read.getLanguage()).isNull();
  }

  @Test
  void readsAnEnrichedArticleWrittenWithThePreviousVersion() throws IOException {
    Schema v1 = AvroCodec.parse("/dev/newsflow/schemas/history/EnrichedArticle-v1.avsc");
    assertThat(v1.getField("actorCodes")).as("v1 is the earlier shape").isNull();
    Schema dedup = v1.getField("dedup").schema();
    GenericRecord old = new org.apache.avro.generic.GenericRecordBuilder(v1)
        .set("id", "e1").set("url", "https://news.example.com/e1").set("feedUrl", "f").set("title", "Old")
        .set("text", "Old text.").set("fetchedAt", 1_600_000_000_000L).set("enrichedAt", 1_600_000_001_000L)
        .set("source", "news.example.com")
        .set("dedup", new org.apache.avro.generic.GenericRecordBuilder(dedup)
            .set("verdict", new GenericData.EnumSymbol(dedup.getField("verdict").schema(), "NEAR_DUPLICATE"))
            .set("duplicateOf", "e0").set("clusterId", "e0").set("similarity", 0.8).build())
        .build();
    byte[] bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old).array();

    EnrichedArticle read = AvroCodec.of(EnrichedArticle.class).decode(bytes);

    assertThat(read.getTitle()).isEqualTo("Old");
    assertThat(read.getDedup().getVerdict()).isEqualTo(dev.newsflow.schemas.DedupVerdict.NEAR_DUPLICATE);
    assertThat(read.getDedup().getDuplicateOf()).isEqualTo("e0");
    assertThat(read.getActorCodes()).isEmpty();
    assertThat(read.getEventTypes()).isEmpty();
  }

  @Test
  void everyHistoricalSchemaIsStillReadable() {
    assertThat(codec.readableVersions()).isEqualTo(2);
    assertThat(AvroCodec.of(EnrichedArticle.class).readableVersions()).isEqualTo(2);
    for (String resource : AvroCodec.historyResources()) {
      assertThat(AvroCodec.parse(resource).getFullName()).startsWith("dev.newsflow.schemas.");
    }
  }

  @Test
  void everyFieldOfEveryCurrentSchemaIsDocumented() {
    for (Schema schema :
        List.of(RawArticle.SCHEMA$, EnrichedArticle.SCHEMA$, FetchEvent.SCHEMA$, DeadLetter.SCHEMA$,
            dev.newsflow.schemas.Feed.SCHEMA$, dev.newsflow.schemas.FeedState.SCHEMA$)) {
      assertThat(schema.getDoc()).as(schema.getName()).isNotBlank();
      assertDocumented(schema);
    }
  }

  private static void assertDocumented(Schema schema) {
    for (Schema.Field field : schema.getFields()) {
      assertThat(field.doc()).as(schema.getName() + "." + field.name()).isNotBlank();
      Schema type = field.schema();
      if (type.getType() == Schema.Type.ARRAY) {
        type = type.getElementType();
      }
      if (type.getType() == Schema.Type.RECORD) {
        assertDocumented(type);
      }
    }
  }

  @Test
  void rejectsBytesWithoutTheSingleObjectHeader() {
    byte[] json = "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> codec.decode(json))
        .isInstanceOf(AvroDecodingException.class)
        .hasMessageContaining("not an Avro single-object encoded RawArticle")
        .hasMessageContaining("7B 22");
  }

  @Test
  void rejectsAnUnknownSchemaFingerprint() {
    byte[] bytes = codec.encode(article());
    bytes[5] ^= 0x55;
    assertThatThrownBy(() -> codec.decode(bytes))
        .isInstanceOf(AvroDecodingException.class)
        .hasMessageContaining("unknown schema fingerprint");
  }

  @Test
  void rejectsATruncatedBody() {
    byte[] bytes = codec.encode(article());
    byte[] truncated = Arrays.copyOf(bytes, 16);
    assertThatThrownBy(() -> codec.decode(truncated))
        .isInstanceOf(AvroDecodingException.class)
        .hasMessageContaining("corrupt or truncated RawArticle");
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> codec.decode(null)).isInstanceOf(AvroDecodingException.class);
  }

  @Test
  void otherRecordTypesAreNotMistakenForThisOne() throws IOException {
    AvroCodec<FetchEvent> events = AvroCodec.of(FetchEvent.class);
    FetchEvent event =
        FetchEvent.newBuilder()
            .setFeedUrl("f")
            .setUrl("u")
            .setKind("FEED")
            .setTime(Instant.EPOCH)
            .setStatus("OK")
            .build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(events.encode(event));
    assertThatThrownBy(() -> codec.decode(out.toByteArray()))
        .isInstanceOf(AvroDecodingException.class)
        .hasMessageContaining("unknown schema fingerprint");
  }
}
