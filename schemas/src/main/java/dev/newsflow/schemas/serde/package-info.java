/**
 * Avro single-object encoding of newsflow's records, with resolution of every shipped schema
 * version; Kafka serdes over it. Decoding failures carry a specific reason.
 */
package dev.newsflow.schemas.serde;
