package org.crm4j.campaign;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crm4j.ValidationException;
import org.crm4j.customer.CustomerId;

/**
 * Who becomes responsible for each lead a campaign opens (R17). Every user named must be known
 * to the directory and visible to the actor (themselves or someone reporting to them); this is
 * checked before anything is written.
 */
public sealed interface Assignment permits Assignment.CustomerOwner, Assignment.RoundRobin, Assignment.TeamOf,
        Assignment.Mapped {

    /** @return each lead to the owner of its customer (the default) */
    static Assignment customerOwner() {
        return new CustomerOwner();
    }

    /**
     * @param userIds the salespeople, taking the leads in turn
     * @return a round robin over them
     */
    static Assignment roundRobin(List<String> userIds) {
        return new RoundRobin(userIds);
    }

    /**
     * @param managerId a manager
     * @return a round robin over the manager's direct reports, as the directory tells them
     */
    static Assignment teamOf(String managerId) {
        return new TeamOf(managerId);
    }

    /**
     * @param owners the salesperson for each customer named
     * @param fallback the policy for the others
     * @return an explicit mapping
     */
    static Assignment mapped(Map<CustomerId, String> owners, Assignment fallback) {
        return new Mapped(owners, fallback);
    }

    /** Each lead to the owner of its customer. */
    record CustomerOwner() implements Assignment {
    }

    /**
     * The leads in turn to each of a list of users.
     *
     * @param userIds the users, at least one
     */
    record RoundRobin(List<String> userIds) implements Assignment {
        /** @throws ValidationException when the list is empty */
        public RoundRobin {
            userIds = List.copyOf(ValidationException.requireNonNull(userIds, "assignment.userIds"));
            if (userIds.isEmpty()) {
                throw new ValidationException("assignment.userIds", "NotEmpty", "a round robin needs a user");
            }
        }
    }

    /**
     * The leads in turn to each direct report of a manager.
     *
     * @param managerId the manager
     */
    record TeamOf(String managerId) implements Assignment {
        /** @throws ValidationException when the manager is blank */
        public TeamOf {
            if (managerId == null || managerId.isBlank()) {
                throw new ValidationException("assignment.managerId", "NotBlank", "name the team's manager");
            }
        }
    }

    /**
     * An explicit salesperson per customer, another policy for customers not named.
     *
     * @param owners the salesperson per customer
     * @param fallback the policy for the others, not itself a mapping
     */
    record Mapped(Map<CustomerId, String> owners, Assignment fallback) implements Assignment {
        /** @throws ValidationException when the fallback is missing or itself a mapping */
        public Mapped {
            owners = Map.copyOf(new LinkedHashMap<>(ValidationException.requireNonNull(owners, "assignment.owners")));
            ValidationException.requireNonNull(fallback, "assignment.fallback");
            if (fallback instanceof Mapped) {
                throw new ValidationException("assignment.fallback", "NotMapped", "the fallback is no mapping");
            }
        }
    }
}
