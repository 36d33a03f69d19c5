/**
 * Benchmarks of the enrich stage's Kafka Streams topology on the local broker: throughput against
 * a pass-through topology, state size and how the dedup stores grow with stream time.
 * Mains that print figures; they pass or fail nothing and are not run as tests.
 */
package dev.newsflow.enrich.bench;
