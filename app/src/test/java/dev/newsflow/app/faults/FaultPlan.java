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
  /**
   * One kill: which stage, once which fraction of the articles has come through the pipeline (so
   * that articles are flowing whatever the speed of the machine), how long it stays down.
   */
  record Kill(FaultPipeline.Stage stage, double progress, Duration down) {}

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
   * {@code perStage} kills of each of {@code stages} at random points between 10% and 85% of the
   * way, in order, each stage down for 0.2 to 2 s.
   */
  static List<Kill> kills(Random random, int perStage, FaultPipeline.Stage... stages) {
    List<Kill> kills = new ArrayList<>();
    for (FaultPipeline.Stage stage : stages) {
      for (int i = 0; i < perStage; i++) {
        kills.add(new Kill(stage, 0.1 + 0.75 * random.nextDouble(), Duration.ofMillis(200 + random.nextInt(1800))));
      }
    }
    Collections.sort(kills, (a, b) -> Double.compare(a.progress(), b.progress()));
    return kills;
  }

  /** Carries out {@code kills} on {@code pipeline}. */
  static void execute(FaultPipeline pipeline, List<Kill> kills) throws Exception {
    for (Kill k : kills) {
      int through = pipeline.awaitProgress(k.progress());
      StageProcess p = pipeline.stage(k.stage());
      p.kill();
      System.out.printf("  kill -9 %s with %d articles through, down %d ms%n", p.name(), through, k.down().toMillis());
      Thread.sleep(k.down().toMillis());
      p.start();
    }
  }
}
