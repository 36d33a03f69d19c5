package dev.newsflow.ingest.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Decodes feed bytes to text, choosing the charset in this order: byte-order mark, XML declaration,
 * HTTP {@code charset}, then strict UTF-8, then statistical detection (juniversalchardet), then
 * the label read leniently, then windows-1252. Legacy CJK labels are widened to their vendor
 * supersets ({@code charset-supersets.properties}). A declared or HTTP charset is only trusted when the bytes decode without error in
 * it, so a wrong declaration falls through to the next source instead of producing mojibake.
 *
 * <p>Example: EUC-KR bytes with no declaration and no header decode as EUC-KR by detection.
 */
final class CharsetSniffer {

  /** Decoded text, the charset used and how it was chosen (for logs and tests). */
  record Decoded(String text, Charset charset, String source) {}

  private static final Pattern XML_ENCODING =
      Pattern.compile("<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:\\-]+)[\"']");
  private static final Pattern HTTP_CHARSET =
      Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9._:\\-]+)", Pattern.CASE_INSENSITIVE);
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final int DECLARATION_WINDOW = 2048;
  private static final Properties SUPERSETS = loadSupersets();

  private CharsetSniffer() {}

  static Decoded decode(byte[] body, String contentType) {
    Decoded bom = fromBom(body);
    if (bom != null) {
      return bom;
    }
    Decoded utf16 = fromUtf16Pattern(body);
    if (utf16 != null) {
      return utf16;
    }
    Optional<Charset> declared = declaredCharset(body);
    if (declared.isPresent()) {
      Decoded d = strictOrMislabelledUtf8(body, declared.get(), "xml-declaration");
      if (d != null) {
        return d;
      }
    }
    Optional<Charset> http = httpCharset(contentType);
    if (http.isPresent()) {
      Decoded d = strictOrMislabelledUtf8(body, http.get(), "http-header");
      if (d != null) {
        return d;
      }
    }
    Decoded guessed = undeclared(body);
    if (guessed != null) {
      return guessed;
    }
    Charset last = declared.or(() -> http).orElse(WINDOWS_1252);
    return lenient(body, 0, last, declared.isPresent() || http.isPresent() ? "label-lenient" : "fallback");
  }

  private static Decoded fromBom(byte[] b) {
    if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
      return lenient(b, 3, StandardCharsets.UTF_8, "bom");
    }
    if (startsWith(b, 0xFE, 0xFF)) {
      return lenient(b, 2, StandardCharsets.UTF_16BE, "bom");
    }
    if (startsWith(b, 0xFF, 0xFE)) {
      return lenient(b, 2, StandardCharsets.UTF_16LE, "bom");
    }
    return null;
  }

  /** UTF-16 without BOM still starts with {@code <} as 00 3C or 3C 00. */
  private static Decoded fromUtf16Pattern(byte[] b) {
    if (startsWith(b, 0x00, 0x3C, 0x00)) {
      return lenient(b, 0, StandardCharsets.UTF_16BE, "utf16-pattern");
    }
    if (startsWith(b, 0x3C, 0x00) && b.length > 3 && b[3] == 0) {
      return lenient(b, 0, StandardCharsets.UTF_16LE, "utf16-pattern");
    }
    return null;
  }

  private static Optional<Charset> declaredCharset(byte[] b) {
    String head = new String(b, 0, Math.min(b.length, DECLARATION_WINDOW), StandardCharsets.ISO_8859_1);
    Matcher m = XML_ENCODING.matcher(head);
    return m.find() ? asciiCompatible(m.group(1)) : Optional.empty();
  }

  private static Optional<Charset> httpCharset(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    Matcher m = HTTP_CHARSET.matcher(contentType);
    return m.find() ? asciiCompatible(m.group(1)) : Optional.empty();
  }

  /** A label we can use on bytes that were not recognised as UTF-16/32 above. */
  private static Optional<Charset> asciiCompatible(String label) {
    try {
      Charset cs = superset(Charset.forName(label.trim()));
      String name = cs.name().toUpperCase(Locale.ROOT);
      if (name.startsWith("UTF-16") || name.startsWith("UTF-32") || name.startsWith("X-UTF-32")) {
        return Optional.empty();
      }
      return Optional.of(cs);
    } catch (IllegalArgumentException unknownOrIllegal) {
      return Optional.empty();
    }
  }

  /**
   * Decodes with the labelled charset when the bytes are valid in it. A single-byte label on bytes
   * that are valid, non-ASCII UTF-8 is the classic mislabel, so UTF-8 wins there.
   */
  private static Decoded strictOrMislabelledUtf8(byte[] b, Charset label, String source) {
    if (!label.equals(StandardCharsets.UTF_8) && isSingleByte(label) && hasMultibyteUtf8(b)) {
      String utf8 = strict(b, StandardCharsets.UTF_8);
      if (utf8 != null) {
        return new Decoded(utf8, StandardCharsets.UTF_8, source + "-mislabelled-utf8");
      }
    }
    String text = strict(b, label);
    return text == null ? null : new Decoded(text, label, source);
  }

  private static Decoded undeclared(byte[] b) {
    String utf8 = strict(b, StandardCharsets.UTF_8);
    if (utf8 != null) {
      return new Decoded(utf8, StandardCharsets.UTF_8, "utf8-valid");
    }
    if (mostlyUtf8(b)) {
      return lenient(b, 0, StandardCharsets.UTF_8, "utf8-mostly");
    }
    Charset detected = detect(b);
    return detected == null ? null : lenient(b, 0, detected, "detected");
  }

  private static Charset detect(byte[] b) {
    UniversalDetector detector = new UniversalDetector();
    detector.handleData(b, 0, b.length);
    detector.dataEnd();
    String name = detector.getDetectedCharset();
    if (name == null) {
      return null;
    }
    try {
      return superset(Charset.forName(name));
    } catch (IllegalArgumentException unsupported) {
      return null;
    }
  }

  private static Charset superset(Charset cs) {
    String wider = SUPERSETS.getProperty(cs.name());
    return wider == null || !Charset.isSupported(wider) ? cs : Charset.forName(wider);
  }

  private static Properties loadSupersets() {
    Properties p = new Properties();
    try (InputStream in = CharsetSniffer.class.getResourceAsStream("charset-supersets.properties")) {
      if (in == null) {
        throw new IllegalStateException("missing resource charset-supersets.properties");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  private static boolean isSingleByte(Charset cs) {
    return cs.newEncoder().maxBytesPerChar() <= 1.0f;
  }

  private static boolean hasMultibyteUtf8(byte[] b) {
    for (byte x : b) {
      if (x < 0) {
        return true;
      }
    }
    return false;
  }

  /** UTF-8 with a few stray bytes: well-formed multibyte sequences outnumber bad bytes 4 to 1. */
  private static boolean mostlyUtf8(byte[] b) {
    int good = 0;
    int bad = 0;
    int i = 0;
    while (i < b.length) {
      int c = b[i] & 0xFF;
      int len = c < 0x80 ? 1 : c >= 0xF0 && c < 0xF5 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
      if (len == 1) {
        i++;
      } else if (len > 1 && continuation(b, i + 1, len - 1)) {
        good++;
        i += len;
      } else {
        bad++;
        i++;
      }
    }
    return good > 0 && good >= 4 * bad;
  }

  private static boolean continuation(byte[] b, int from, int n) {
    if (from + n > b.length) {
      return false;
    }
    for (int i = from; i < from + n; i++) {
      if ((b[i] & 0xC0) != 0x80) {
        return false;
      }
    }
    return true;
  }

  private static String strict(byte[] b, Charset cs) {
    try {
      CharBuffer out =
          cs.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(b));
      return out.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static Decoded lenient(byte[] b, int offset, Charset cs, String source) {
    return new Decoded(new String(b, offset, b.length - offset, cs), cs, source);
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
