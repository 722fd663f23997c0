package org.crm4j.mailing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.crm4j.ValidationException;
import org.crm4j.customer.Criterion;

/**
 * Who a mailing goes to: the contact persons of a segment of customers, or employees.
 * Build one with {@link #segment}, {@link #employees} or {@link #teamOf}.
 */
public sealed interface Audience permits Audience.Segment, Audience.Employees, Audience.TeamOf {

    /** @return whether it addresses customers' contact persons (who must have consented) */
    boolean customers();

    /**
     * @param where the customers, evaluated when sending starts with the need-to-know of the
     *     mailing's owner; null for all active customers the owner may open
     * @return the contact persons with an e-mail address of those customers
     */
    static Audience segment(Criterion where) {
        return new Segment(where);
    }

    /**
     * @param userIds employees' ids, as the user directory knows them
     * @return those employees
     */
    static Audience employees(String... userIds) {
        ValidationException.requireNonNull(userIds, "audience.userIds");
        return new Employees(Arrays.asList(userIds));
    }

    /**
     * @param managerId a manager's id
     * @return the employees who report directly to the manager when sending starts
     */
    static Audience teamOf(String managerId) {
        return new TeamOf(managerId);
    }

    /**
     * The contact persons of the customers that match the criteria.
     *
     * @param where the criteria, or null for all active customers the owner may open
     */
    record Segment(Criterion where) implements Audience {
        @Override
        public boolean customers() {
            return true;
        }
    }

    /**
     * Listed employees.
     *
     * @param userIds 1 to 10,000 distinct user ids, without line breaks
     */
    record Employees(List<String> userIds) implements Audience {
        /** @throws ValidationException when the list is empty, too long or has blank ids */
        public Employees {
            List<String> clean = new ArrayList<>();
            if (userIds != null) {
                for (String id : userIds) {
                    if (id == null || id.isBlank() || id.strip().length() > 100 || id.contains("\n")
                            || id.contains("\r")) {
                        throw new ValidationException("audience.userIds", "UserId", "'" + id
                                + "' is no user id (1 to 100 characters on one line)");
                    }
                    clean.add(id.strip());
                }
            }
            if (clean.isEmpty() || clean.size() > 10_000) {
                throw new ValidationException("audience.userIds", "Size", "needs 1 to 10000 user ids");
            }
            userIds = List.copyOf(new LinkedHashSet<>(clean));
        }

        @Override
        public boolean customers() {
            return false;
        }
    }

    /**
     * The employees who report directly to a manager.
     *
     * @param managerId the manager
     */
    record TeamOf(String managerId) implements Audience {
        /** @throws ValidationException when the id is blank */
        public TeamOf {
            if (managerId == null || managerId.isBlank()) {
                throw new ValidationException("audience.managerId", "NotBlank", "a team needs its manager");
            }
            managerId = managerId.strip();
        }

        @Override
        public boolean customers() {
            return false;
        }
    }
}
