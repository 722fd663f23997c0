-- crm4j schema, version 23: payments on account, and the day notice is due for the renewal notices.
-- Many ERPs book what a customer pays against the customer, not against one invoice (Classic
-- Models' payments carry a customer and a cheque number only); such a payment has no invoice and
-- lowers what the customer owes as a whole.

alter table crm_payment alter column invoice_id drop not null;

-- The last day on which notice can be given of a service with an end (its end less its notice
-- days), kept so that the renewal notices find the services whose talks are due by an index.
alter table crm_service add column notice_by date;
update crm_service set notice_by = ends_on - notice_days where ends_on is not null;
create index crm_service_notice_by_ix on crm_service (notice_by, id);
