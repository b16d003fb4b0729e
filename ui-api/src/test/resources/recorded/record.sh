#!/usr/bin/env bash
# Records the event stream and the read models of a database the release under test wrote (issue 13, acceptance 4):
#   record.sh <database> <folder>
# The release is run against an empty database with the seeds (README "Seed data"), then this script dumps the
# whole database as that release left it (schema, Flyway history, event store, lookups, read models, the per-person
# keys the sealed personal data needs), leaving out accounts, tokens and the application's own keys, and every read
# model table again as JSON rows in a stable order: what a replay by a later release must give back.
set -euo pipefail
db=$1; out=$2
q() { psql -h 127.0.0.1 -U postgres -d "$db" -AtX -c "$1"; }
mkdir -p "$out"
pg_dump -h 127.0.0.1 -U postgres --no-owner --no-privileges --inserts --rows-per-insert=200 \
  --exclude-table-data='account*' --exclude-table-data=auth_token --exclude-table-data=app_secret \
  --exclude-table-data=federation_key --exclude-table-data=checkpoint --exclude-table-data=voting_credential \
  "$db" | gzip -9 > "$out/database.sql.gz"
for t in unit_version unit_change unit_summary person_view congress_view delegate_view decision_view election_view \
         candidate_view round_view round_result_line published_ballot confidence_round confidence_result_line term_view \
         term_change holding_view; do
  q "select coalesce(json_agg(r order by r::text), '[]') from (select to_jsonb(x) - 'updated_at' as r from $t x) s" > "$out/$t.json"
done
