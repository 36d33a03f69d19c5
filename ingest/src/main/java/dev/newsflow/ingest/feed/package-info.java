/**
 * Feed parsing (RSS, Atom) into plain records; never throws on bad input, a failure carries its
 * reason.
 */
package dev.newsflow.ingest.feed;
