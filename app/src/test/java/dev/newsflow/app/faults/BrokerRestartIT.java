package dev.newsflow.app.faults;

import static dev.newsflow.app.faults.FaultPipeline.Stage.ENRICH;
import static dev.newsflow.app.faults.FaultPipeline.Stage.INGEST;
import static dev.newsflow.app.faults.FaultPipeline.Stage.SINK;

import dev.newsflow.broker.LocalKafka;
import dev.newsflow.broker.testkit.TestKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The broker stops in the middle of the stream and starts again a few seconds later on the same
 * data and port; the stages (each in its own JVM) are left alone and must reconnect by themselves.
 * The end state is the one without the restart: every published article in the sink once. The
 * long variant restarts the broker three times.
 */
class BrokerRestartIT {
  private LocalKafka kafka;

  @BeforeAll
  static void guard() {
    TestKafka.guardExit();
  }

  @AfterEach
  void stopBroker() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void theStagesReconnectByThemselvesAndNothingIsLostOrDoubled() throws Exception {
    long seed = FaultPlan.seed("BrokerRestartIT");
    Random random = new Random(seed);
    Path dir = FaultPlan.dir("broker-restart", seed);
    // Not under dir: the pipeline empties its own folder when it starts.
    Path brokerDir = FaultPlan.dir("broker-restart-kafka", seed);
    TestKafka.deleteRecursively(brokerDir);
    kafka = LocalKafka.start(brokerDir, 0, Map.of());
    int port = kafka.port();
    int restarts = FaultPlan.LONG ? 3 : 1;
    Duration spread = Duration.ofSeconds(FaultPlan.LONG ? 45 : 20);
    try (FaultPipeline pipeline = new FaultPipeline(kafka.bootstrapServers(), dir, seed, FaultPlan.LONG ? 600 : 300, Map.of())) {
      pipeline.start(spread, INGEST, ENRICH, SINK);
      for (int i = 0; i < restarts; i++) {
        double progress = (i + 0.2 + 0.6 * random.nextDouble()) / restarts * 0.9;
        long down = 2000 + random.nextInt(4000);
        int through = pipeline.awaitProgress(progress);
        kafka.close();
        kafka = null;
        System.out.printf("  broker stopped with %d articles through, down %d ms%n", through, down);
        Thread.sleep(down);
        kafka = LocalKafka.start(brokerDir, port, Map.of());
      }
      pipeline.awaitSinkComplete(Duration.ofMinutes(3));
      pipeline.stopAll();
      pipeline.assertSinkExactlyOnce();
    }
  }
}
