/**
 * The topics of the pipeline bundled with their serdes, and their idempotent creation at start-up.
 */
package dev.newsflow.schemas.topic;
