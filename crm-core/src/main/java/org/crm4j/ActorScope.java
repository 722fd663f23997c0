package org.crm4j;

import org.crm4j.access.Actor;
import org.crm4j.customer.Customers;
import org.crm4j.internal.CustomerService;
import org.crm4j.internal.Runtime;

/**
 * The CRM as one actor sees it: every operation that actor may do, with need-to-know (R28)
 * applied to each. Get one with {@link Crm#as(Actor)}; it is cheap, holds no resources and is
 * thread-safe.
 */
public final class ActorScope {
    private final Actor actor;
    private final Customers customers;

    ActorScope(Runtime rt, Actor actor) {
        this.actor = actor;
        this.customers = new CustomerService(rt, actor);
    }

    /** @return who is acting */
    public Actor actor() {
        return actor;
    }

    /** @return customers, contacts and notes */
    public Customers customers() {
        return customers;
    }
}
