/**
 * Polling of feeds: fetch, parse, fetch new items' pages, extract, and hand the results to an
 * {@link dev.newsflow.ingest.poll.IngestOutput}; no Kafka here.
 */
package dev.newsflow.ingest.poll;
