#!/usr/bin/env bash
# postgres-test.sh — start a PostgreSQL server of its own for the store
# tests.
#
# For Debian, as root. Every run makes a cluster of its own in a fresh
# directory (under /var/tmp) on a free port of its own, so that two runs on
# one machine — two CI jobs, two people — never share or stop each other's
# server, and the machine's own PostgreSQL is never touched. It installs
# the postgresql package if needed, creates the role dossier (password
# dossier) and the database dossier_test, waits until the server accepts
# connections over TCP and prints two lines on stdout:
#
#   export DOSSIER_TEST_POSTGRES='postgres://dossier:dossier@127.0.0.1:PORT/dossier_test?sslmode=disable'
#   export DOSSIER_PG_DIR='/var/tmp/dossier-pg.XXXXXX'
#
# so that it can be used as
#
#   eval "$(bash scripts/postgres-test.sh)"
#   go test ./internal/store/
#   bash scripts/postgres-test.sh stop      # stops the server of $DOSSIER_PG_DIR
#
# "stop DIR" (or stop with DOSSIER_PG_DIR set) stops that server and
# removes its directory; it refuses a directory this script did not make.
# DOSSIER_PG_PORT picks the port instead of the first free one from a
# random start. Everything else goes to stderr.
set -euo pipefail

exec 3>&1 1>&2 # stdout is for the export lines only
# Every command that starts a server runs with fd 3 closed (3>&-): a server
# that inherited it would hold the caller's $(...) open for as long as it runs.

ROLE=dossier
PASSWORD=dossier
DB=dossier_test
MARK=dossier-postgres-test # a file of this name marks a directory as ours

log() { echo "postgres-test: $*" >&2; }
die() {
	log "error: $*"
	exit 1
}

[ "$(id -u)" = 0 ] || die "run as root"

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

if [ "${1:-}" = stop ]; then
	dir=${2:-${DOSSIER_PG_DIR:-}}
	[ -n "$dir" ] || {
		log "nothing to stop: give the directory, or set DOSSIER_PG_DIR"
		exit 0
	}
	[ -d "$dir" ] || {
		log "$dir is gone already"
		exit 0
	}
	[ -f "$dir/$MARK" ] || die "$dir was not made by this script; not stopping anything"
	BIN=$(pg_bin)
	if [ -f "$dir/data/postmaster.pid" ]; then
		log "stopping the server in $dir"
		runuser -u postgres -- "$BIN/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop </dev/null >&2 3>&- ||
			log "stop failed"
	fi
	rm -rf "$dir"
	exit 0
fi

# 1. Install the server.
if [ -z "$(pg_bin)" ] || [ ! -x "$(pg_bin)/pg_ctl" ]; then
	export DEBIAN_FRONTEND=noninteractive
	if ! apt-cache show postgresql >/dev/null 2>&1; then
		log "apt-get update"
		apt-get update -qq
	fi
	log "installing postgresql"
	if ! apt-get install -y -qq --no-install-recommends postgresql >/dev/null; then
		log "install failed; apt-get update and retry"
		apt-get update -qq
		apt-get install -y -qq --no-install-recommends postgresql >/dev/null
	fi
fi
BIN=$(pg_bin)
[ -x "$BIN/pg_ctl" ] || die "no pg_ctl under /usr/lib/postgresql after installing postgresql"
export PATH="$BIN:$PATH"

# 2. A directory and a port of this run's own.
DIR=$(mktemp -d /var/tmp/dossier-pg.XXXXXX)
touch "$DIR/$MARK"
mkdir -p "$DIR/socket"
chown -R postgres:postgres "$DIR"
cleanup_on_failure() {
	if [ -f "$DIR/data/postmaster.pid" ]; then
		runuser -u postgres -- pg_ctl -D "$DIR/data" -m immediate stop </dev/null >&2 3>&- || true
	fi
	rm -rf "$DIR"
}
trap 'cleanup_on_failure' ERR

port_free() { ! (exec 9<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if [ -n "${DOSSIER_PG_PORT:-}" ]; then
	PORT=$DOSSIER_PG_PORT
	port_free "$PORT" || die "port $PORT is in use"
else
	PORT=$((20000 + RANDOM % 20000))
	for _ in $(seq 1 200); do
		port_free "$PORT" && break
		PORT=$((PORT + 1))
	done
	port_free "$PORT" || die "found no free port"
fi

# 3. The cluster, started on that port, reachable over TCP and through a
# socket in its own directory only.
log "initdb in $DIR/data"
runuser -u postgres -- initdb -D "$DIR/data" -U postgres --auth-local=trust \
	--auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 ||
	die "initdb failed; see $DIR/initdb.log"
log "starting the server in $DIR on port $PORT"
runuser -u postgres -- pg_ctl -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
	-o "-p $PORT -k $DIR/socket -c listen_addresses=127.0.0.1 -c max_connections=200" start </dev/null >&2 3>&- ||
	die "the server did not start; see $DIR/server.log"

# 4. Role and database.
psql_admin() {
	runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -h "$DIR/socket" -p "$PORT" -d postgres "$@"
}
psql_admin -c "CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD'" >&2
psql_admin -c "CREATE DATABASE $DB OWNER $ROLE ENCODING 'UTF8' TEMPLATE template0" >&2

# 5. Check that the role can log in over TCP with its password.
for _ in $(seq 1 30); do
	if PGPASSWORD=$PASSWORD psql -X -q -h 127.0.0.1 -p "$PORT" -U "$ROLE" -d "$DB" -tA -c 'SELECT 1' >/dev/null 2>&1; then
		log "ready on port $PORT ($DIR); stop it with: bash scripts/postgres-test.sh stop $DIR"
		echo "export DOSSIER_TEST_POSTGRES='postgres://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DB?sslmode=disable'" >&3
		echo "export DOSSIER_PG_DIR='$DIR'" >&3
		exit 0
	fi
	sleep 1
done
PGPASSWORD=$PASSWORD psql -X -h 127.0.0.1 -p "$PORT" -U "$ROLE" -d "$DB" -c 'SELECT 1' >&2 || true
cleanup_on_failure
die "cannot connect as $ROLE to $DB on 127.0.0.1:$PORT"
