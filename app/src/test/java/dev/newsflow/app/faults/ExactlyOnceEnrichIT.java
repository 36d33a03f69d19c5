package dev.newsflow.app.faults;

import static dev.newsflow.app.faults.FaultPipeline.Stage.ENRICH;
import static dev.newsflow.app.faults.FaultPipeline.Stage.INGEST;

import dev.newsflow.broker.testkit.TestKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Enrich with {@code processing.guarantee=exactly_once_v2}, in its own JVM, killed with SIGKILL at
 * random points while articles flow and restarted: a read_committed reader of the enriched topic
 * sees every article exactly once (no duplicate from the replay of an uncommitted transaction, none
 * missing).
 */
class ExactlyOnceEnrichIT {
  @Test
  void aKilledExactlyOnceEnrichWritesEveryArticleOnceToTheEnrichedTopic() throws Exception {
    long seed = FaultPlan.seed("ExactlyOnceEnrichIT");
    Random random = new Random(seed);
    Duration spread = Duration.ofSeconds(FaultPlan.LONG ? 40 : 20);
    List<FaultPlan.Kill> kills = FaultPlan.kills(random, FaultPlan.LONG ? 5 : 2, ENRICH);
    try (FaultPipeline pipeline = new FaultPipeline(TestKafka.bootstrapServers(), FaultPlan.dir("eos", seed), seed,
        FaultPlan.LONG ? 600 : 300, Map.of("enrich.processing-guarantee", "exactly_once_v2"))) {
      pipeline.start(spread, INGEST, ENRICH);
      FaultPlan.execute(pipeline, kills);
      pipeline.awaitEnrichedComplete(Duration.ofMinutes(3));
      pipeline.stopAll();
      pipeline.assertEnrichedExactlyOnce();
      pipeline.assertNoDeadLetters();
    }
  }
}
