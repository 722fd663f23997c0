-- crm4j schema, version 25: the change feed (R31). Sequence numbers are drawn when an event is
-- appended, so two transactions can take them in one order and commit in the other; a reader that
-- resumed after the later number would miss the earlier event, committed late. So every transaction
-- that appended events takes the next number of the commit clock as its last statement before it
-- commits, and stamps its events with it: the clock's row stays locked until the commit, so the
-- numbers follow the commit order, and an event is visible before any with a higher commit number.
-- The feed reads in (commit_no, sequence_no) order. Events of earlier versions keep their sequence
-- numbers as commit numbers.

create table crm_commit_clock (
    id       integer not null,
    last_no  bigint  not null,
    constraint crm_commit_clock_pk primary key (id)
);
insert into crm_commit_clock (id, last_no) select 1, coalesce(max(sequence_no), 0) from crm_event;

alter table crm_event add column commit_no bigint;
update crm_event set commit_no = sequence_no;
create index crm_event_commit_ix on crm_event (commit_no, sequence_no);
