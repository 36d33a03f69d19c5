/**
 * De-duplication of articles: exact copies by normalised-text hash or canonical URL,
 * near-duplicates by a MinHash sketch with LSH band keys, decided against a time window of earlier
 * articles; no Kafka types here.
 */
package dev.newsflow.enrich.dedup;
