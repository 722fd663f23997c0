-- crm4j schema, version 6: the deal an outbox event is about, for need-to-know on the customer
-- card's history (R28): an event about a deal is shown only to those who may see the deal.
-- Conventions as in version 1: crm_ prefix.

-- DomainEvent.opportunityId(): the aggregate id of opportunity.* events, the "opportunity" data
-- entry of offer.* and order.placed events; null for events about no deal.
alter table crm_event add column opportunity_id bigint;

-- Backfill the deals' own events. Offer and order events name their deal only inside the encoded
-- data text, which SQL cannot read portably, so they are not backfilled: no released database
-- holds them (crm4j has had no release since offers and orders came with version 4). In a
-- development database, such older events stay visible to whoever may open the customer.
update crm_event set opportunity_id = aggregate_id where aggregate_type = 'opportunity';

-- No new index: the card reads a customer's events through crm_event_customer_ix (customer_id,
-- sequence_no), newest first, and checks opportunity_id against the customer's visible deals,
-- found through crm_opportunity_customer_ix. No foreign key either: the outbox is a log.
