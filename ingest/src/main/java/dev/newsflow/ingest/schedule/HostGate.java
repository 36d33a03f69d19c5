package dev.newsflow.ingest.schedule;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Politeness per host: at most one request at a time to a host, and at least {@code minDelay}
 * between the end of one request and the start of the next. Blocking, made for virtual threads
 * (locks, not monitors).
 */
public final class HostGate {
  private final long minDelayNanos;
  private final Map<String, Host> hosts = new ConcurrentHashMap<>();

  public HostGate(Duration minDelay) {
    this.minDelayNanos = minDelay.toNanos();
  }

  private static final class Host {
    final ReentrantLock lock = new ReentrantLock();
    final Condition free = lock.newCondition();
    boolean busy;
    long nextAllowed = System.nanoTime();
  }

  /** A permit for one request to a host; closing it lets the next one go after the delay. */
  public interface Permit extends AutoCloseable {
    @Override
    void close();
  }

  /** Waits until {@code host} may be asked again, then holds it until the permit is closed. */
  public Permit acquire(String host) throws InterruptedException {
    Host h = hosts.computeIfAbsent(host == null ? "" : host.toLowerCase(Locale.ROOT), k -> new Host());
    h.lock.lock();
    try {
      while (true) {
        long now = System.nanoTime();
        if (!h.busy && now - h.nextAllowed >= 0) {
          h.busy = true;
          break;
        }
        if (h.busy) {
          h.free.await();
        } else {
          h.free.awaitNanos(h.nextAllowed - now);
        }
      }
    } finally {
      h.lock.unlock();
    }
    return () -> release(h);
  }

  private void release(Host h) {
    h.lock.lock();
    try {
      h.busy = false;
      h.nextAllowed = System.nanoTime() + minDelayNanos;
      h.free.signalAll();
    } finally {
      h.lock.unlock();
    }
  }

  /** Hosts seen so far. */
  public int hosts() {
    return hosts.size();
  }
}
