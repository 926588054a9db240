-- dossier schema, SQLite.
--
-- Dates are TEXT YYYY-MM-DD (NULL when unknown). JSON columns hold the
-- full record (data) or list-valued fields; the main fields are real
-- columns. Offsets (start, "end") are byte offsets into documents.text.

-- +goose Up
CREATE TABLE documents (
    seq         INTEGER PRIMARY KEY, -- stable rowid for the FTS index
    id          TEXT NOT NULL UNIQUE,
    path        TEXT NOT NULL,
    url         TEXT NOT NULL DEFAULT '',
    format      TEXT NOT NULL DEFAULT '',
    title       TEXT NOT NULL DEFAULT '',
    kind        TEXT NOT NULL DEFAULT '',
    date        TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    date_end    TEXT CHECK (date_end IS NULL OR date_end GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    date_source TEXT NOT NULL DEFAULT '',
    date_reason TEXT NOT NULL DEFAULT '',
    publisher   TEXT NOT NULL DEFAULT '',
    site        TEXT NOT NULL DEFAULT '',
    authors     TEXT NOT NULL DEFAULT 'null', -- JSON
    speakers    TEXT NOT NULL DEFAULT 'null', -- JSON
    turns       TEXT NOT NULL DEFAULT 'null', -- JSON
    warnings    TEXT NOT NULL DEFAULT 'null', -- JSON
    data        TEXT NOT NULL DEFAULT '{}',   -- JSON: fields without a column
    text        TEXT NOT NULL,
    added_at    TEXT NOT NULL                 -- RFC 3339, UTC
);
CREATE INDEX documents_path ON documents (path);
CREATE INDEX documents_order ON documents (date, path);

-- External-content FTS5 index over title and text, kept in sync by
-- triggers, so in the same transaction as every change to documents.
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text,
    content = 'documents', content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- +goose StatementBegin
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
-- +goose StatementEnd

CREATE TABLE mentions (
    doc   TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ord   INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    code  TEXT NOT NULL,
    data  TEXT NOT NULL,
    PRIMARY KEY (doc, ord)
);
CREATE INDEX mentions_code ON mentions (code);

CREATE TABLE timexes (
    doc   TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ord   INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    kind  TEXT NOT NULL,
    value TEXT NOT NULL,
    data  TEXT NOT NULL,
    PRIMARY KEY (doc, ord)
);

CREATE TABLE quotes (
    doc          TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ord          INTEGER NOT NULL,
    id           TEXT NOT NULL,
    speaker      TEXT NOT NULL,
    speaker_code TEXT NOT NULL,
    direct       INTEGER NOT NULL,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    verdict      TEXT NOT NULL,
    data         TEXT NOT NULL,
    PRIMARY KEY (doc, ord)
);
CREATE INDEX quotes_id ON quotes (id);
CREATE INDEX quotes_speaker_code ON quotes (speaker_code);

CREATE TABLE events (
    doc            TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ord            INTEGER NOT NULL,
    id             TEXT NOT NULL,
    cameo          TEXT NOT NULL,
    root           TEXT NOT NULL,
    plover         TEXT NOT NULL,
    source_code    TEXT NOT NULL,
    target_code    TEXT NOT NULL,
    negated        INTEGER NOT NULL,
    future         INTEGER NOT NULL,
    hypothetical   INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end   INTEGER NOT NULL,
    pattern        TEXT NOT NULL,
    data           TEXT NOT NULL,
    PRIMARY KEY (doc, ord)
);
CREATE INDEX events_id ON events (id);
CREATE INDEX events_cameo ON events (cameo);
CREATE INDEX events_source_code ON events (source_code);
CREATE INDEX events_target_code ON events (target_code);

-- Cross-document results, replaced wholesale.
CREATE TABLE results_quotes (
    ord          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL,
    doc          TEXT NOT NULL,
    speaker      TEXT NOT NULL,
    speaker_code TEXT NOT NULL,
    direct       INTEGER NOT NULL,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    verdict      TEXT NOT NULL,
    score        REAL NOT NULL,
    data         TEXT NOT NULL
);
CREATE INDEX results_quotes_id ON results_quotes (id);
CREATE INDEX results_quotes_doc ON results_quotes (doc);

CREATE TABLE results_events (
    ord         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL,
    doc         TEXT NOT NULL,
    cameo       TEXT NOT NULL,
    root        TEXT NOT NULL,
    plover      TEXT NOT NULL,
    source_code TEXT NOT NULL,
    target_code TEXT NOT NULL,
    when_value  TEXT NOT NULL, -- ISO 8601 at the anchor's precision, '' when unanchored
    when_end    TEXT NOT NULL,
    data        TEXT NOT NULL
);
CREATE INDEX results_events_id ON results_events (id);
CREATE INDEX results_events_doc ON results_events (doc);

CREATE TABLE timeline (
    ord       INTEGER PRIMARY KEY,
    id        INTEGER NOT NULL,
    date      TEXT NOT NULL, -- ISO 8601 at the entry's precision ("2013-06")
    end_date  TEXT NOT NULL,
    precision TEXT NOT NULL,
    kind      TEXT NOT NULL,
    summary   TEXT NOT NULL,
    future    INTEGER NOT NULL,
    data      TEXT NOT NULL
);

CREATE TABLE findings (
    ord        INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL,
    check_name TEXT NOT NULL,
    severity   INTEGER NOT NULL, -- 0 info, 1 low, 2 medium, 3 high
    summary    TEXT NOT NULL,
    data       TEXT NOT NULL
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
DROP TABLE documents_fts;
DROP TABLE documents;
