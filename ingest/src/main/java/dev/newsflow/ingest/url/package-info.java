/**
 * URL canonicalisation (tracking parameters, case, fragments) and the article id derived from the
 * canonical URL.
 */
package dev.newsflow.ingest.url;
