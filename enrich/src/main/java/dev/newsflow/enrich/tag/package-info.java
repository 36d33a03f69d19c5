/**
 * Tagging of articles by actor and PLOVER event type: {@link dev.newsflow.enrich.tag.Tagger} turns an
 * {@link dev.newsflow.enrich.tag.Article} into {@link dev.newsflow.enrich.tag.Tags}; pure, no Kafka, no I/O after loading.
 */
package dev.newsflow.enrich.tag;
