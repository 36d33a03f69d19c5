package dev.newsflow.app.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Settings of the fault tests: the seed of their random choices (printed, and set again with
 * {@code -Dnewsflow.faults.seed=N} to replay a run), and whether to run the long variants ({@code
 * -Dnewsflow.faults.long=true}: more articles and more faults; CI runs the short ones).
 */
final class FaultPlan {
  /** One kill: which stage, how long after publishing starts, how long it stays down. */
  record Kill(FaultPipeline.Stage stage, Duration at, Duration down) {}

  static final boolean LONG = Boolean.getBoolean("newsflow.faults.long");

  private FaultPlan() {}

  /** The seed for {@code test}: the property's, else a new one; printed so that a failure can be replayed. */
  static long seed(String test) {
    Long fixed = Long.getLong("newsflow.faults.seed");
    long seed = fixed != null ? fixed : System.nanoTime();
    System.out.printf("%s: seed %d (replay with -Dnewsflow.faults.seed=%d)%n", test, seed, seed);
    return seed;
  }

  /** Where a test's stages keep their data and logs (kept after the test, for a look after a failure). */
  static Path dir(String test, long seed) {
    return Path.of("target", "faults", test + "-" + seed).toAbsolutePath();
  }

  /**
   * {@code perStage} kills of each of {@code stages} at random points within {@code window}, in
   * time order, each stage down for 0.2 to 2 s.
   */
  static List<Kill> kills(Random random, int perStage, Duration window, FaultPipeline.Stage... stages) {
    List<Kill> kills = new ArrayList<>();
    for (FaultPipeline.Stage stage : stages) {
      for (int i = 0; i < perStage; i++) {
        long at = 1000 + (long) (random.nextDouble() * Math.max(1, window.toMillis() - 1000));
        kills.add(new Kill(stage, Duration.ofMillis(at), Duration.ofMillis(200 + random.nextInt(1800))));
      }
    }
    Collections.sort(kills, (a, b) -> a.at().compareTo(b.at()));
    return kills;
  }

  /** Carries out {@code kills} (times counted from {@code startNanos}) on {@code pipeline}. */
  static void execute(FaultPipeline pipeline, List<Kill> kills, long startNanos) throws InterruptedException {
    for (Kill k : kills) {
      long wait = startNanos + k.at().toNanos() - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000);
      }
      StageProcess p = pipeline.stage(k.stage());
      long t = (System.nanoTime() - startNanos) / 1_000_000;
      p.kill();
      System.out.printf("  kill -9 %s at %d ms, down %d ms%n", p.name(), t, k.down().toMillis());
      Thread.sleep(k.down().toMillis());
      p.start();
    }
  }
}
