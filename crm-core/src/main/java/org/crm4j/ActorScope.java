package org.crm4j;

import org.crm4j.access.Actor;
import org.crm4j.activity.Activities;
import org.crm4j.activity.Requests;
import org.crm4j.activity.ServiceStandards;
import org.crm4j.campaign.Campaigns;
import org.crm4j.customer.Consents;
import org.crm4j.customer.Customers;
import org.crm4j.internal.activity.ActivityService;
import org.crm4j.internal.Assert;
import org.crm4j.internal.campaign.CampaignService;
import org.crm4j.internal.customer.ConsentService;
import org.crm4j.internal.customer.CustomerService;
import org.crm4j.internal.imports.ImportService;
import org.crm4j.internal.notify.InboxService;
import org.crm4j.internal.lead.LeadService;
import org.crm4j.internal.mailing.MailingService;
import org.crm4j.internal.pipeline.OfferService;
import org.crm4j.internal.pipeline.OpportunityService;
import org.crm4j.internal.pipeline.PipelineService;
import org.crm4j.internal.ReportRun;
import org.crm4j.internal.activity.RequestService;
import org.crm4j.internal.activity.ServiceStandardService;
import org.crm4j.internal.Runtime;
import org.crm4j.imports.Imports;
import org.crm4j.lead.Leads;
import org.crm4j.mailing.Mailings;
import org.crm4j.notify.Inbox;
import org.crm4j.pipeline.Offers;
import org.crm4j.pipeline.Opportunities;
import org.crm4j.pipeline.Pipelines;
import org.crm4j.plugin.Report;

/**
 * The CRM as one actor sees it: every operation that actor may do, with need-to-know (R28)
 * applied to each. Get one with {@link Crm#as(Actor)}; it is cheap, holds no resources and is
 * thread-safe.
 */
public final class ActorScope {
    private final Runtime rt;
    private final Actor actor;
    private final Customers customers;
    private final Pipelines pipelines;
    private final Opportunities opportunities;
    private final Offers offers;
    private final Campaigns campaigns;
    private final Leads leads;
    private final Activities activities;
    private final Consents consents;
    private final Mailings mailings;
    private final Imports imports;
    private final Requests requests;
    private final ServiceStandards serviceStandards;
    private final org.crm4j.sales.Sales sales;

    ActorScope(Runtime rt, Actor actor) {
        this.rt = rt;
        this.actor = actor;
        this.customers = new CustomerService(rt, actor);
        this.pipelines = new PipelineService(rt, actor);
        this.opportunities = new OpportunityService(rt, actor);
        this.offers = new OfferService(rt, actor);
        this.campaigns = new CampaignService(rt, actor);
        this.leads = new LeadService(rt, actor);
        this.activities = new ActivityService(rt, actor);
        this.consents = new ConsentService(rt, actor);
        this.mailings = new MailingService(rt, actor);
        this.imports = new ImportService(rt, actor);
        this.requests = new RequestService(rt, actor);
        this.serviceStandards = new ServiceStandardService(rt, actor);
        this.sales = new org.crm4j.internal.sales.SalesService(rt, actor);
    }

    /** @return who is acting */
    public Actor actor() {
        return actor;
    }

    /** @return customers, contacts and notes */
    public Customers customers() {
        return customers;
    }

    /** @return the sales pipelines */
    public Pipelines pipelines() {
        return pipelines;
    }

    /** @return the deals the actor may see */
    public Opportunities opportunities() {
        return opportunities;
    }

    /** @return the offers of the deals the actor may see, and the sales orders made from them */
    public Offers offers() {
        return offers;
    }

    /** @return the marketing campaigns the actor may see, and the bulk opening of their leads */
    public Campaigns campaigns() {
        return campaigns;
    }

    /** @return the leads the actor may see */
    public Leads leads() {
        return leads;
    }

    /** @return the activities the actor may see, and the actor's first-contact ledger */
    public Activities activities() {
        return activities;
    }

    /** @return the consents of the contact persons of the customers the actor may open */
    public Consents consents() {
        return consents;
    }

    /** @return the mailings the actor may see, to customers' contact persons and to employees */
    public Mailings mailings() {
        return mailings;
    }

    /** @return the actor's own notices (R15), latest first, read and unread */
    public Inbox inbox() {
        return new InboxService(rt, actor);
    }

    /**
     * @return the outbox as operators see it: the events listeners gave up on, to retry or skip
     *     (administrators only)
     */
    public org.crm4j.event.Events events() {
        return new org.crm4j.internal.event.EventService(rt, actor);
    }

    /**
     * @return what a point of sale that worked offline sends back (R31): notes and activities under
     *     ids of its own, received once; conflicts with a newer central version as {@link org.crm4j.sync.PointOfSale} states
     */
    public org.crm4j.sync.PointOfSale pointOfSale() {
        return new org.crm4j.internal.sync.PointOfSaleService(rt, actor);
    }

    /**
     * @return the change feed (R31): the events of the customers the actor covers, in commit order,
     *     from an opaque cursor, e.g. for a point of sale
     */
    public org.crm4j.event.Changes changes() {
        return new org.crm4j.internal.event.ChangeFeed(rt, actor);
    }

    /** @return the bulk import of customers with their contact persons, upserted by external reference */
    public Imports imports() {
        return imports;
    }

    /** @return the customer requests the actor may see, tracked until answered */
    public Requests requests() {
        return requests;
    }

    /** @return the service standards, and where the salespeople the actor may see do not meet them */
    public ServiceStandards serviceStandards() {
        return serviceStandards;
    }

    /**
     * @return the documents kept on customers (R12): offers' documents, services' contracts and other
     *     papers, as this actor sees them
     */
    public org.crm4j.document.CustomerDocuments documents() {
        return new org.crm4j.internal.document.DocumentService(rt, actor);
    }

    /** @return services, sales documents and payments (R6, R11, R29), as this actor sees them */
    public org.crm4j.sales.Sales sales() {
        return sales;
    }

    /**
     * Runs a report for this actor, in one read-only transaction, over what the actor may see.
     * The reports of crm4j are in the module {@code crm-reports}, e.g.
     * {@code crm.as(mia).report(CashFlowForecast.monthly(from, to).byTeam())}.
     *
     * @param report the report definition
     * @param <R> what it produces
     * @return its result
     * @throws ValidationException when the report is null or does not fit the data
     */
    public <R> R report(Report<R> report) {
        Assert.notNull(report, "report");
        return ReportRun.run(rt, actor, report);
    }
}
