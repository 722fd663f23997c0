-- crm4j schema, version 26: where crm4j stands with each ERP it pulls sales from (a SalesSource):
-- the checkpoint the source returned with its last page.

create table crm_sales_source (
    source_id   varchar(100)  not null,
    checkpoint  varchar(1000),
    pulled_at   timestamp(6) with time zone not null,
    constraint crm_sales_source_pk primary key (source_id)
);
