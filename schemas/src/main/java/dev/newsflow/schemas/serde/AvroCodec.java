package dev.newsflow.schemas.serde;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Encodes and decodes one record type with Avro single-object encoding: {@code C3 01}, the 8-byte
 * CRC-64-AVRO fingerprint of the writer schema, then the binary body. No registry is needed: the
 * decoder knows the current schema and every earlier version this module shipped (see {@link
 * #HISTORY_INDEX}), and resolves old records to the current class.
 *
 * <pre>{@code
 * AvroCodec<RawArticle> codec = AvroCodec.of(RawArticle.class);
 * RawArticle back = codec.decode(codec.encode(article));
 * }</pre>
 *
 * @param <T> a generated Avro class
 */
public final class AvroCodec<T extends SpecificRecord> {

  /**
   * Avro allocates a string, bytes or array from its length prefix before reading it; its default
   * limits (about 2^31) let a 15-byte forged record take gigabytes (found by fuzzing). No record of
   * ours exceeds the producers' 16 MiB request size, so these limits refuse only forged input. An
   * operator's own {@code -D} values win; Avro reads them once, at its first use.
   */
  static {
    System.getProperties().putIfAbsent("org.apache.avro.limits.string.maxLength", String.valueOf(16 * 1024 * 1024));
    System.getProperties().putIfAbsent("org.apache.avro.limits.bytes.maxLength", String.valueOf(16 * 1024 * 1024));
    System.getProperties().putIfAbsent("org.apache.avro.limits.collectionItems.maxLength", "1000000");
  }

  /** Lists, one per line, the resource names of the earlier schema versions, next to this file. */
  public static final String HISTORY_INDEX = "/dev/newsflow/schemas/history/INDEX";

  private final Schema schema;
  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;
  private final List<Long> knownFingerprints = new ArrayList<>();

  private AvroCodec(Class<T> type) {
    SpecificData model = SpecificData.getForClass(type);
    this.schema = model.getSchema(type);
    this.encoder = new BinaryMessageEncoder<>(model, schema);
    this.decoder = new BinaryMessageDecoder<>(model, schema);
    knownFingerprints.add(SchemaNormalization.parsingFingerprint64(schema));
    for (Schema old : historyOf(schema.getFullName())) {
      decoder.addSchema(old);
      knownFingerprints.add(SchemaNormalization.parsingFingerprint64(old));
    }
  }

  /** A codec for the generated class {@code type}, able to read every shipped version of it. */
  public static <T extends SpecificRecord> AvroCodec<T> of(Class<T> type) {
    return new AvroCodec<>(Objects.requireNonNull(type, "type"));
  }

  /** The current (writer) schema. */
  public Schema schema() {
    return schema;
  }

  /** Number of schema versions this codec can read (the current one included). */
  public int readableVersions() {
    return knownFingerprints.size();
  }

  /** Encodes {@code record} with the current schema. */
  public byte[] encode(T record) {
    try {
      ByteBuffer buffer = encoder.encode(record);
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode " + schema.getName(), e);
    } catch (AvroRuntimeException | NullPointerException | ClassCastException e) {
      throw new AvroDecodingException(
          "cannot encode " + schema.getName() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Decodes bytes written by any known version of the schema.
   *
   * @throws AvroDecodingException with a specific message when the bytes are not single-object
   *     encoded, were written with an unknown schema, or are truncated or corrupt
   */
  public T decode(byte[] bytes) {
    if (bytes == null) {
      throw new AvroDecodingException("no value (null record) where a " + schema.getName() + " was expected");
    }
    if (bytes.length < 10 || (bytes[0] & 0xFF) != 0xC3 || (bytes[1] & 0xFF) != 0x01) {
      throw new AvroDecodingException(
          "not an Avro single-object encoded " + schema.getName() + ": expected header C3 01 and"
              + " 8 fingerprint bytes, got " + preview(bytes));
    }
    try {
      return decoder.decode(bytes);
    } catch (MissingSchemaException e) {
      throw new AvroDecodingException(
          "unknown schema fingerprint for " + schema.getName() + " (" + fingerprintOf(bytes)
              + "); this reader knows " + knownFingerprints.size() + " version(s)", e);
    } catch (BadHeaderException e) {
      throw new AvroDecodingException("bad single-object header: " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      throw new AvroDecodingException(
          "corrupt or truncated " + schema.getName() + " body (" + bytes.length + " bytes): "
              + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  private static String fingerprintOf(byte[] bytes) {
    long fp = ByteBuffer.wrap(bytes, 2, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    return String.format("%016x", fp);
  }

  private static String preview(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(bytes.length, 8); i++) {
      sb.append(String.format("%02X ", bytes[i] & 0xFF));
    }
    return bytes.length == 0 ? "0 bytes" : sb.toString().trim() + " (" + bytes.length + " bytes)";
  }

  /** Earlier versions of the named schema, read from the history folder. */
  static List<Schema> historyOf(String fullName) {
    List<Schema> result = new ArrayList<>();
    for (String resource : historyResources()) {
      Schema old = parse(resource);
      if (old.getFullName().equals(fullName)) {
        result.add(old);
      }
    }
    return result;
  }

  static List<String> historyResources() {
    try (InputStream in = AvroCodec.class.getResourceAsStream(HISTORY_INDEX)) {
      if (in == null) {
        throw new IllegalStateException("schema history index missing: " + HISTORY_INDEX);
      }
      String base = HISTORY_INDEX.substring(0, HISTORY_INDEX.lastIndexOf('/') + 1);
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(name -> base + name)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Schema parse(String resource) {
    try (InputStream in = AvroCodec.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("schema listed in history but missing: " + resource);
      }
      return new Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
