-- crm4j schema, version 3: opportunities (deals) in pipelines, with the competitors and contact
-- persons involved, and the history of their stage moves.
-- Conventions as in version 1: crm_ prefix, ids from sequences that step by 50, every foreign key indexed.

create sequence crm_opportunity_seq start with 1 increment by 50;
create sequence crm_stage_change_seq start with 1 increment by 50;

create table crm_opportunity (
    id                 bigint        not null,
    version            bigint        not null,
    customer_id        bigint        not null,
    owner_id           varchar(100)  not null,
    pipeline_id        bigint        not null,
    stage_code         varchar(40)   not null,
    status             varchar(10)   not null,
    title              varchar(200)  not null,
    amount             numeric(19,4),
    currency           varchar(3),
    probability        integer       not null,
    probability_reason varchar(200),
    expected_close     date          not null,
    source             varchar(100),
    close_reason       varchar(50),
    close_note         varchar(2000),
    lost_to            varchar(100),
    price_gap          numeric(19,4),
    price_gap_currency varchar(3),
    stage_since        timestamp(6) with time zone not null,
    created_at         timestamp(6) with time zone not null,
    updated_at         timestamp(6) with time zone not null,
    constraint crm_opportunity_pk primary key (id),
    constraint crm_opportunity_customer_fk foreign key (customer_id) references crm_customer (id),
    constraint crm_opportunity_pipeline_fk foreign key (pipeline_id) references crm_pipeline (id)
);
create index crm_opportunity_customer_ix on crm_opportunity (customer_id, status);
create index crm_opportunity_pipeline_ix on crm_opportunity (pipeline_id, status, stage_code);
create index crm_opportunity_owner_ix on crm_opportunity (owner_id);

create table crm_opportunity_competitor (
    opportunity_id bigint       not null,
    competitor     varchar(100) not null,
    constraint crm_opportunity_competitor_pk primary key (opportunity_id, competitor),
    constraint crm_opportunity_competitor_fk foreign key (opportunity_id) references crm_opportunity (id)
);

-- The contact persons involved in a deal, in the order they were added.
create table crm_opportunity_participant (
    opportunity_id bigint      not null,
    position       integer     not null,
    contact_id     bigint      not null,
    decision_role  varchar(20) not null,
    constraint crm_opportunity_participant_pk primary key (opportunity_id, position),
    constraint crm_opportunity_participant_fk foreign key (opportunity_id) references crm_opportunity (id),
    constraint crm_opportunity_participant_contact_fk foreign key (contact_id) references crm_contact (id)
);
create index crm_opportunity_participant_contact_ix on crm_opportunity_participant (contact_id);

create table crm_stage_change (
    id             bigint       not null,
    opportunity_id bigint       not null,
    from_stage     varchar(40),
    to_stage       varchar(40)  not null,
    changed_by     varchar(100) not null,
    changed_at     timestamp(6) with time zone not null,
    constraint crm_stage_change_pk primary key (id),
    constraint crm_stage_change_opportunity_fk foreign key (opportunity_id) references crm_opportunity (id)
);
create index crm_stage_change_opportunity_ix on crm_stage_change (opportunity_id, changed_at);
