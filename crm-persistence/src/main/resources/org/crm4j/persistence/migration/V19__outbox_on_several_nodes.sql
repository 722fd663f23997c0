-- crm4j schema, version 19: the outbox delivered from several nodes, each listener at its own pace.
--
-- A node claims the undelivered events it is about to hand over (claimed_by, claimed_until: a
-- lease, taken over when it ends), so that two nodes never deliver one event at once and an
-- aggregate's later event never overtakes its earlier one held by another node. Each listener's
-- progress on an event that is not yet delivered to every listener is a row of crm_event_progress
-- (done, failed with its attempts, dead, or skipped by an operator); the rows of an event go when
-- it is delivered to all, so the table holds only the events in flight and the dead letters.
alter table crm_event add column claimed_by varchar(36);
alter table crm_event add column claimed_until timestamp(6) with time zone;

create table crm_event_progress (
    sequence_no  bigint        not null,
    listener_id  varchar(100)  not null,
    state        varchar(10)   not null,
    attempts     integer       not null,
    last_error   varchar(1000),
    updated_at   timestamp(6) with time zone not null,
    constraint crm_event_progress_pk primary key (sequence_no, listener_id)
);
create index crm_event_progress_state_ix on crm_event_progress (state, sequence_no);
