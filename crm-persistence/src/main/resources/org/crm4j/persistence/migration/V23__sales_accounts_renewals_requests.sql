-- crm4j schema, version 23: payments on account, the day notice is due for the renewal notices, and
-- the service a request is about.
-- Many ERPs book what a customer pays against the customer, not against one invoice (Classic
-- Models' payments carry a customer and a cheque number only); such a payment has no invoice and
-- lowers what the customer owes as a whole.

alter table crm_payment alter column invoice_id drop not null;

-- The last day on which notice can be given of a service with an end (its end less its notice
-- days), kept so that the renewal notices find the services whose talks are due by an index.
alter table crm_service add column notice_by date;
update crm_service set notice_by = ends_on - notice_days where ends_on is not null;
create index crm_service_notice_by_ix on crm_service (notice_by, id);

-- The service a customer request is about (R11), named by the service desk: one per request.
create table crm_service_request (
    request_id  bigint       not null,
    service_id  bigint       not null,
    linked_by   varchar(100) not null,
    linked_at   timestamp(6) with time zone not null,
    constraint crm_service_request_pk primary key (request_id),
    constraint crm_service_request_request_fk foreign key (request_id) references crm_request (activity_id),
    constraint crm_service_request_service_fk foreign key (service_id) references crm_service (id)
);
create index crm_service_request_service_ix on crm_service_request (service_id, linked_at);
