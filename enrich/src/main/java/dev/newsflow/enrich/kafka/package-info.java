/** The Kafka Streams runtime of the enrich stage: configuration, start, shutdown. */
package dev.newsflow.enrich.kafka;
