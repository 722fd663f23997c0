package org.crm4j.benchmarks;

import java.util.Locale;

/**
 * The data sets of PERFORMANCE.md, generated deterministically (see {@link Generator}).
 */
public enum DataSet {
    /** 10k customers, 100k activities, 10k deals. */
    SMALL(10_000, 10, 1),
    /** 200k customers, 2M activities, 200k deals. */
    LARGE(200_000, 10, 1),
    /** 1M customers, 10M activities, 1M deals (PostgreSQL). */
    HUGE(1_000_000, 10, 1);

    /** Salespeople who own customers: each sees 1 % of them. */
    public static final int SALESPEOPLE = 100;
    /** Salespeople per team; each team has a manager. */
    public static final int TEAM_SIZE = 10;

    final int customers;
    final int activitiesPerCustomer;
    final int dealsPerCustomer;

    DataSet(int customers, int activitiesPerCustomer, int dealsPerCustomer) {
        this.customers = customers;
        this.activitiesPerCustomer = activitiesPerCustomer;
        this.dealsPerCustomer = dealsPerCustomer;
    }

    /** @return how many customers */
    public int customers() {
        return customers;
    }

    /**
     * @param name {@code small}, {@code large} or {@code huge}
     * @return the set
     */
    public static DataSet named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /**
     * @param i a salesperson's number, 0 to {@link #SALESPEOPLE} - 1
     * @return their user id
     */
    public static String salesperson(int i) {
        return String.format(Locale.ROOT, "sales%03d", i);
    }

    /**
     * @param team a team's number
     * @return its manager's user id
     */
    public static String manager(int team) {
        return String.format(Locale.ROOT, "manager%02d", team);
    }
}
