-- crm4j schema, version 11: customer requests tracked until answered (R7), and service standards (R14).
-- Conventions as in version 1: crm_ prefix, ids from sequences that step by 50, every foreign key indexed.

-- When an activity was recorded done, for the logging standards ("every call is logged within 24 h"):
-- when it was logged for one logged done, when it was completed for one planned first; null while
-- planned. Before this version an activity changed only when it was completed, so a done
-- activity's last change is the moment it was recorded done.
alter table crm_activity add column done_at timestamp(6) with time zone;
update crm_activity set done_at = updated_at where status = 'DONE';
alter table crm_activity add constraint crm_activity_done_ck
    check ((status = 'DONE' and done_at is not null) or (status <> 'DONE' and done_at is null));
-- The logging standards count the activities of a type that ended in a period.
create index crm_activity_type_ends_ix on crm_activity (activity_type, ends_at);

-- A customer's question, complaint or service request: an activity of type REQUEST (the customer,
-- the owner who answers it, the contact person who asked, when it came in, its subject) with its
-- state here, keyed by the activity. open -> answered -> closed, reopened to open. A source
-- system's id is taken by one request: crm_request_source_uk makes the intake of an integration
-- idempotent, also against concurrent intakes. The escalation level is claimed by conditional
-- updates (where escalation_level = ?), never through the version.
create table crm_request (
    activity_id      bigint        not null,
    version          bigint        not null,
    kind             varchar(20)   not null,
    status           varchar(10)   not null,
    request_text     varchar(4000),
    source_system    varchar(50),
    source_id        varchar(250),
    concerns_system  varchar(50),
    concerns_id      varchar(100),
    due_at           timestamp(6) with time zone not null,
    escalate_at      timestamp(6) with time zone not null,
    escalation_level integer       not null,
    answered_by      varchar(100),
    answered_at      timestamp(6) with time zone,
    answer           varchar(4000),
    closed_by        varchar(100),
    closed_at        timestamp(6) with time zone,
    updated_at       timestamp(6) with time zone not null,
    constraint crm_request_pk primary key (activity_id),
    constraint crm_request_activity_fk foreign key (activity_id) references crm_activity (id),
    constraint crm_request_source_uk unique (source_system, source_id),
    constraint crm_request_source_ck
        check ((source_system is null and source_id is null) or (source_system is not null and source_id is not null)),
    constraint crm_request_concerns_ck
        check ((concerns_system is null and concerns_id is null) or (concerns_system is not null and concerns_id is not null)),
    constraint crm_request_status_ck check (status in ('OPEN', 'ANSWERED', 'CLOSED')),
    constraint crm_request_escalation_ck check (escalation_level between 0 and 2),
    constraint crm_request_escalate_ck check (escalate_at >= due_at)
);
-- The overdue requests, earliest due first, and the escalation runs: open ones by due time.
create index crm_request_status_due_ix on crm_request (status, due_at, activity_id);
-- The answer standards count the requests due in a period, whatever their status.
create index crm_request_due_ix on crm_request (due_at);

-- Service standards: at most one per kind and scope (a rating, '' for every other customer, or an
-- activity type), held by crm_service_standard_uk.
create sequence crm_service_standard_seq start with 1 increment by 50;
create table crm_service_standard (
    id          bigint       not null,
    kind        varchar(30)  not null,
    scope       varchar(20)  not null,
    limit_value integer      not null,
    constraint crm_service_standard_pk primary key (id),
    constraint crm_service_standard_uk unique (kind, scope),
    constraint crm_service_standard_limit_ck check (limit_value > 0)
);
