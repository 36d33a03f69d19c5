package dev.newsflow.app.cli;

import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code newsflow} command and its subcommands. */
@Command(
    name = "newsflow",
    mixinStandardHelpOptions = true,
    version = "newsflow 0.1.0-SNAPSHOT",
    description = "Streaming news pipeline: RSS/Atom feeds -> Kafka -> dedup and tagging -> JSON Lines / PostgreSQL.",
    subcommands = {
      DemoCommand.class,
      RunCommand.class,
      MonitorCommand.class,
      StageCommand.Ingest.class,
      StageCommand.Enrich.class,
      StageCommand.Sink.class,
      FeedsCommand.class,
      ToolCommands.ParseFeed.class,
      ToolCommands.Extract.class,
      ToolCommands.Tag.class,
      ToolCommands.Dedup.class,
      BrokerCommand.class,
      CommandLine.HelpCommand.class
    })
public final class NewsflowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /** The command line, with errors reported as one clear line instead of a stack trace. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new NewsflowCommand());
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          LoggerFactory.getLogger(NewsflowCommand.class).debug("command failed", e);
          commandLine.getErr().println("newsflow " + commandLine.getCommandName() + ": error: " + message(e));
          return 1;
        });
    return cl;
  }

  private static String message(Throwable e) {
    Throwable t = e;
    while (t.getMessage() == null && t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
