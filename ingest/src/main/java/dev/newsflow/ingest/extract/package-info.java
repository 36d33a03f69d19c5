/**
 * Article extraction from HTML pages: main text and metadata as a plain record; no Kafka, no
 * network.
 */
package dev.newsflow.ingest.extract;
