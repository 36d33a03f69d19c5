package dev.newsflow.app.faults;

import static dev.newsflow.app.faults.FaultPipeline.Stage.ENRICH;
import static dev.newsflow.app.faults.FaultPipeline.Stage.INGEST;
import static dev.newsflow.app.faults.FaultPipeline.Stage.SINK;

import dev.newsflow.broker.testkit.TestKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of each stage (fetcher, enrich, sink), each in its own JVM, at random points while
 * articles flow; each is restarted after a moment. In the end the sink must hold every published
 * article exactly once with its text, nothing else, and no dead letter. CI runs one pipeline with
 * two kills of each stage; {@code -Dnewsflow.faults.long=true} runs three pipelines with three each.
 */
class StageCrashIT {
  @Test
  void everyArticleIsInTheSinkOnceAfterKillsOfEachStageAtRandomPoints() throws Exception {
    int runs = FaultPlan.LONG ? 3 : 1;
    for (int run = 0; run < runs; run++) {
      long seed = FaultPlan.seed("StageCrashIT");
      Random random = new Random(seed);
      int articles = FaultPlan.LONG ? 600 : 300;
      Duration spread = Duration.ofSeconds(FaultPlan.LONG ? 40 : 20);
      List<FaultPlan.Kill> kills = FaultPlan.kills(random, FaultPlan.LONG ? 3 : 2, INGEST, ENRICH, SINK);
      try (FaultPipeline pipeline = new FaultPipeline(TestKafka.bootstrapServers(), FaultPlan.dir("crash", seed), seed, articles,
          Map.of())) {
        pipeline.start(spread, INGEST, ENRICH, SINK);
        FaultPlan.execute(pipeline, kills);
        pipeline.awaitSinkComplete(Duration.ofMinutes(3));
        pipeline.stopAll();
        long doubled = pipeline.enrichedCopies().values().stream().filter(n -> n > 1).count();
        System.out.printf("  %d articles; %d of them on the enriched topic more than once (at_least_once)%n", articles, doubled);
        pipeline.assertSinkExactlyOnce();
      }
    }
  }
}
