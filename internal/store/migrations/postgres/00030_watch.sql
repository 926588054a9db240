-- Pages fetched from the web (dossier add URL, dossier watch) and the
-- state of watched sources, PostgreSQL.

-- +goose Up
-- The newest version of each URL fetched into the dossier. Earlier
-- versions are documents too: each version's document names the one
-- before it (documents.data, "previous").
CREATE TABLE pages (
    url           text COLLATE "C" PRIMARY KEY,  -- as asked, normalised
    final_url     text COLLATE "C" NOT NULL DEFAULT '',
    doc           text COLLATE "C" NOT NULL DEFAULT '',  -- the newest version's document ('' when the URL gave several, as a feed does)
    version       integer NOT NULL DEFAULT 0,    -- 1 for the first version
    etag          text NOT NULL DEFAULT '',
    last_modified text NOT NULL DEFAULT '',
    fetched_at    timestamptz NOT NULL,          -- when the newest version was fetched
    checked_at    timestamptz NOT NULL           -- when the URL was last fetched, changed or not
);
CREATE INDEX pages_final_url ON pages (final_url);
CREATE INDEX pages_doc ON pages (doc);

-- The feeds, lists and pages dossier watch polls.
CREATE TABLE watch_sources (
    url           text COLLATE "C" PRIMARY KEY,  -- a URL, or the path of a file listing URLs
    kind          text NOT NULL DEFAULT '',      -- feed, list or page; '' until first read
    etag          text NOT NULL DEFAULT '',
    last_modified text NOT NULL DEFAULT '',
    status        text NOT NULL DEFAULT '',      -- ok, or what is wrong (down, slow, malformed, …)
    error         text NOT NULL DEFAULT '',      -- the last problem, in words
    failures      integer NOT NULL DEFAULT 0,    -- polls failed in a row
    polled_at     timestamptz,
    ok_at         timestamptz,                   -- last successful poll
    changed_at    timestamptz                    -- when status last changed
);

-- The items of watched sources: each is fetched once.
CREATE TABLE watch_items (
    source   text COLLATE "C" NOT NULL REFERENCES watch_sources (url) ON DELETE CASCADE,
    key      text COLLATE "C" NOT NULL,          -- the item's guid, else its link
    url      text NOT NULL,                      -- the page to fetch
    title    text NOT NULL DEFAULT '',
    ord      integer NOT NULL DEFAULT 0,         -- position in the source when first seen
    seen_at  timestamptz NOT NULL,
    status   text NOT NULL DEFAULT 'pending',    -- pending, done, failed, skipped
    doc      text COLLATE "C" NOT NULL DEFAULT '',
    attempts integer NOT NULL DEFAULT 0,
    error    text NOT NULL DEFAULT '',
    PRIMARY KEY (source, key)
);
CREATE INDEX watch_items_status ON watch_items (source, status);

-- How many documents fetches have added, and how many of them the
-- cross-document results have seen: a watch that stopped between storing
-- a page and analysing it analyses when it starts again.
CREATE TABLE watch_progress (
    id       integer PRIMARY KEY CHECK (id = 1),
    fetched  bigint NOT NULL DEFAULT 0,
    analysed bigint NOT NULL DEFAULT 0
);
INSERT INTO watch_progress (id) VALUES (1);

-- +goose Down
DROP TABLE watch_progress;
DROP TABLE watch_items;
DROP TABLE watch_sources;
DROP TABLE pages;
