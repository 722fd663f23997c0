-- crm4j schema, version 2: sales pipelines with their stages and the reasons a deal is won or lost for.
-- Conventions as in version 1: crm_ prefix, ids from sequences that step by 50, every foreign key indexed
-- (here each is the leading column of its table's primary key).

create sequence crm_pipeline_seq start with 1 increment by 50;

create table crm_pipeline (
    id                 bigint       not null,
    version            bigint       not null,
    name               varchar(100) not null,
    currency           varchar(3)   not null,
    max_stages_skipped integer,
    created_at         timestamp(6) with time zone not null,
    updated_at         timestamp(6) with time zone not null,
    constraint crm_pipeline_pk primary key (id)
);

-- The stages of a pipeline in order (position 0 first). requirements holds the names of the
-- StageRequirement values joined by commas, or '' for none.
create table crm_pipeline_stage (
    pipeline_id         bigint       not null,
    position            integer      not null,
    code                varchar(40)  not null,
    stage_name          varchar(100) not null,
    kind                varchar(10)  not null,
    default_probability integer      not null,
    requirements        varchar(100) not null,
    retired             boolean      not null,
    constraint crm_pipeline_stage_pk primary key (pipeline_id, position),
    constraint crm_pipeline_stage_code_uk unique (pipeline_id, code),
    constraint crm_pipeline_stage_pipeline_fk foreign key (pipeline_id) references crm_pipeline (id)
);

-- The reasons a deal of the pipeline may be won (outcome WON) or lost (outcome LOST) for.
create table crm_pipeline_reason (
    pipeline_id bigint      not null,
    outcome     varchar(4)  not null,
    reason      varchar(50) not null,
    constraint crm_pipeline_reason_pk primary key (pipeline_id, outcome, reason),
    constraint crm_pipeline_reason_pipeline_fk foreign key (pipeline_id) references crm_pipeline (id)
);
