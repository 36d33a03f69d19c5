package dev.newsflow.app;

import dev.newsflow.app.cli.NewsflowCommand;
import picocli.CommandLine;

/** Entry point of the {@code newsflow} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(NewsflowCommand.commandLine().execute(args));
  }
}
