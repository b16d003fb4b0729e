-- ADR 0015: a mark of the ballot's content keyed by the voter's own Idempotency-Key, so that the same key with a
-- different ballot is refused; only the key's holder can compute it. Forgotten at close with idem_hash.
alter table ballot_round_voter add column idem_content bytea;
