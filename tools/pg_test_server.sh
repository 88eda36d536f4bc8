#!/usr/bin/env bash
# Start (if needed) the local PostgreSQL 15 cluster and make a PostGIS test database; print its DSN.
# Used by `make test` and CI; needs root (Debian's postgresql-15 + postgresql-15-postgis-3).
set -euo pipefail
DB=green_envoy_test
USER_NAME=green_envoy
PASSWORD=green_envoy
command -v pg_lsclusters >/dev/null 2>&1 || { echo "no PostgreSQL installed" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "starting the test server needs root" >&2; exit 1; }
if ! pg_lsclusters -h | grep -q "^15 main"; then
  pg_createcluster 15 main >/dev/null
fi
pg_lsclusters -h | grep -q "^15 main .* online" || pg_ctlcluster 15 main start
for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
as_pg() { su postgres -c "psql -X -q -v ON_ERROR_STOP=1 $*"; }
as_pg "-tAc \"SELECT 1 FROM pg_roles WHERE rolname='$USER_NAME'\"" | grep -q 1 || \
  as_pg "-c \"CREATE ROLE $USER_NAME LOGIN PASSWORD '$PASSWORD'\""
as_pg "-tAc \"SELECT 1 FROM pg_database WHERE datname='$DB'\"" | grep -q 1 || \
  as_pg "-c \"CREATE DATABASE $DB OWNER $USER_NAME\""
as_pg "-d $DB -c \"CREATE EXTENSION IF NOT EXISTS postgis\""
echo "host=127.0.0.1 port=5432 dbname=$DB user=$USER_NAME password=$PASSWORD"
