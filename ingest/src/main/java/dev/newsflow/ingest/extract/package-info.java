/**
 * Article extraction: one fetched page (bytes, URL, HTTP headers) in, its main text and metadata out.
 * Pure and thread-safe, no network, no Kafka; a page that cannot be handled ends in {@link ExtractionException}.
 */
package dev.newsflow.ingest.extract;
