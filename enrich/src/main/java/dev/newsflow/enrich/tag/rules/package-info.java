/**
 * Event rules: the PLOVER trigger lexicon from a data file, and per-sentence extraction of events with
 * negation, modality, intent and background checks, and source/target selection.
 */
package dev.newsflow.enrich.tag.rules;
