#!/usr/bin/env bash
# postgres-test.sh — make a local PostgreSQL ready for the store tests.
#
# For Debian, as root; idempotent (run it as often as you like). It installs
# the postgresql package if needed, starts a cluster, creates the role
# dossier (password dossier) and the database dossier_test, waits until the
# server accepts connections and prints ONE line on stdout:
#
#   export DOSSIER_TEST_POSTGRES=postgres://dossier:dossier@127.0.0.1:5432/dossier_test?sslmode=disable
#
# so that it can be used as
#
#   eval "$(bash scripts/postgres-test.sh)"
#   go test ./internal/store/
#
# Everything else goes to stderr. DOSSIER_PG_PORT picks another port.
#
#   bash scripts/postgres-test.sh stop
#
# stops the server again, but only if this script started it.
set -euo pipefail

exec 3>&1 1>&2 # stdout is for the export line only
# Every command that starts a server runs with fd 3 closed (3>&-): a server
# that inherited it would hold the caller's $(...) open for as long as it runs.

PORT=${DOSSIER_PG_PORT:-5432}
ROLE=dossier
PASSWORD=dossier
DB=dossier_test
OWN_DIR=/var/tmp/dossier-postgres # fallback cluster when the Debian one won't start
STARTED=/var/tmp/dossier-postgres-started # the command that stops what we started

log() { echo "postgres-test: $*" >&2; }
die() {
	log "error: $*"
	exit 1
}

[ "$(id -u)" = 0 ] || die "run as root"

if [ "${1:-}" = stop ]; then
	if [ -f "$STARTED" ]; then
		log "stopping the server this script started"
		bash -c "$(cat "$STARTED")" </dev/null >&2 3>&- || log "stop failed"
		rm -f "$STARTED"
	fi
	exit 0
fi

# 1. Install the server.
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
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
VERSION=$(basename "$(dirname "$BIN")")
export PATH="$BIN:$PATH"

ready() { pg_isready -q -h 127.0.0.1 -p "$PORT"; }
wait_ready() {
	for _ in $(seq 1 60); do
		ready && return 0
		sleep 1
	done
	return 1
}

# 2. Start a cluster: the Debian one (pg_ctlcluster works without
# systemd), or else one of our own under $OWN_DIR.
SOCKET=/var/run/postgresql
if ready; then
	log "a server already accepts connections on port $PORT"
	if [ -S "$OWN_DIR/socket/.s.PGSQL.$PORT" ]; then
		SOCKET=$OWN_DIR/socket
	fi
else
	started=
	if command -v pg_ctlcluster >/dev/null; then
		mkdir -p /var/run/postgresql
		chown postgres:postgres /var/run/postgresql
		if ! pg_lsclusters -h 2>/dev/null | awk '{print $1, $2}' | grep -qx "$VERSION main"; then
			log "creating cluster $VERSION/main on port $PORT"
			pg_createcluster -p "$PORT" "$VERSION" main >&2 3>&- || true
		fi
		log "starting cluster $VERSION/main"
		if pg_ctlcluster "$VERSION" main start </dev/null >&2 3>&- && wait_ready; then
			started=1
			echo "pg_ctlcluster $VERSION main stop" >"$STARTED"
		else
			log "the Debian cluster did not start; using a cluster of our own"
		fi
	fi
	if [ -z "$started" ]; then
		SOCKET=$OWN_DIR/socket
		mkdir -p "$OWN_DIR/socket"
		chown -R postgres:postgres "$OWN_DIR"
		if [ ! -f "$OWN_DIR/data/PG_VERSION" ]; then
			log "initdb in $OWN_DIR/data"
			runuser -u postgres -- initdb -D "$OWN_DIR/data" -U postgres --auth-local=trust \
				--auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >&2
		fi
		log "starting the cluster in $OWN_DIR/data on port $PORT"
		runuser -u postgres -- pg_ctl -D "$OWN_DIR/data" -l "$OWN_DIR/server.log" -w -t 60 \
			-o "-p $PORT -k $OWN_DIR/socket -c listen_addresses=127.0.0.1" start </dev/null >&2 3>&- ||
			die "the server did not start; see $OWN_DIR/server.log"
		echo "runuser -u postgres -- $BIN/pg_ctl -D $OWN_DIR/data -m fast stop" >"$STARTED"
		wait_ready || die "the server does not accept connections on port $PORT"
	fi
fi

# 3. Role and database.
psql_admin() {
	runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -h "$SOCKET" -p "$PORT" -d postgres "$@"
}
psql_admin -c "DO \$\$ BEGIN
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN
		CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD';
	ELSE
		ALTER ROLE $ROLE LOGIN PASSWORD '$PASSWORD';
	END IF;
END \$\$;" >&2
if [ "$(psql_admin -tA -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != 1 ]; then
	log "creating database $DB"
	psql_admin -c "CREATE DATABASE $DB OWNER $ROLE ENCODING 'UTF8' TEMPLATE template0" >&2
fi

# 4. Check that the role can log in over TCP with its password.
for _ in $(seq 1 30); do
	if PGPASSWORD=$PASSWORD psql -X -q -h 127.0.0.1 -p "$PORT" -U "$ROLE" -d "$DB" -tA -c 'SELECT 1' >/dev/null 2>&1; then
		log "ready"
		echo "export DOSSIER_TEST_POSTGRES='postgres://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DB?sslmode=disable'" >&3
		exit 0
	fi
	sleep 1
done
PGPASSWORD=$PASSWORD psql -X -h 127.0.0.1 -p "$PORT" -U "$ROLE" -d "$DB" -c 'SELECT 1' >&2 || true
die "cannot connect as $ROLE to $DB on 127.0.0.1:$PORT"
