package dev.newsflow.ingest.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Heap and CPU of this JVM, as the benchmark reports them: heap used right after each garbage
 * collection (the live set plus what survived young collections; summed over the heap pools),
 * peak heap used as sampled, and process CPU time.
 */
final class JvmGauges {
  private final LongAccumulator maxAfterGc = new LongAccumulator(Math::max, 0);
  private final LongAccumulator maxSampled = new LongAccumulator(Math::max, 0);
  private final AtomicLong collections = new AtomicLong();
  private final AtomicLong pauseMs = new AtomicLong();
  private volatile boolean recording;

  /** Listens to every collector of this JVM; nothing is recorded until {@link #record(boolean)}. */
  JvmGauges() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener((n, h) -> {
          if (!recording || !GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
          }
          var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
          long used = 0;
          for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (isHeapPool(e.getKey())) {
              used += e.getValue().getUsed();
            }
          }
          maxAfterGc.accumulate(used);
          collections.incrementAndGet();
          pauseMs.addAndGet(info.getGcInfo().getDuration());
        }, null, null);
      }
    }
  }

  private static boolean isHeapPool(String pool) {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .anyMatch(p -> p.getName().equals(pool) && p.getType() == java.lang.management.MemoryType.HEAP);
  }

  void record(boolean on) {
    recording = on;
  }

  /** Samples heap used now (call about once a second while recording). */
  void sample() {
    if (recording) {
      maxSampled.accumulate(heap().getUsed());
    }
  }

  long maxAfterGcBytes() {
    return maxAfterGc.get();
  }

  long maxSampledBytes() {
    return maxSampled.get();
  }

  long collections() {
    return collections.get();
  }

  long gcMillis() {
    return pauseMs.get();
  }

  static MemoryUsage heap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
  }

  /** Heap used after a full collection asked for now: the live set. */
  static long liveBytes() {
    System.gc();
    return heap().getUsed();
  }

  static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : -1;
  }
}
