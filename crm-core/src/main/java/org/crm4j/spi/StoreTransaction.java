package org.crm4j.spi;

/** The records reachable inside one transaction, by feature. */
public interface StoreTransaction {

    /** @return customers */
    CustomerStore customers();

    /** @return contact persons */
    ContactStore contacts();

    /** @return notes */
    NoteStore notes();

    /** @return the outbox of domain events */
    EventStore events();

    /** @return pipelines */
    PipelineStore pipelines();

    /** @return opportunities */
    OpportunityStore opportunities();

    /** @return offers and sales orders */
    OfferStore offers();

    /** @return campaigns */
    CampaignStore campaigns();

    /** @return leads */
    LeadStore leads();

    /** @return activities and the first-contact ledger */
    ActivityStore activities();

    /** @return contact persons' consents and unsubscriptions */
    ConsentStore consents();

    /** @return mailings and their recipients */
    MailingStore mailings();
    /** @return notices, their deliveries and the inbox */
    NoticeStore notices();

    /** @return the reminders of planned activities */
    ReminderStore reminders();

    /** @return customers' contracts with competitors */
    CompetitorContractStore competitorContracts();
    /** @return customer requests, beside their activities */
    RequestStore requests();

    /** @return service standards and the counts that check them */
    ServiceStandardStore serviceStandards();
}
