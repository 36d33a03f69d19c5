/**
 * The PostgreSQL target of the sink: Flyway-migrated schema, batched idempotent upserts by article
 * id, transient failures told apart from refused data.
 */
package dev.newsflow.sink.postgres;
