/**
 * Safe HTTP fetching of URLs found in feeds: SSRF guard, bounded bodies, timeouts, manual
 * redirects; every outcome is a {@link dev.newsflow.ingest.fetch.FetchResult}, never an exception.
 */
package dev.newsflow.ingest.fetch;
