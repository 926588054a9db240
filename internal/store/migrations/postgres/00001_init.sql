-- dossier schema, PostgreSQL.
--
-- Document dates are DATE (NULL when unknown). JSON columns (jsonb) hold
-- the full record (data) or list-valued fields; the main fields are real
-- columns. Offsets (start, "end") are byte offsets into documents.text.
-- Ids and paths use the "C" collation so that ordering and id-prefix
-- lookups match SQLite's byte order.

-- +goose Up
CREATE TABLE documents (
    id          text COLLATE "C" PRIMARY KEY,
    path        text COLLATE "C" NOT NULL,
    url         text NOT NULL DEFAULT '',
    format      text NOT NULL DEFAULT '',
    title       text NOT NULL DEFAULT '',
    kind        text NOT NULL DEFAULT '',
    date        date,
    date_end    date,
    date_source text NOT NULL DEFAULT '',
    date_reason text NOT NULL DEFAULT '',
    publisher   text NOT NULL DEFAULT '',
    site        text NOT NULL DEFAULT '',
    authors     jsonb NOT NULL DEFAULT 'null',
    speakers    jsonb NOT NULL DEFAULT 'null',
    turns       jsonb NOT NULL DEFAULT 'null',
    warnings    jsonb NOT NULL DEFAULT 'null',
    data        jsonb NOT NULL DEFAULT '{}', -- fields without a column
    text        text NOT NULL,
    added_at    timestamptz NOT NULL DEFAULT now(),
    tsv         tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('english'::regconfig, title), 'A') ||
                    setweight(to_tsvector('english'::regconfig, text), 'B')
                ) STORED
);
CREATE INDEX documents_path ON documents (path);
CREATE INDEX documents_order ON documents (date, path);
CREATE INDEX documents_tsv ON documents USING gin (tsv);

CREATE TABLE mentions (
    doc   text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ord   integer NOT NULL,
    start integer NOT NULL,
    "end" integer NOT NULL,
    code  text NOT NULL,
    data  jsonb NOT NULL,
    PRIMARY KEY (doc, ord)
);
CREATE INDEX mentions_code ON mentions (code);

CREATE TABLE timexes (
    doc   text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ord   integer NOT NULL,
    start integer NOT NULL,
    "end" integer NOT NULL,
    kind  text NOT NULL,
    value text NOT NULL,
    data  jsonb NOT NULL,
    PRIMARY KEY (doc, ord)
);

CREATE TABLE quotes (
    doc          text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ord          integer NOT NULL,
    id           text NOT NULL,
    speaker      text NOT NULL,
    speaker_code text NOT NULL,
    direct       boolean NOT NULL,
    start        integer NOT NULL,
    "end"        integer NOT NULL,
    verdict      text NOT NULL,
    data         jsonb NOT NULL,
    PRIMARY KEY (doc, ord)
);
CREATE INDEX quotes_id ON quotes (id);
CREATE INDEX quotes_speaker_code ON quotes (speaker_code);

CREATE TABLE events (
    doc            text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ord            integer NOT NULL,
    id             text NOT NULL,
    cameo          text NOT NULL,
    root           text NOT NULL,
    plover         text NOT NULL,
    source_code    text NOT NULL,
    target_code    text NOT NULL,
    negated        boolean NOT NULL,
    future         boolean NOT NULL,
    hypothetical   boolean NOT NULL,
    sentence_start integer NOT NULL,
    sentence_end   integer NOT NULL,
    pattern        text NOT NULL,
    data           jsonb NOT NULL,
    PRIMARY KEY (doc, ord)
);
CREATE INDEX events_id ON events (id);
CREATE INDEX events_cameo ON events (cameo);
CREATE INDEX events_source_code ON events (source_code);
CREATE INDEX events_target_code ON events (target_code);

-- Cross-document results, replaced wholesale.
CREATE TABLE results_quotes (
    ord          integer PRIMARY KEY,
    id           text NOT NULL,
    doc          text COLLATE "C" NOT NULL,
    speaker      text NOT NULL,
    speaker_code text NOT NULL,
    direct       boolean NOT NULL,
    start        integer NOT NULL,
    "end"        integer NOT NULL,
    verdict      text NOT NULL,
    score        double precision NOT NULL,
    data         jsonb NOT NULL
);
CREATE INDEX results_quotes_id ON results_quotes (id);
CREATE INDEX results_quotes_doc ON results_quotes (doc);

CREATE TABLE results_events (
    ord         integer PRIMARY KEY,
    id          text NOT NULL,
    doc         text COLLATE "C" NOT NULL,
    cameo       text NOT NULL,
    root        text NOT NULL,
    plover      text NOT NULL,
    source_code text NOT NULL,
    target_code text NOT NULL,
    when_value  text NOT NULL, -- ISO 8601 at the anchor's precision, '' when unanchored
    when_end    text NOT NULL,
    data        jsonb NOT NULL
);
CREATE INDEX results_events_id ON results_events (id);
CREATE INDEX results_events_doc ON results_events (doc);

CREATE TABLE timeline (
    ord       integer PRIMARY KEY,
    id        integer NOT NULL,
    date      text NOT NULL, -- ISO 8601 at the entry's precision ("2013-06")
    end_date  text NOT NULL,
    precision text NOT NULL,
    kind      text NOT NULL,
    summary   text NOT NULL,
    future    boolean NOT NULL,
    data      jsonb NOT NULL
);

CREATE TABLE findings (
    ord        integer PRIMARY KEY,
    kind       text NOT NULL,
    check_name text NOT NULL,
    severity   integer NOT NULL, -- 0 info, 1 low, 2 medium, 3 high
    summary    text NOT NULL,
    data       jsonb NOT NULL
);

-- +goose Down
DROP TABLE findings;
DROP TABLE timeline;
DROP TABLE results_events;
DROP TABLE results_quotes;
DROP TABLE events;
DROP TABLE quotes;
DROP TABLE timexes;
DROP TABLE mentions;
DROP TABLE documents;
