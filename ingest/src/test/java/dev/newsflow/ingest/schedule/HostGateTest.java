package dev.newsflow.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HostGateTest {
  @Test
  void letsOneRequestAtATimeToAHostWithTheMinimumDelayBetween() throws Exception {
    HostGate gate = new HostGate(Duration.ofMillis(50));
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    List<long[]> spans = Collections.synchronizedList(new ArrayList<>());
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 8; i++) {
        pool.submit(() -> {
          try (HostGate.Permit p = gate.acquire("news.example.com")) {
            long start = System.nanoTime();
            maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            Thread.sleep(5);
            inside.decrementAndGet();
            spans.add(new long[] {start, System.nanoTime()});
          }
          return null;
        });
      }
    }
    assertThat(maxInside.get()).isEqualTo(1);
    spans.sort((a, b) -> Long.compare(a[0], b[0]));
    for (int i = 1; i < spans.size(); i++) {
      assertThat(spans.get(i)[0] - spans.get(i - 1)[1]).isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
    }
  }

  @Test
  void differentHostsDoNotWaitForEachOther() throws Exception {
    HostGate gate = new HostGate(Duration.ofHours(1));
    try (HostGate.Permit a = gate.acquire("a.example.com")) {
      // Would block for an hour if hosts were shared.
    }
    try (HostGate.Permit b = gate.acquire("b.example.com"); HostGate.Permit c = gate.acquire("C.example.com")) {
      assertThat(gate.hosts()).isEqualTo(3);
    }
  }
}
