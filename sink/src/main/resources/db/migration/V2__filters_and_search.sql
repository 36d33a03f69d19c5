-- Filters of a news monitor (by actor, by event type) and full-text search over title and text.
ALTER TABLE articles
    ADD COLUMN actor_codes text[] NOT NULL DEFAULT '{}',
    ADD COLUMN event_types text[] NOT NULL DEFAULT '{}',
    ADD COLUMN dedup jsonb NOT NULL DEFAULT '{}',
    ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(body, '')), 'B')) STORED;

-- Rows written by version 1 get their summaries from the jsonb columns.
UPDATE articles SET
    actor_codes = coalesce((SELECT array_agg(DISTINCT a->>'code' ORDER BY a->>'code') FROM jsonb_array_elements(actors) a), '{}'),
    event_types = coalesce((SELECT array_agg(DISTINCT e->>'type' ORDER BY e->>'type') FROM jsonb_array_elements(events) e), '{}'),
    dedup = jsonb_build_object('verdict', dedup_verdict, 'duplicateOf', duplicate_of, 'clusterId', cluster_id, 'similarity', similarity);

CREATE INDEX articles_search_idx ON articles USING gin (search);
CREATE INDEX articles_actor_codes_idx ON articles USING gin (actor_codes);
CREATE INDEX articles_event_types_idx ON articles USING gin (event_types);
CREATE INDEX articles_events_idx ON articles USING gin (events jsonb_path_ops);
CREATE INDEX articles_fetched_idx ON articles (fetched_at DESC);
CREATE INDEX articles_copies_idx ON articles (cluster_id, fetched_at) WHERE dedup_verdict <> 'UNIQUE';
