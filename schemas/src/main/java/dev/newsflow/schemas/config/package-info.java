/**
 * Layered, immutable configuration shared by every stage: module defaults, a file, environment
 * variables, command-line overrides; Kafka client properties pass through untouched.
 */
package dev.newsflow.schemas.config;
