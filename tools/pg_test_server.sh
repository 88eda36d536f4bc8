#!/usr/bin/env bash
# Start (if needed) a local PostgreSQL cluster with PostGIS and a test database; print its DSN.
# Used by `make test` and CI; needs root and Debian's postgresql-NN + postgresql-NN-postgis-3 of whatever
# release this is (15 on bookworm, 17 on trixie, 18 on sid). The cluster is the newest installed version with
# PostGIS; its port is the one it has if that is free or its own, otherwise the first free one from 5432 on
# (a Debian root under build/roots shares the host's network, and the host may run its own server).
# `tools/pg_test_server.sh stop` stops the cluster again if this script started it.
set -euo pipefail
DB=green_envoy_test
USER_NAME=green_envoy
PASSWORD=green_envoy
CLUSTER=green_envoy_test
STARTED_MARK=/run/green_envoy_pg_test.started
command -v pg_lsclusters >/dev/null 2>&1 || { echo "no PostgreSQL installed" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "starting the test server needs root" >&2; exit 1; }
VERSION=$(bash "$(dirname "$0")/postgresql_version.sh" --installed) || \
  { echo "no PostgreSQL server with PostGIS installed (postgresql-NN-postgis-3)" >&2; exit 1; }

if [ "${1:-}" = stop ]; then
  if [ -f "$STARTED_MARK" ]; then
    pg_ctlcluster "$VERSION" "$CLUSTER" stop -m fast >/dev/null 2>&1 || true
    rm -f "$STARTED_MARK"
  fi
  exit 0
fi

port_free() {
  /usr/bin/python3 - "$1" <<'PY'
import socket, sys
s = socket.socket()
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
PY
}
free_port() {
  for port in $(seq 5432 5532); do port_free "$port" && { echo "$port"; return 0; }; done
  echo "no free port between 5432 and 5532" >&2; return 1
}

if ! pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c {found=1} END {exit !found}'; then
  pg_createcluster "$VERSION" "$CLUSTER" -p "$(free_port)" >/dev/null
fi
line=$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c')
PORT=$(echo "$line" | awk '{print $3}')
if ! echo "$line" | grep -q online; then
  if ! port_free "$PORT"; then
    PORT=$(free_port)
    pg_conftool "$VERSION" "$CLUSTER" set port "$PORT"
  fi
  pg_ctlcluster "$VERSION" "$CLUSTER" start
  touch "$STARTED_MARK"
fi
for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 -p "$PORT" && break; sleep 1; done
as_pg() { su postgres -c "psql -X -q -p $PORT -v ON_ERROR_STOP=1 $*"; }
as_pg "-tAc \"SELECT 1 FROM pg_roles WHERE rolname='$USER_NAME'\"" | grep -q 1 || \
  as_pg "-c \"CREATE ROLE $USER_NAME LOGIN PASSWORD '$PASSWORD'\""
as_pg "-tAc \"SELECT 1 FROM pg_database WHERE datname='$DB'\"" | grep -q 1 || \
  as_pg "-c \"CREATE DATABASE $DB OWNER $USER_NAME\""
as_pg "-d $DB -c \"CREATE EXTENSION IF NOT EXISTS postgis\""
echo "host=127.0.0.1 port=$PORT dbname=$DB user=$USER_NAME password=$PASSWORD"
