/**
 * The enrich Kafka Streams topology, built in one place by {@link
 * dev.newsflow.enrich.topology.EnrichTopology#build}, and its small named processors.
 */
package dev.newsflow.enrich.topology;
