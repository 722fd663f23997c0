-- crm4j schema, version 5: stalled deals (R25).
-- Conventions as in version 1: crm_ prefix, every foreign key indexed.

-- When something last happened on a deal. Today every change of the deal sets it (to its
-- updated_at; a stage move is a change); activities logged on the deal will set it too, without
-- touching the deal's version. Idleness is measured by it.
alter table crm_opportunity add column last_activity_at timestamp(6) with time zone;
update crm_opportunity set last_activity_at = updated_at;
alter table crm_opportunity alter column last_activity_at set not null;

-- The stalled-deals list: open deals by last activity, then id (its keyset order), and open
-- deals by expected close date (the overdue ones, and the cash-flow forecast's date range).
create index crm_opportunity_activity_ix on crm_opportunity (status, last_activity_at, id);
create index crm_opportunity_close_ix on crm_opportunity (status, expected_close);

-- Which stall of a deal was announced, kept beside the deal so that its version does not move:
-- idle_mark is the deal's last_activity_at when it was announced idle, overdue_close its
-- expected_close when it was announced overdue. A deal is announced again for a reason when the
-- deal's value no longer equals the mark.
create table crm_opportunity_stall (
    opportunity_id bigint       not null,
    version        bigint       not null,
    idle_mark      timestamp(6) with time zone,
    overdue_close  date,
    reasons        varchar(20)  not null,
    flagged_at     timestamp(6) with time zone not null,
    constraint crm_opportunity_stall_pk primary key (opportunity_id),
    constraint crm_opportunity_stall_opportunity_fk foreign key (opportunity_id) references crm_opportunity (id)
);
