package dev.newsflow.enrich.dedup;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Compact similarity sketch of one article body: a SuperMinHash signature of its word shingles, the
 * exact 32-bit hashes of the shingles of its lead (first words), and of the numbers in its lead.
 *
 * <p>Example: a 300-word article with the default {@link SketchConfig} encodes to about 380 bytes:
 * 1 version byte, the distinct-shingle count, 128 components of 16 bits, up to 21 lead shingle
 * hashes, a few lead number hashes.
 *
 * @param shingles number of distinct body shingles (0 for an empty body)
 * @param signature SuperMinHash signature, empty when {@code shingles == 0}
 * @param lead sorted distinct hashes of the lead shingles
 * @param leadNumbers sorted distinct hashes of the number tokens of the lead ("183", "9", "2029")
 */
public record Sketch(int shingles, byte[] signature, int[] lead, int[] leadNumbers) {

  private static final byte VERSION = 1;

  public Sketch {
    if (shingles < 0) {
      throw new IllegalArgumentException("shingles must be >= 0: " + shingles);
    }
    signature = signature.clone();
    lead = lead.clone();
    leadNumbers = leadNumbers.clone();
    if ((shingles == 0) != (signature.length == 0)) {
      throw new IllegalArgumentException(
          "an empty signature goes with zero shingles and only then");
    }
    requireSortedDistinct(lead, "lead");
    requireSortedDistinct(leadNumbers, "leadNumbers");
  }

  /** Whether the body had no words to sketch; an empty sketch is similar to nothing. */
  public boolean isEmpty() {
    return shingles == 0;
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public int[] lead() {
    return lead.clone();
  }

  @Override
  public int[] leadNumbers() {
    return leadNumbers.clone();
  }

  /** Package-private views without copying, for hot comparison loops. */
  byte[] signatureView() {
    return signature;
  }

  int[] leadView() {
    return lead;
  }

  int[] leadNumbersView() {
    return leadNumbers;
  }

  /**
   * Serialises: version, shingle count, signature (length, bytes), lead and lead numbers (count,
   * ints).
   */
  public byte[] encode() {
    ByteBuffer out =
        ByteBuffer.allocate(
            1 + 4 + 2 + signature.length + 2 + 4 * lead.length + 2 + 4 * leadNumbers.length);
    out.put(VERSION).putInt(shingles).putShort((short) signature.length).put(signature);
    putInts(out, lead);
    putInts(out, leadNumbers);
    return out.array();
  }

  /**
   * Reads a sketch written by {@link #encode()}.
   *
   * @throws IllegalArgumentException when the bytes are truncated, of another version or have
   *     trailing data
   */
  public static Sketch decode(byte[] bytes) {
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      byte version = in.get();
      if (version != VERSION) {
        throw new IllegalArgumentException("unsupported sketch version " + version);
      }
      int shingles = in.getInt();
      byte[] signature = new byte[Short.toUnsignedInt(in.getShort())];
      in.get(signature);
      int[] lead = getInts(in);
      int[] numbers = getInts(in);
      if (in.hasRemaining()) {
        throw new IllegalArgumentException("trailing " + in.remaining() + " bytes after sketch");
      }
      return new Sketch(shingles, signature, lead, numbers);
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("truncated sketch of " + bytes.length + " bytes", e);
    }
  }

  private static void putInts(ByteBuffer out, int[] values) {
    out.putShort((short) values.length);
    for (int v : values) {
      out.putInt(v);
    }
  }

  private static int[] getInts(ByteBuffer in) {
    int[] values = new int[Short.toUnsignedInt(in.getShort())];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.getInt();
    }
    return values;
  }

  private static void requireSortedDistinct(int[] values, String name) {
    if (values.length > Short.MAX_VALUE) {
      throw new IllegalArgumentException(name + " too long: " + values.length);
    }
    for (int i = 1; i < values.length; i++) {
      if (values[i - 1] >= values[i]) {
        throw new IllegalArgumentException(name + " hashes must be sorted and distinct");
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sketch s
        && shingles == s.shingles
        && Arrays.equals(signature, s.signature)
        && Arrays.equals(lead, s.lead)
        && Arrays.equals(leadNumbers, s.leadNumbers);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(
        new int[] {
          shingles, Arrays.hashCode(signature), Arrays.hashCode(lead), Arrays.hashCode(leadNumbers)
        });
  }

  @Override
  public String toString() {
    return "Sketch[shingles="
        + shingles
        + ", signatureBytes="
        + signature.length
        + ", lead="
        + lead.length
        + ", leadNumbers="
        + leadNumbers.length
        + "]";
  }
}
