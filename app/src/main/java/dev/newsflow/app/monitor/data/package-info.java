/**
 * What the monitor shows, computed as records arrive and never by re-reading topics per request:
 * Kafka Streams aggregates (hourly counts, stories, feed health) served by interactive queries, and
 * a bounded buffer of recent articles. All of it runs on the monitor's own threads.
 */
package dev.newsflow.app.monitor.data;
