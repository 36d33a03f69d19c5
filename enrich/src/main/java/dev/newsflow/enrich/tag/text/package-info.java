/**
 * Text splitting for the tagger: paragraphs, sentences and tokens with character offsets, in one
 * linear pass and without models.
 */
package dev.newsflow.enrich.tag.text;
