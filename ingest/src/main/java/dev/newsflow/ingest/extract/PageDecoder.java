package dev.newsflow.ingest.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the raw bytes of a page into text, choosing the charset from, in order: a byte-order mark, the HTTP
 * {@code Content-Type} header, a {@code <meta charset>} or {@code http-equiv} declaration in the first 4 KiB; a
 * declaration is overruled when the bytes are valid multi-byte UTF-8 but declared as a single-byte charset (the
 * commonest wrong declaration), or declared UTF-8 but are not valid UTF-8 (then windows-1252, unless the bytes are
 * mostly well-formed UTF-8 with a few broken sequences, which become U+FFFD).
 *
 * <p>Written by hand because jsoup's own detection trusts a wrong declaration and has no validity check.
 * Example: bytes {@code <meta charset="iso-8859-1">caf\xC3\xA9} decode to {@code café}.
 */
final class PageDecoder {

    private static final int SNIFF_BYTES = 4096;
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([a-zA-Z0-9_:.\\-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_CHARSET = Pattern.compile(
            "charset\\s*=\\s*[\"']?([a-zA-Z0-9_:.\\-]+)", Pattern.CASE_INSENSITIVE);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private PageDecoder() {
    }

    /** Decodes {@code body[0..length)}, after checking it looks like HTML. */
    static String decode(byte[] body, int length, Map<String, List<String>> headers) {
        if (length == 0) {
            throw new ExtractionException("empty page");
        }
        String contentType = header(headers, "content-type");
        checkHtml(body, length, contentType);
        int bom = bomLength(body, length);
        if (bom > 0) {
            Charset bomCharset = body[0] == (byte) 0xEF ? StandardCharsets.UTF_8
                    : body[0] == (byte) 0xFE ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
            return new String(body, bom, length - bom, bomCharset);
        }
        Charset declared = declaredCharset(body, length, contentType);
        return decodeChecked(body, length, declared);
    }

    private static String decodeChecked(byte[] body, int length, Charset declared) {
        boolean utf8Declared = declared != null && declared.equals(StandardCharsets.UTF_8);
        boolean singleByteOrNone = declared == null || declared.equals(WINDOWS_1252)
                || declared.equals(StandardCharsets.ISO_8859_1) || declared.equals(StandardCharsets.US_ASCII);
        if (utf8Declared || singleByteOrNone) {
            String utf8 = strictUtf8(body, length);
            if (utf8 != null) {
                return utf8;
            }
            String lenient = new String(body, 0, length, StandardCharsets.UTF_8);
            return mostlyUtf8(lenient) ? lenient : new String(body, 0, length, WINDOWS_1252);
        }
        return new String(body, 0, length, declared);
    }

    /**
     * Whether text decoded leniently as UTF-8 holds more well-formed non-ASCII characters than replacement
     * characters: a UTF-8 page with a few broken bytes (cut and pasted, truncated by a CMS) keeps its text, with
     * U+FFFD where the bytes were broken, instead of being read as windows-1252 throughout.
     */
    private static boolean mostlyUtf8(String lenient) {
        int good = 0;
        int bad = 0;
        for (int i = 0; i < lenient.length(); i++) {
            char c = lenient.charAt(i);
            if (c == '\uFFFD') {
                bad++;
            } else if (c > 0x7F && !Character.isLowSurrogate(c)) {
                good++;
            }
        }
        return good > bad;
    }

    /**
     * The text if the bytes are valid UTF-8 (a cut multi-byte sequence at the very end is tolerated), else null.
     * The JDK's fast lenient decoder runs first; the strict check only when it had to replace something.
     */
    private static String strictUtf8(byte[] body, int length) {
        String lenient = new String(body, 0, length, StandardCharsets.UTF_8);
        if (lenient.indexOf('\uFFFD') < 0) {
            return lenient;
        }
        int end = length;
        int back = 0;
        while (back < 3 && end - back - 1 >= 0 && (body[end - back - 1] & 0xC0) == 0x80) {
            back++;
        }
        if (end - back - 1 >= 0 && (body[end - back - 1] & 0xC0) == 0xC0) {
            end = end - back - 1;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, 0, end)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static void checkHtml(byte[] body, int length, String contentType) {
        if (contentType != null) {
            String type = contentType.toLowerCase(Locale.ROOT);
            boolean textual = type.contains("html") || type.contains("xml") || type.startsWith("text/");
            if (!textual && !type.isBlank()) {
                throw new ExtractionException("not HTML: content type " + contentType.strip());
            }
        }
        int probe = Math.min(length, 1024);
        if (length >= 4 && body[0] == '%' && body[1] == 'P' && body[2] == 'D' && body[3] == 'F') {
            throw new ExtractionException("not HTML: PDF document");
        }
        if (bomLength(body, length) == 0) {
            for (int i = 0; i < probe; i++) {
                if (body[i] == 0) {
                    throw new ExtractionException("not HTML: binary content");
                }
            }
        }
    }

    private static int bomLength(byte[] b, int length) {
        if (length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) {
            return 3;
        }
        boolean utf16Bom = length >= 2
                && ((b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) || (b[0] == (byte) 0xFF && b[1] == (byte) 0xFE));
        if (utf16Bom) {
            return 2;
        }
        return 0;
    }

    private static Charset declaredCharset(byte[] body, int length, String contentType) {
        if (contentType != null) {
            Matcher m = HEADER_CHARSET.matcher(contentType);
            if (m.find()) {
                Charset c = charset(m.group(1));
                if (c != null) {
                    return c;
                }
            }
        }
        String head = new String(body, 0, Math.min(length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        return m.find() ? charset(m.group(1)) : null;
    }

    /** WHATWG-style lookup: Latin-1 and ASCII labels mean windows-1252; unknown labels mean none. */
    private static Charset charset(String label) {
        String name = label.trim().toLowerCase(Locale.ROOT);
        if (name.equals("iso-8859-1") || name.equals("latin1") || name.equals("us-ascii") || name.equals("ascii")) {
            return WINDOWS_1252;
        }
        if (name.equals("utf8")) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Case-insensitive lookup of the first value of an HTTP header, or null. */
    static String header(Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && e.getValue() != null
                    && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }
}
