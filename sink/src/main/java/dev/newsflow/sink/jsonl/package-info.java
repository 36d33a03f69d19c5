/**
 * JSON Lines output of enriched articles: one readable JSON object a line, one file per UTC day,
 * durable (fsynced) before the caller commits; no Kafka here.
 */
package dev.newsflow.sink.jsonl;
