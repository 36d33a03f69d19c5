package dev.newsflow.app.cli;

import dev.newsflow.app.pipeline.KafkaConnection;
import dev.newsflow.ingest.kafka.FeedCatalog;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Manages the subscriptions in the compacted feeds topic; running fetchers follow at once. */
@Command(name = "feeds", mixinStandardHelpOptions = true,
    description = "Add, import, disable, enable or remove feed subscriptions (topic news.feeds); running fetchers pick the change up.")
final class FeedsCommand {
  @Spec CommandSpec spec;

  /** One change of the subscriptions. */
  @FunctionalInterface
  private interface Change {
    void apply(FeedCatalog catalog, List<String> urls) throws InterruptedException;
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Subscribe to feeds.")
  int add(@Mixin CommonOptions common, @Parameters(paramLabel = "URL", arity = "1..*") List<String> urls) throws Exception {
    return change("add", common, urls, FeedCatalog::add);
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Subscribe to every feed of a list: plain text (one URL a line) or OPML.")
  int importList(@Mixin CommonOptions common, @Parameters(paramLabel = "FILE") Path file) throws Exception {
    return change("import", common, FeedFiles.read(file, spec.commandLine().getErr()), FeedCatalog::add);
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Unsubscribe from feeds (their state is forgotten).")
  int remove(@Mixin CommonOptions common, @Parameters(paramLabel = "URL", arity = "1..*") List<String> urls) throws Exception {
    return change("remove", common, urls, FeedCatalog::remove);
  }

  @Command(name = "disable", mixinStandardHelpOptions = true, description = "Stop polling feeds but keep them and their state.")
  int disable(@Mixin CommonOptions common, @Parameters(paramLabel = "URL", arity = "1..*") List<String> urls) throws Exception {
    return change("disable", common, urls, (catalog, u) -> catalog.setEnabled(u, false));
  }

  @Command(name = "enable", mixinStandardHelpOptions = true, description = "Resume polling feeds.")
  int enable(@Mixin CommonOptions common, @Parameters(paramLabel = "URL", arity = "1..*") List<String> urls) throws Exception {
    return change("enable", common, urls, (catalog, u) -> catalog.setEnabled(u, true));
  }

  private int change(String name, CommonOptions common, List<String> urls, Change change) throws Exception {
    try (KafkaConnection kafka = KafkaConnection.open(common.settings(), false, "feeds " + name);
        FeedCatalog catalog = new FeedCatalog(kafka.settings())) {
      change.apply(catalog, urls);
    }
    spec.commandLine().getOut().printf("%s: %d feed(s)%n", name, urls.size());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
