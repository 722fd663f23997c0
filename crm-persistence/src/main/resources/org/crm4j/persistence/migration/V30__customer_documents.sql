-- crm4j schema, version 30: the documents kept on customers (R12): an offer's document, a service's
-- contract, other papers. A document is kept once per customer, source and content (its SHA-256);
-- its owner (the deal's owner, the service's salesperson, or whoever kept it) decides with the
-- customer's owner who sees it (R28). The content sits in a table of its own, so that the card's
-- list never reads it.

create sequence crm_document_seq start with 1 increment by 50;

create table crm_document (
    id           bigint        not null,
    customer_id  bigint        not null,
    origin       varchar(20)   not null,
    source_id    bigint        not null,
    title        varchar(200)  not null,
    file_name    varchar(200)  not null,
    media_type   varchar(200)  not null,
    size_bytes   bigint        not null,
    sha256       varchar(64)   not null,
    owner_id     varchar(100),
    kept_by      varchar(100)  not null,
    kept_at      timestamp(6) with time zone not null,
    constraint crm_document_pk primary key (id),
    constraint crm_document_customer_fk foreign key (customer_id) references crm_customer (id),
    constraint crm_document_same_uk unique (customer_id, origin, source_id, sha256)
);
create index crm_document_customer_ix on crm_document (customer_id, kept_at, id);

create table crm_document_content (
    document_id  bigint    not null,
    content      ${bytes}  not null,
    constraint crm_document_content_pk primary key (document_id),
    constraint crm_document_content_fk foreign key (document_id) references crm_document (id)
);
