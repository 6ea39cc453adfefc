#!/usr/bin/env bash
# Starts a PostgreSQL server of its own on 127.0.0.1 for the tests of the PostgreSQL inventory store
# (Tests/TenderInventoryPostgresTests), with a role and a database for them. Debian's cluster tools
# run the server as the postgres user, so this works when the caller is root (initdb refuses root).
# Idempotent: a running cluster is left running, an existing role and database are kept.
#   scripts/start-postgres.sh          # prints the URL the tests use (TENDERLINT_TEST_POSTGRES_URL)
# Settings: PGTEST_PORT (55432), PGTEST_CLUSTER (tenderlint), PGTEST_ROLE, PGTEST_PASSWORD, PGTEST_DB.
set -euo pipefail
port=${PGTEST_PORT:-55432}
cluster=${PGTEST_CLUSTER:-tenderlint}
role=${PGTEST_ROLE:-tenderlint}
password=${PGTEST_PASSWORD:-tenderlint}
db=${PGTEST_DB:-tenderlint_test}
command -v pg_lsclusters >/dev/null || { echo "start-postgres.sh: PostgreSQL is not installed (scripts/install-deps.sh installs it)" >&2; exit 1; }
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
# The socket folder, when the package's own setup did not make it (a container without systemd).
[ -d /var/run/postgresql ] || as_root install -d -o postgres -g postgres -m 2775 /var/run/postgresql
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
if ! pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { found = 1 } END { exit !found }'; then
  # Its own cluster on its own port, listening on loopback only; C collation, as SQLite compares text.
  as_postgres pg_createcluster "$version" "$cluster" -p "$port" --locale C.UTF-8 -- --auth-local peer --auth-host scram-sha-256 >/dev/null
  echo "listen_addresses = '127.0.0.1'" | as_postgres tee "/etc/postgresql/$version/$cluster/conf.d/loopback.conf" >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c && $4 == "online" { found = 1 } END { exit !found }'; then
  as_postgres pg_ctlcluster "$version" "$cluster" start
fi
psql_admin() { as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$port" -d postgres "$@"; }
psql_admin -c "DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN CREATE ROLE \"$role\" LOGIN PASSWORD '$password'; END IF;
END \$\$;"
# CREATEDB: every test makes a database of its own (and drops it), so tests run side by side.
psql_admin -c "ALTER ROLE \"$role\" CREATEDB"
if [ -z "$(psql_admin -tA -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
  psql_admin -c "CREATE DATABASE \"$db\" OWNER \"$role\""
fi
echo "postgres://$role:$password@127.0.0.1:$port/$db"
