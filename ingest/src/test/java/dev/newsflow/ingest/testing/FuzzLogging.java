package dev.newsflow.ingest.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Silences the project's loggers while Jazzer is fuzzing ({@code JAZZER_FUZZ} set): a warning per
 * generated input would cost most of the executions per second. Regression runs log as usual.
 */
public final class FuzzLogging {

  private FuzzLogging() {}

  /** Raises the {@code dev.newsflow} loggers to ERROR when in Jazzer's fuzzing mode. */
  public static void quietInFuzzingMode() {
    String fuzz = System.getenv("JAZZER_FUZZ");
    if (fuzz != null && !fuzz.isEmpty()
        && LoggerFactory.getLogger("dev.newsflow") instanceof Logger logger) {
      logger.setLevel(Level.ERROR);
    }
  }
}
