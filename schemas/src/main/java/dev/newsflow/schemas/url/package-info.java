/**
 * URL canonicalisation: one canonical form per article URL, whatever tracking parameters, case,
 * port or fragment it arrived with, and a stable article id derived from it.
 */
package dev.newsflow.schemas.url;
