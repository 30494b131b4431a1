#!/usr/bin/env bash
# CI: the two-login PostgreSQL setup of SECURITY.md, exactly as written there. Runs the DBA block (the
# `-- alur-dba-setup` SQL, login and database names given a CI suffix) as user postgres on 127.0.0.1:5432,
# migrates as the schema owner with `alur migrate`, then checks that the server's login finds the schema
# current and cannot touch the trail. Drops its database and logins on exit (also after a failure), and
# drops leftovers of an interrupted run first, so it can run any number of times.
set -euo pipefail
cd "$(dirname "$0")/../.."

export PGOPTIONS="-c client_min_messages=warning"
ADMIN_URL="${ALUR_CI_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
DB=alur_ci_security
OWNER=alur_ci_owner
SERVER=alur_ci_server

cleanup() {
  psql "$ADMIN_URL" -q -v ON_ERROR_STOP=1 <<SQL
DROP DATABASE IF EXISTS $DB WITH (FORCE);
DROP ROLE IF EXISTS $SERVER;
DROP ROLE IF EXISTS $OWNER;
SQL
}
cleanup
trap cleanup EXIT

# The SQL block of SECURITY.md, unindented, with this run's names.
awk '/^  ```sql$/ { inside = 1; next } inside && /^  ```$/ { exit } inside { print }' SECURITY.md |
  sed -e 's/^  //' -e "s/\balur_owner\b/$OWNER/g" -e "s/\balur_server\b/$SERVER/g" -e "s/\bDATABASE alur\b/DATABASE $DB/g" |
  psql "$ADMIN_URL" -q -v ON_ERROR_STOP=1 -f -

url_for() { echo "${ADMIN_URL%/*}/$DB" | sed "s#//[^@/]*@#//$1@#"; }
OWNER_URL=$(url_for "$OWNER")
SERVER_URL=$(url_for "$SERVER")

echo "== migrations as the schema owner ($OWNER)"
ALUR_MIGRATION_DATABASE_URL="$OWNER_URL" DATABASE_URL="$SERVER_URL" node bin/alur.js migrate

echo "== the server login ($SERVER) finds the schema current and cannot rewrite the trail"
DATABASE_URL="$SERVER_URL" node bin/alur.js migrate | grep -q 'sudah mutakhir'
for statement in "UPDATE case_events SET payload = '{}'" "DELETE FROM access_log" "TRUNCATE access_log" \
  "ALTER TABLE case_events DISABLE TRIGGER ALL"; do
  if psql "$SERVER_URL" -q -c "$statement" 2>/dev/null; then
    echo "FAILED: $SERVER may run: $statement" >&2
    exit 1
  fi
done
echo "== two-login setup of SECURITY.md: OK"
