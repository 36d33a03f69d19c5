/**
 * Lenient, XXE-safe parsing of RSS 0.9x/1.0/2.0, RDF, Atom 0.3/1.0 and JSON Feed bytes into plain
 * {@link dev.newsflow.ingest.feed.ParsedFeed} records, plus reading of feed lists (text, OPML).
 * Never throws on bad input: an unreadable feed yields a {@code ParsedFeed} with a specific error.
 */
package dev.newsflow.ingest.feed;
