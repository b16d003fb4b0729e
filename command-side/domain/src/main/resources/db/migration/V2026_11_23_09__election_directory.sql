-- The command side's election directory (vn.daihoi.election.infra.JdbcElectionDirectory): which elections of which
-- body each congress or committee meeting opened, so that a first meeting can find the committee its congress
-- elected (R-41) and whether that congress elected the chair directly (R-40). Kept by a subscribing processor in
-- the command's transaction; filled here from elections opened before this table existed.
create table cmd_election (
    seq         bigserial   not null,
    election_id varchar(64) primary key,
    congress_id varchar(64) not null,
    body        varchar(32) not null
);
create index cmd_election_by_congress on cmd_election (congress_id, body, seq);

insert into cmd_election (election_id, congress_id, body)
select p ->> 'electionId', p ->> 'congressId', p ->> 'body'
from (select convert_from(payload, 'UTF8')::jsonb as p, global_index
      from domain_event_entry where payload_type = 'vn.daihoi.election.ElectionOpened') e
order by global_index
on conflict (election_id) do nothing;
