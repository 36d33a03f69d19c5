/**
 * Actor dictionary: countries, organisations, office holders and role words from data files, matched
 * over tokens with a trie; finds actor mentions in a sentence and tells participants from places.
 */
package dev.newsflow.enrich.tag.dict;
