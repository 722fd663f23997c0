-- crm4j schema, version 8: the lead an outbox event is about, for need-to-know on the customer
-- card's history (R28): an event about a lead is shown only to those who may see the lead, as
-- version 6 does for deals. Conventions as in version 1: crm_ prefix.

-- DomainEvent.leadId(): the aggregate id of lead.* events; null for events about no lead.
alter table crm_event add column lead_id bigint;
update crm_event set lead_id = aggregate_id where aggregate_type = 'lead';

-- No new index and no foreign key, as for opportunity_id: the card reads a customer's events
-- through crm_event_customer_ix and checks lead_id against the customer's visible leads.
