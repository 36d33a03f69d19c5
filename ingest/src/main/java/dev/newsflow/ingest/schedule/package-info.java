/**
 * When to poll each feed (adaptive interval, hints, backoff, disabling) and politeness per host;
 * plain logic, no I/O of its own.
 */
package dev.newsflow.ingest.schedule;
