/**
 * Benchmark of the fetcher service against simulated feeds, run with a main method, not as a test.
 * It prints polls per second, lateness of polls against their schedule, heap and CPU.
 */
package dev.newsflow.ingest.bench;
