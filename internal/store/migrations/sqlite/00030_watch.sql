-- Pages fetched from the web (dossier add URL, dossier watch) and the
-- state of watched sources, SQLite. Times are RFC 3339 text, UTC.

-- +goose Up
-- The newest version of each URL fetched into the dossier. Earlier
-- versions are documents too: each version's document names the one
-- before it (documents.data, "previous").
CREATE TABLE pages (
    url           TEXT PRIMARY KEY,            -- as asked, normalised
    final_url     TEXT NOT NULL DEFAULT '',    -- after redirects
    doc           TEXT NOT NULL DEFAULT '',    -- the newest version's document ('' when the URL gave several, as a feed does)
    version       INTEGER NOT NULL DEFAULT 0,  -- 1 for the first version
    etag          TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    fetched_at    TEXT NOT NULL,               -- when the newest version was fetched
    checked_at    TEXT NOT NULL                -- when the URL was last fetched, changed or not
);
CREATE INDEX pages_final_url ON pages (final_url);
CREATE INDEX pages_doc ON pages (doc);

-- The feeds, lists and pages dossier watch polls.
CREATE TABLE watch_sources (
    url           TEXT PRIMARY KEY,            -- a URL, or the path of a file listing URLs
    kind          TEXT NOT NULL DEFAULT '',    -- feed, list or page; '' until first read
    etag          TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL DEFAULT '',    -- ok, or what is wrong (down, slow, malformed, …)
    error         TEXT NOT NULL DEFAULT '',    -- the last problem, in words
    failures      INTEGER NOT NULL DEFAULT 0,  -- polls failed in a row
    polled_at     TEXT,
    ok_at         TEXT,                        -- last successful poll
    changed_at    TEXT                         -- when status last changed
);

-- The items of watched sources: each is fetched once.
CREATE TABLE watch_items (
    source   TEXT NOT NULL REFERENCES watch_sources (url) ON DELETE CASCADE,
    key      TEXT NOT NULL,                    -- the item's guid, else its link
    url      TEXT NOT NULL,                    -- the page to fetch
    title    TEXT NOT NULL DEFAULT '',
    ord      INTEGER NOT NULL DEFAULT 0,       -- position in the source when first seen
    seen_at  TEXT NOT NULL,
    status   TEXT NOT NULL DEFAULT 'pending',  -- pending, done, failed, skipped
    doc      TEXT NOT NULL DEFAULT '',
    attempts INTEGER NOT NULL DEFAULT 0,
    error    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (source, key)
);
CREATE INDEX watch_items_status ON watch_items (source, status);

-- How many documents fetches have added, and how many of them the
-- cross-document results have seen: a watch that stopped between storing
-- a page and analysing it analyses when it starts again.
CREATE TABLE watch_progress (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    fetched  INTEGER NOT NULL DEFAULT 0,
    analysed INTEGER NOT NULL DEFAULT 0
);
INSERT INTO watch_progress (id) VALUES (1);

-- +goose Down
DROP TABLE watch_progress;
DROP TABLE watch_items;
DROP TABLE watch_sources;
DROP TABLE pages;
