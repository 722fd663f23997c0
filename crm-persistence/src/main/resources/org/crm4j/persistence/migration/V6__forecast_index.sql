-- crm4j schema, version 6: the cash-flow forecast reads open deals by expected close date.
create index crm_opportunity_close_ix on crm_opportunity (status, expected_close);
