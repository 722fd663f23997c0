-- crm4j schema, version 13: notices to employees, their delivery per channel and the inbox,
-- reminders of planned activities, and customers' contracts with competitors (R15).
-- Conventions as in version 1: crm_ prefix, ids from sequences that step by 50, every foreign key indexed.

create sequence crm_notice_seq start with 1 increment by 50;
create sequence crm_notice_delivery_seq start with 1 increment by 50;
create sequence crm_competitor_contract_seq start with 1 increment by 50;

-- A notice to one employee, rendered when it was made. crm_notice_uk makes its creation
-- idempotent: one notice per cause (notice_key, e.g. competitor-contract:12) and recipient, also
-- when two nodes make it at the same time. inbox_at is set when the inbox channel delivered it;
-- read_at while it is read.
create table crm_notice (
    id            bigint        not null,
    notice_key    varchar(200)  not null,
    kind          varchar(100)  not null,
    recipient_id  varchar(100)  not null,
    customer_id   bigint,
    subject       varchar(1000) not null,
    body          ${longText}   not null,
    notice_values ${longText}   not null,
    created_at    timestamp(6) with time zone not null,
    inbox_at      timestamp(6) with time zone,
    read_at       timestamp(6) with time zone,
    constraint crm_notice_pk primary key (id),
    constraint crm_notice_uk unique (notice_key, recipient_id)
);
-- A recipient's inbox, latest first, paged by (inbox_at, id); the unread count reads it too.
create index crm_notice_inbox_ix on crm_notice (recipient_id, inbox_at desc, id desc);

-- The delivery of a notice through one channel. A worker claims a pending one by writing its
-- claim_token and lease_until with a conditional update (only one of two concurrent workers
-- matches); lease_until also holds back a failed delivery until it may be tried again. A claim
-- whose lease ended is taken over.
create table crm_notice_delivery (
    id           bigint        not null,
    notice_id    bigint        not null,
    channel      varchar(50)   not null,
    state        varchar(20)   not null,
    attempts     integer       not null,
    claim_token  varchar(36),
    lease_until  timestamp(6) with time zone,
    sent_at      timestamp(6) with time zone,
    last_error   varchar(1000),
    constraint crm_notice_delivery_pk primary key (id),
    constraint crm_notice_delivery_uk unique (notice_id, channel),
    constraint crm_notice_delivery_notice_fk foreign key (notice_id) references crm_notice (id)
);
-- The pending deliveries, oldest first: what a worker claims.
create index crm_notice_delivery_pending_ix on crm_notice_delivery (state, id);

-- The reminder of a planned activity, beside it so that the activity's version does not move.
-- version grows each time the reminder is set; the notices of a reminder have the key
-- reminder:<activity>:<version>, so a moved reminder is due again.
create table crm_reminder (
    activity_id  bigint  not null,
    version      bigint  not null,
    remind_at    timestamp(6) with time zone not null,
    constraint crm_reminder_pk primary key (activity_id),
    constraint crm_reminder_activity_fk foreign key (activity_id) references crm_activity (id)
);
create index crm_reminder_due_ix on crm_reminder (remind_at);

-- A customer's contract with a competitor: who supplies what until when.
create table crm_competitor_contract (
    id           bigint         not null,
    customer_id  bigint         not null,
    supplier     varchar(200)   not null,
    product      varchar(200),
    ends_on      date           not null,
    note         varchar(2000),
    created_by   varchar(100)   not null,
    created_at   timestamp(6) with time zone not null,
    constraint crm_competitor_contract_pk primary key (id),
    constraint crm_competitor_contract_customer_fk foreign key (customer_id) references crm_customer (id)
);
create index crm_competitor_contract_customer_ix on crm_competitor_contract (customer_id, ends_on);
-- The contracts ending soon, for their notices.
create index crm_competitor_contract_ends_ix on crm_competitor_contract (ends_on, id);
