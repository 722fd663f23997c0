package org.crm4j;

import org.crm4j.access.Actor;
import org.crm4j.customer.Customers;
import org.crm4j.internal.CustomerService;
import org.crm4j.internal.OfferService;
import org.crm4j.internal.OpportunityService;
import org.crm4j.internal.PipelineService;
import org.crm4j.internal.Runtime;
import org.crm4j.pipeline.Offers;
import org.crm4j.pipeline.Opportunities;
import org.crm4j.pipeline.Pipelines;

/**
 * The CRM as one actor sees it: every operation that actor may do, with need-to-know (R28)
 * applied to each. Get one with {@link Crm#as(Actor)}; it is cheap, holds no resources and is
 * thread-safe.
 */
public final class ActorScope {
    private final Actor actor;
    private final Customers customers;
    private final Pipelines pipelines;
    private final Opportunities opportunities;
    private final Offers offers;

    ActorScope(Runtime rt, Actor actor) {
        this.actor = actor;
        this.customers = new CustomerService(rt, actor);
        this.pipelines = new PipelineService(rt, actor);
        this.opportunities = new OpportunityService(rt, actor);
        this.offers = new OfferService(rt, actor);
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
}
