/** The Kafka shell of the sink stage: a consumer group committing only after durable writes. */
package dev.newsflow.sink.kafka;
