-- crm4j schema, version 23: payments on account. Many ERPs book what a customer pays against the
-- customer, not against one invoice (Classic Models' payments carry a customer and a cheque number
-- only); such a payment has no invoice and lowers what the customer owes as a whole.

alter table crm_payment alter column invoice_id drop not null;
