package org.crm4j.campaign;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.crm4j.ValidationException;
import org.crm4j.customer.Criterion;
import org.crm4j.customer.CustomerId;

/**
 * The customers a campaign opens leads on (R17, R19): an explicit list, or every active customer
 * matching a criteria tree that the actor may open, evaluated by the store.
 */
public sealed interface LeadTargets permits LeadTargets.Listed, LeadTargets.Matching {

    /**
     * @param customers the customers, each once (repeats are dropped), at least one
     * @return the listed customers
     */
    static LeadTargets customers(List<CustomerId> customers) {
        return new Listed(customers);
    }

    /**
     * @param where the criteria, evaluated in the store with the actor's need-to-know
     * @return every active customer the actor may open that matches
     */
    static LeadTargets matching(Criterion where) {
        return new Matching(where);
    }

    /**
     * An explicit list of customers; unknown, archived ones and ones the actor may not open are
     * refused before anything is written.
     *
     * @param ids the customers, in order, without repeats
     */
    record Listed(List<CustomerId> ids) implements LeadTargets {
        /** @throws ValidationException when the list is empty or holds a null */
        public Listed {
            ValidationException.requireNonNull(ids, "targets");
            List<CustomerId> copy = new ArrayList<>();
            for (CustomerId id : ids) {
                copy.add(ValidationException.requireNonNull(id, "targets[" + copy.size() + "]"));
            }
            if (copy.isEmpty()) {
                throw new ValidationException("targets", "NotEmpty", "name at least one customer");
            }
            ids = List.copyOf(new LinkedHashSet<>(copy));
        }
    }

    /**
     * Every active customer matching a criteria tree that the actor may open.
     *
     * @param where the criteria
     */
    record Matching(Criterion where) implements LeadTargets {
        /** @throws ValidationException when the criteria are null */
        public Matching {
            ValidationException.requireNonNull(where, "where");
        }
    }
}
