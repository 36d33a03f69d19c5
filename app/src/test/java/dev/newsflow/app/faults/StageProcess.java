package dev.newsflow.app.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One pipeline stage ({@code newsflow ingest|enrich|sink}) in a child JVM of the test, from the
 * test's own class path, so that it can be killed with SIGKILL ({@link Process#destroyForcibly()}
 * on Linux) as a crash would end it. Its output goes to a log file that restarts append to. Every
 * child still running when the test JVM exits is killed by a shutdown hook.
 */
final class StageProcess implements AutoCloseable {
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "stage-process-reaper"));
  }

  private final String name;
  private final List<String> arguments;
  private final Path log;
  private Process process;
  private int starts;

  StageProcess(String name, List<String> arguments, Path log) {
    this.name = name;
    this.arguments = List.copyOf(arguments);
    this.log = log;
  }

  String name() {
    return name;
  }

  /** Starts the stage in a new JVM; it must not be running. */
  void start() {
    if (alive()) {
      throw new IllegalStateException(name + " is already running");
    }
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElseThrow(() -> new IllegalStateException("cannot tell the java command of this JVM")),
        "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
        "-cp", System.getProperty("java.class.path"), "dev.newsflow.app.Main"));
    command.addAll(arguments);
    try {
      Files.writeString(log, "---- start " + (++starts) + " of " + name + ": " + String.join(" ", arguments) + "\n",
          StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + " in a child JVM", e);
    }
    LIVE.add(process);
  }

  /** Ends the stage with SIGKILL, as a crash would: no shutdown hook, nothing flushed. */
  void kill() throws InterruptedException {
    end(true);
  }

  /** Ends the stage with SIGTERM: its shutdown hook stops it cleanly. */
  void stop() throws InterruptedException {
    end(false);
  }

  /** Whether the stage was started at least once. */
  boolean started() {
    return process != null;
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /** The stage's exit code, or -1 while it runs or before it started. */
  int exitCode() {
    return process == null || process.isAlive() ? -1 : process.exitValue();
  }

  Path log() {
    return log;
  }

  /** The last {@code lines} lines of the stage's log, for failure messages. */
  String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private void end(boolean forcibly) throws InterruptedException {
    if (process == null) {
      return;
    }
    if (forcibly) {
      process.destroyForcibly();
    } else {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException(name + " did not end within 30 s of SIGKILL");
    }
    LIVE.remove(process);
  }

  @Override
  public void close() {
    try {
      end(true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
