-- Enriched articles, one row per article id (upserted by the sink).
CREATE TABLE articles (
    id            text PRIMARY KEY,
    url           text NOT NULL,
    feed_url      text NOT NULL,
    source        text NOT NULL,
    title         text NOT NULL,
    body          text NOT NULL,
    language      text,
    authors       text[] NOT NULL DEFAULT '{}',
    published     timestamptz,
    fetched_at    timestamptz NOT NULL,
    enriched_at   timestamptz NOT NULL,
    updated       boolean NOT NULL DEFAULT false,
    actors        jsonb NOT NULL DEFAULT '[]',
    events        jsonb NOT NULL DEFAULT '[]',
    dedup_verdict text NOT NULL,
    duplicate_of  text,
    cluster_id    text NOT NULL,
    similarity    double precision NOT NULL,
    written_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX articles_published_idx ON articles (published DESC);
CREATE INDEX articles_source_idx ON articles (source, published DESC);
CREATE INDEX articles_cluster_idx ON articles (cluster_id);
