/** The Kafka shell of the ingest stage: an idempotent producer around the pure feed poller. */
package dev.newsflow.ingest.kafka;
