package dev.newsflow.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SketchTest {

  private final Sketcher sketcher = Sketcher.withDefaults();

  @Test
  void encodeDecodeRoundTrips() {
    Sketch sketch =
        sketcher.sketch(Fixtures.title("seeds/seed-002.txt"), Fixtures.body("seeds/seed-002.txt"));
    Sketch decoded = Sketch.decode(sketch.encode());
    assertThat(decoded).isEqualTo(sketch);
    assertThat(sketcher.similarity(decoded, sketch)).isEqualTo(1.0);
    assertThat(sketcher.bandKeys(decoded)).isEqualTo(sketcher.bandKeys(sketch));
  }

  @Test
  void encodedSizeIsCompact() {
    Sketch sketch =
        sketcher.sketch(Fixtures.title("seeds/seed-004.txt"), Fixtures.body("seeds/seed-004.txt"));
    assertThat(sketch.encode().length)
        .isEqualTo(
            1 + 4 + 2 + 256 + 2 + 4 * sketch.lead().length + 2 + 4 * sketch.leadNumbers().length)
        .isLessThan(400);
  }

  @Test
  void emptySketchRoundTrips() {
    Sketch empty = sketcher.sketch("", "");
    assertThat(empty.isEmpty()).isTrue();
    assertThat(Sketch.decode(empty.encode())).isEqualTo(empty);
  }

  @Test
  void rejectsTruncatedForeignOrPaddedBytes() {
    byte[] bytes = sketcher.sketch("t", "some words of an article body here").encode();
    assertThatThrownBy(() -> Sketch.decode(Arrays.copyOf(bytes, bytes.length - 3)))
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> Sketch.decode(Arrays.copyOf(bytes, bytes.length + 1)))
        .hasMessageContaining("trailing");
    byte[] otherVersion = bytes.clone();
    otherVersion[0] = 9;
    assertThatThrownBy(() -> Sketch.decode(otherVersion)).hasMessageContaining("version 9");
  }

  @Test
  void rejectsInconsistentFields() {
    assertThatThrownBy(() -> new Sketch(3, new byte[0], new int[0], new int[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Sketch(1, new byte[] {1}, new int[] {5, 2}, new int[0]))
        .hasMessageContaining("sorted");
  }
}
