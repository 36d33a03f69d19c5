/**
 * A real single-node KRaft Kafka broker started in-process from the Kafka jars, for the demo and
 * the integration tests of every module; data kept in a directory that survives restarts.
 */
package dev.newsflow.broker;
