package dev.newsflow.app.cli;

import dev.newsflow.broker.LocalKafka;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The embedded broker alone, so that stages can run as separate processes on one machine. */
@Command(name = "broker", mixinStandardHelpOptions = true,
    description = "Run the embedded single-node Kafka broker (data in DIR/kafka) until interrupted; prints its bootstrap address.")
final class BrokerCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    try (LocalKafka kafka = LocalKafka.start(Path.of(common.settings().getString("data.dir")).resolve("kafka"))) {
      System.out.println(kafka.bootstrapServers());
      System.out.flush();
      StageCommand.awaitShutdown(() -> {});
    }
    return 0;
  }
}
