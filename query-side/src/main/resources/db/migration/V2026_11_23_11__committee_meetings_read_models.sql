-- Committee meetings on the congress machinery (ADR 0009): a meeting is a row of congress_view with kind
-- COMMITTEE_MEETING, ordinal 0, its purpose, the congress that elected the committee and the convener (R-41).
alter table congress_view alter column kind type varchar(32);
alter table congress_view add column purpose varchar(32);
alter table congress_view add column of_congress_id varchar(64);
alter table congress_view add column convener_person_id varchar(64);

-- R-23, R-41: the election that sent a delegate to the roll, if any.
alter table delegate_view add column from_election_id varchar(64);
