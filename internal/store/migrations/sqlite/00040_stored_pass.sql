-- The cross-document pass stores its results, per document where they
-- belong to one, so that a new document adds its own results without
-- recomputing the others', and read commands read them instead of
-- recomputing. The old results tables were replaced wholesale on every
-- analyze; they are derived data, so they are dropped and rebuilt by the
-- next pass.

-- +goose Up
DROP TABLE findings;
DROP TABLE timeline;
DROP TABLE results_events;
DROP TABLE results_quotes;

-- What the last pass ran on. One row (id 1) once a pass has started.
CREATE TABLE pass_state (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    config     TEXT NOT NULL,    -- fingerprint of the program, its data and options
    context    TEXT NOT NULL,    -- what every document's results depend on: the primary records, the procedures that apply
    complete   INTEGER NOT NULL, -- 0 while a pass runs or after one failed
    reanalysed INTEGER NOT NULL, -- events were coded again by the pass (read results_events)
    documents  INTEGER NOT NULL, -- documents when the pass finished
    finished   TEXT NOT NULL     -- RFC 3339, UTC
);

-- Documents whose own results (verified quotes, findings) are stored for
-- the context of pass_state. across is false when the document gave the
-- checks across documents nothing (no announcement, no act of a deciding
-- body), so that a pass need not read it for them again; procs lets a
-- pass know which procedures apply without reading it.
CREATE TABLE pass_docs (
    doc    TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    across INTEGER NOT NULL,
    procs  TEXT NOT NULL  -- the institutions whose procedures it names, one a line
);

-- Quotes with their verification verdicts.
CREATE TABLE results_quotes (
    doc          TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ord          INTEGER NOT NULL,
    id           TEXT NOT NULL,
    speaker      TEXT NOT NULL,
    speaker_code TEXT NOT NULL,
    direct       INTEGER NOT NULL,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    verdict      TEXT NOT NULL,
    score        REAL NOT NULL,
    data         TEXT NOT NULL,
    PRIMARY KEY (doc, ord)
);
CREATE INDEX results_quotes_id ON results_quotes (id);
CREATE INDEX results_quotes_verdict ON results_quotes (verdict);

-- Events coded again by a pass run with other dictionaries; empty
-- otherwise (the events of the per-document analysis are the results).
CREATE TABLE results_events (
    doc         TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ord         INTEGER NOT NULL,
    id          TEXT NOT NULL,
    cameo       TEXT NOT NULL,
    root        TEXT NOT NULL,
    plover      TEXT NOT NULL,
    source_code TEXT NOT NULL,
    target_code TEXT NOT NULL,
    when_value  TEXT NOT NULL, -- ISO 8601 at the anchor's precision, '' when unanchored
    when_end    TEXT NOT NULL,
    data        TEXT NOT NULL,
    PRIMARY KEY (doc, ord)
);
CREATE INDEX results_events_id ON results_events (id);

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

-- Findings: those of one document (doc set, grp 0) and those across
-- documents (doc NULL, grp 1). rank is the place in the list, most
-- serious first, set at the end of each pass.
CREATE TABLE findings (
    id         INTEGER PRIMARY KEY,
    doc        TEXT REFERENCES documents (id) ON DELETE CASCADE,
    grp        INTEGER NOT NULL,
    ord        INTEGER NOT NULL,
    rank       INTEGER NOT NULL DEFAULT 0,
    kind       TEXT NOT NULL,
    check_name TEXT NOT NULL,
    severity   INTEGER NOT NULL, -- 0 info, 1 low, 2 medium, 3 high
    summary    TEXT NOT NULL,
    people     TEXT NOT NULL,    -- names of the people involved, lower case, one a line
    data       TEXT NOT NULL
);
CREATE INDEX findings_rank ON findings (rank);
CREATE INDEX findings_doc ON findings (doc);
CREATE INDEX findings_kind ON findings (kind, rank);
CREATE INDEX findings_severity ON findings (severity, rank);
CREATE INDEX findings_kind_severity ON findings (kind, severity, rank); -- both filters, and the counts by kind and severity

-- The documents each finding's evidence is in.
CREATE TABLE finding_docs (
    finding INTEGER NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
    doc     TEXT NOT NULL,
    PRIMARY KEY (doc, finding)
);
CREATE INDEX finding_docs_finding ON finding_docs (finding);

-- The people and organisations the dossier mentions.
CREATE TABLE results_actors (
    ord       INTEGER PRIMARY KEY,
    key       TEXT NOT NULL,
    name      TEXT NOT NULL,
    code      TEXT NOT NULL,
    person    INTEGER NOT NULL,
    mentions  INTEGER NOT NULL,
    documents INTEGER NOT NULL,
    data      TEXT NOT NULL
);
CREATE INDEX results_actors_key ON results_actors (key);

-- +goose Down
DROP TABLE results_actors;
DROP TABLE finding_docs;
DROP TABLE findings;
DROP TABLE timeline;
DROP TABLE results_events;
DROP TABLE results_quotes;
DROP TABLE pass_docs;
DROP TABLE pass_state;

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
    when_value  TEXT NOT NULL,
    when_end    TEXT NOT NULL,
    data        TEXT NOT NULL
);
CREATE INDEX results_events_id ON results_events (id);
CREATE INDEX results_events_doc ON results_events (doc);

CREATE TABLE timeline (
    ord       INTEGER PRIMARY KEY,
    id        INTEGER NOT NULL,
    date      TEXT NOT NULL,
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
    severity   INTEGER NOT NULL,
    summary    TEXT NOT NULL,
    data       TEXT NOT NULL
);
