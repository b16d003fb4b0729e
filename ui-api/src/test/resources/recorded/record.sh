#!/usr/bin/env bash
# Records the event stream and the read models of a database the release under test wrote (issue 13, acceptance 4):
#   record.sh <database> <folder>
# The release is run against an empty database with the seeds (README "Seed data"), then this script dumps
# every event row as stored (payload and metadata as JSON text), the per-person keys the sealed personal data needs
# (not events: ADR 0005), and every read model table, each row as JSON, in a stable order.
set -euo pipefail
db=$1; out=$2
q() { psql -h 127.0.0.1 -U postgres -d "$db" -AtX -c "$1"; }
mkdir -p "$out"
q "select json_build_object('global_index', global_index, 'event_identifier', event_identifier,
          'aggregate_identifier', aggregate_identifier, 'sequence_number', sequence_number, 'type', type,
          'time_stamp', time_stamp, 'payload_type', payload_type, 'payload_revision', payload_revision,
          'payload', convert_from(payload, 'UTF8')::json, 'meta_data', convert_from(meta_data, 'UTF8')::json)
     from domain_event_entry order by global_index" > "$out/events.jsonl"
q "select json_build_object('person_id', person_id, 'key_bytes', encode(key_bytes, 'base64')) from person_key order by person_id" > "$out/person-keys.jsonl"
for t in unit_version unit_change unit_summary person_view congress_view delegate_view decision_view election_view \
         candidate_view round_view round_result_line published_ballot confidence_round confidence_result_line term_view \
         term_change holding_view; do
  q "select coalesce(json_agg(r order by r::text), '[]') from (select to_jsonb(x) - 'updated_at' as r from $t x) s" > "$out/$t.json"
done
