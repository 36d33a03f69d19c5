package dev.newsflow.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageDecoderTest {

    private static String decode(byte[] bytes, Map<String, List<String>> headers) {
        return PageDecoder.decode(bytes, bytes.length, headers);
    }

    @Test
    void usesHttpHeaderCharset() {
        byte[] bytes = "<p>Привет</p>".getBytes(Charset.forName("windows-1251"));
        assertThat(decode(bytes, Map.of("Content-Type", List.of("text/html; charset=windows-1251"))))
                .isEqualTo("<p>Привет</p>");
    }

    @Test
    void usesMetaCharsetWhenHeaderIsSilent() {
        byte[] bytes = "<meta charset=\"koi8-r\"><p>Привет</p>".getBytes(Charset.forName("KOI8-R"));
        assertThat(decode(bytes, Map.of())).endsWith("<p>Привет</p>");
    }

    @Test
    void byteOrderMarkWinsOverDeclarations() {
        byte[] text = "<meta charset=\"windows-1252\"><p>Grüße</p>".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bytes, 3, text.length);
        assertThat(decode(bytes, Map.of())).endsWith("<p>Grüße</p>");
    }

    @Test
    void validUtf8DeclaredAsLatin1IsReadAsUtf8() {
        byte[] bytes = "<meta charset=\"iso-8859-1\"><p>Grüße</p>".getBytes(StandardCharsets.UTF_8);
        assertThat(decode(bytes, Map.of())).endsWith("<p>Grüße</p>");
    }

    @Test
    void invalidUtf8IsReadAsWindows1252() {
        byte[] bytes = "<p>Grüße – “quoted”</p>".getBytes(Charset.forName("windows-1252"));
        assertThat(decode(bytes, Map.of("Content-Type", List.of("text/html; charset=utf-8"))))
                .isEqualTo("<p>Grüße – “quoted”</p>");
    }

    @Test
    void mostlyValidUtf8WithABrokenSequenceKeepsItsTextAndMarksTheBreak() {
        byte[] start = "<p>Grüße aus Zürich, café – “quoted” ".getBytes(StandardCharsets.UTF_8);
        byte[] end = " end</p>".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[start.length + 2 + end.length];
        System.arraycopy(start, 0, bytes, 0, start.length);
        bytes[start.length] = (byte) 0xC3;
        bytes[start.length + 1] = (byte) 0x28;
        System.arraycopy(end, 0, bytes, start.length + 2, end.length);
        assertThat(decode(bytes, Map.of("Content-Type", List.of("text/html; charset=utf-8"))))
                .isEqualTo("<p>Grüße aus Zürich, café – “quoted” \uFFFD( end</p>");
    }

    @Test
    void toleratesMultiByteCharacterCutAtTheEnd() {
        byte[] full = "<p>café</p>é".getBytes(StandardCharsets.UTF_8);
        assertThat(PageDecoder.decode(full, full.length - 1, Map.of())).isEqualTo("<p>café</p>");
    }

    @Test
    void rejectsBinaryAndNonTextContentTypes() {
        assertThatThrownBy(() -> decode(new byte[] {'<', 0, 0, 1}, Map.of()))
                .isInstanceOf(ExtractionException.class).hasMessage("not HTML: binary content");
        assertThatThrownBy(() -> decode("{}".getBytes(StandardCharsets.UTF_8),
                Map.of("CONTENT-TYPE", List.of("application/json"))))
                .isInstanceOf(ExtractionException.class).hasMessage("not HTML: content type application/json");
    }
}
