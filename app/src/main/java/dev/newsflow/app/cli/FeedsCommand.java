package dev.newsflow.app.cli;

import dev.newsflow.app.pipeline.KafkaConnection;
import dev.newsflow.ingest.kafka.FeedCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Manages the subscriptions in the compacted feeds topic; running fetchers follow at once. */
@Command(name = "feeds", mixinStandardHelpOptions = true,
    description = "Add, import, disable, enable or remove feed subscriptions (topic news.feeds); running fetchers pick the change up.",
    subcommands = {FeedsCommand.Add.class, FeedsCommand.Import.class, FeedsCommand.Remove.class,
        FeedsCommand.Disable.class, FeedsCommand.Enable.class})
final class FeedsCommand {
  private FeedsCommand() {}

  abstract static class Change implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    abstract List<String> urls();

    abstract void apply(FeedCatalog catalog, List<String> urls) throws InterruptedException;

    @Override
    public Integer call() throws Exception {
      List<String> urls = urls();
      try (KafkaConnection kafka = KafkaConnection.open(common.settings(), false, "feeds");
          FeedCatalog catalog = new FeedCatalog(kafka.settings())) {
        apply(catalog, urls);
      }
      spec.commandLine().getOut().printf("%s: %d feed(s)%n", spec.name(), urls.size());
      return 0;
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Subscribe to feeds.")
  static final class Add extends Change {
    @Parameters(paramLabel = "URL", arity = "1..*") List<String> urls;

    @Override
    List<String> urls() {
      return urls;
    }

    @Override
    void apply(FeedCatalog c, List<String> u) throws InterruptedException {
      c.add(u);
    }
  }

  @Command(name = "import", mixinStandardHelpOptions = true, description = "Subscribe to every feed of a list: plain text (one URL a line) or OPML.")
  static final class Import extends Change {
    @Parameters(paramLabel = "FILE") Path file;

    @Override
    List<String> urls() {
      return FeedFiles.read(file, spec.commandLine().getErr());
    }

    @Override
    void apply(FeedCatalog c, List<String> u) throws InterruptedException {
      c.add(u);
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Unsubscribe from feeds (their state is forgotten).")
  static final class Remove extends Change {
    @Parameters(paramLabel = "URL", arity = "1..*") List<String> urls;

    @Override
    List<String> urls() {
      return urls;
    }

    @Override
    void apply(FeedCatalog c, List<String> u) throws InterruptedException {
      c.remove(u);
    }
  }

  @Command(name = "disable", mixinStandardHelpOptions = true, description = "Stop polling feeds but keep them and their state.")
  static final class Disable extends Change {
    @Parameters(paramLabel = "URL", arity = "1..*") List<String> urls;

    @Override
    List<String> urls() {
      return urls;
    }

    @Override
    void apply(FeedCatalog c, List<String> u) throws InterruptedException {
      c.setEnabled(u, false);
    }
  }

  @Command(name = "enable", mixinStandardHelpOptions = true, description = "Resume polling feeds.")
  static final class Enable extends Change {
    @Parameters(paramLabel = "URL", arity = "1..*") List<String> urls;

    @Override
    List<String> urls() {
      return urls;
    }

    @Override
    void apply(FeedCatalog c, List<String> u) throws InterruptedException {
      c.setEnabled(u, true);
    }
  }
}
