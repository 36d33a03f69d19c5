package dev.newsflow.enrich.topology;

import dev.newsflow.schemas.DeadLetter;
import dev.newsflow.schemas.RawArticle;
import dev.newsflow.schemas.serde.AvroCodec;
import dev.newsflow.schemas.serde.AvroDecodingException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes raw record bytes into {@link RawArticle}s. Bytes that are not one (or an article whose
 * id disagrees with its key) become a {@link DeadLetter} with the reason, the source
 * topic/partition/offset and the original bytes, so that the stage keeps running and nothing is lost.
 */
final class DecodeRawProcessor implements FixedKeyProcessor<String, byte[], Decoded> {
  private static final Logger LOG = LoggerFactory.getLogger(DecodeRawProcessor.class);
  private static final AvroCodec<RawArticle> CODEC = AvroCodec.of(RawArticle.class);

  private final Clock clock;
  private FixedKeyProcessorContext<String, Decoded> context;

  DecodeRawProcessor(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Decoded> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, byte[]> record) {
    try {
      RawArticle article = CODEC.decode(record.value());
      if (record.key() != null && !record.key().equals(article.getId())) {
        reject(record, "KEY_MISMATCH", "record key " + record.key() + " is not the article id " + article.getId());
        return;
      }
      context.forward(record.withValue(new Decoded.Article(article)));
    } catch (AvroDecodingException e) {
      reject(record, "UNDECODABLE_RECORD", e.getMessage());
    }
  }

  private void reject(FixedKeyRecord<String, byte[]> record, String reason, String detail) {
    RecordMetadata meta = context.recordMetadata().orElse(null);
    LOG.warn("enrich: {} at {}-{}@{}: {}", reason, meta == null ? "?" : meta.topic(),
        meta == null ? -1 : meta.partition(), meta == null ? -1 : meta.offset(), detail);
    DeadLetter letter =
        DeadLetter.newBuilder()
            .setStage("enrich")
            .setReason(reason)
            .setDetail(detail)
            .setSourceTopic(meta == null ? null : meta.topic())
            .setSourcePartition(meta == null ? -1 : meta.partition())
            .setSourceOffset(meta == null ? -1 : meta.offset())
            .setKey(record.key() == null ? null : ByteBuffer.wrap(record.key().getBytes(StandardCharsets.UTF_8)))
            .setValue(record.value() == null ? null : ByteBuffer.wrap(record.value()))
            .setTime(clock.instant())
            .build();
    context.forward(record.withValue(new Decoded.Rejected(letter)));
  }
}
