/**
 * Benchmarks and command stand-ins for the feed parser, run with a main method, not as tests.
 * They read /work/shared/data/feeds-dev at run time when present and print figures.
 */
package dev.newsflow.ingest.feed.bench;
