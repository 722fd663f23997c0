package org.crm4j.persistence.jpa;

import java.util.Map;
import org.crm4j.store.Visibility;
import org.hibernate.query.SelectionQuery;
import org.hibernate.query.sql.spi.NativeQueryImplementor;

/**
 * Need-to-know (R28) in the JPA adapter: the one place that turns an actor's {@link Visibility}
 * into the {@code WHERE} clause of a query. Every store method that reads on someone's behalf asks
 * it for its condition and makes its query through it; an architecture test fails the build when a
 * store reads a {@link Visibility} itself.
 *
 * <p>The rule, with <em>covers</em> meaning: is that user, one of their superiors up the line, or an
 * administrator ({@link Visibility#all()}):
 * <ul>
 * <li>a record that belongs to a customer (deal, offer, activity, request, lead, report row ...) is
 *     visible to whoever covers the customer's owner or the record's own owner:
 *     {@link #record(String, String)}, or {@link #recordOf(String, String)} when the customer is one
 *     parameter of the query;</li>
 * <li>a customer's details (its non-basic fields, contacts, notes, card) are readable by whoever
 *     covers its owner, or the owner of an open record on it (an open deal, an open lead, a planned
 *     activity): {@link #customerDetails(String)}; changing them needs the owner's line:
 *     {@link #customerLine(String)};</li>
 * <li>what is about a user rather than a customer (a salesperson's counts, a campaign of its owner
 *     or product manager): {@link #user(String)}.</li>
 * </ul>
 *
 * <p>The owners are one list parameter, {@code :owners}, which {@link InList} expands into single
 * parameters so that Hibernate caches the query's plan; a line of more than
 * {@link OwnerSets#LONGEST_LIST} people is read from a stored owner set ({@link OwnerSets}), one
 * parameter whatever its length.
 */
final class NeedToKnow {
    /** The parameter that carries the visible owners. */
    private static final String OWNERS = InList.OWNERS;
    private static final String TRUE = "1 = 1";

    private static final String OWNER_SET = "ownerSet";

    private final JpaTransaction tx;
    private final Visibility visibility;
    /** Whether the owners are too many for parameters and are read from a stored set. */
    private final boolean stored;
    /** The stored-set lookups written so far, each with its own alias. */
    private int sets;

    private NeedToKnow(JpaTransaction tx, Visibility visibility) {
        this.tx = tx;
        this.visibility = visibility;
        this.stored = !visibility.all() && visibility.owners().size() > OwnerSets.LONGEST_LIST;
    }

    /**
     * @param tx the transaction the query runs in
     * @param visibility what the actor may see
     * @return the conditions and queries for that actor
     */
    static NeedToKnow of(JpaTransaction tx, Visibility visibility) {
        return new NeedToKnow(tx, visibility);
    }

    /**
     * @param filter the need-to-know a search's rows are filtered by
     * @return whether it filters at all (a search of basic fields has everything as its filter)
     */
    static boolean filters(Visibility filter) {
        return !filter.all();
    }

    /** @return whether the actor sees everything (an administrator): the conditions are all true */
    boolean everything() {
        return visibility.all();
    }

    /**
     * @return whether the actor can see nothing at all (no owner is covered), so that a store may
     *     answer without asking the database
     */
    boolean nothing() {
        return !visibility.all() && visibility.owners().isEmpty();
    }

    /** @return whether the actor covers exactly one owner (themselves): a salesperson without reports */
    boolean oneOwner() {
        return !visibility.all() && visibility.owners().size() == 1;
    }

    /**
     * @param ownerPath the path of a user id, e.g. {@code f.salespersonId}
     * @return the condition that the actor covers that user
     */
    String user(String ownerPath) {
        return visibility.all() ? TRUE : ownerIn(ownerPath);
    }

    /**
     * @param customerIdPath the path of the record's customer id, e.g. {@code o.customerId}
     * @param ownerPath the path of the record's own owner, e.g. {@code o.ownerId}
     * @return the condition that the actor covers the customer's owner or the record's owner
     */
    String record(String customerIdPath, String ownerPath) {
        if (visibility.all()) {
            return TRUE;
        }
        return "(" + ownerIn(ownerPath) + " or " + customerIdPath
                + " in (select nk_c.id from Customer nk_c where " + ownerIn("nk_c.ownerId") + "))";
    }

    /**
     * For queries about the records of one customer, given as a parameter: the customer's owner
     * is then tested once, not per record.
     *
     * @param ownerPath the path of the record's own owner, e.g. {@code a.ownerId}
     * @param customerParameter the name of the parameter that holds the customer's id, e.g. {@code customer}
     * @return the condition that the actor covers that customer's owner or the record's owner
     */
    String recordOf(String ownerPath, String customerParameter) {
        if (visibility.all()) {
            return TRUE;
        }
        return "(" + ownRecord(ownerPath) + " or " + customerLineOf(customerParameter) + ")";
    }

    /**
     * The customer's line alone for one customer given as a parameter: with {@link #ownRecord}, the
     * two halves of {@link #recordOf}, for a statement that tests the customer once and the records'
     * own owners only when that fails.
     *
     * @param customerParameter the name of the parameter that holds the customer's id
     * @return the condition that the actor covers that customer's owner
     */
    String customerLineOf(String customerParameter) {
        if (visibility.all()) {
            return TRUE;
        }
        return "exists (select 1 from Customer nk_c where nk_c.id = :" + customerParameter + " and "
                + ownerIn("nk_c.ownerId") + ")";
    }

    /**
     * @param ownerPath the path of the record's own owner
     * @return the condition that the actor covers the record's own owner (the other half of
     *     {@link #recordOf}, with {@link #customerLineOf})
     */
    String ownRecord(String ownerPath) {
        return visibility.all() ? TRUE : ownerIn(ownerPath);
    }

    /**
     * @param customer the alias of a {@code Customer}
     * @return the condition that the actor may read the customer's details: they cover its owner or
     *     the owner of an open deal, an open lead or a planned activity on it
     */
    String customerDetails(String customer) {
        if (visibility.all()) {
            return TRUE;
        }
        return "(" + ownerIn(customer + ".ownerId")
                + " or exists (select 1 from Opportunity nk_o where nk_o.customerId = " + customer + ".id"
                + " and nk_o.status = org.crm4j.pipeline.OpportunityStatus.OPEN and " + ownerIn("nk_o.ownerId") + ")"
                + " or exists (select 1 from Lead nk_l where nk_l.customerId = " + customer + ".id"
                + " and nk_l.status in (org.crm4j.lead.LeadStatus.NEW, org.crm4j.lead.LeadStatus.CONTACTED,"
                + " org.crm4j.lead.LeadStatus.QUALIFIED) and " + ownerIn("nk_l.ownerId") + ")"
                + " or exists (select 1 from Activity nk_a where nk_a.customerId = " + customer + ".id"
                + " and nk_a.status = org.crm4j.activity.ActivityStatus.PLANNED and " + ownerIn("nk_a.ownerId") + "))";
    }

    /**
     * {@link #record} in native SQL.
     *
     * @param customerIdColumn the record's customer id column, e.g. {@code l.customer_id}
     * @param ownerColumn the record's owner column, e.g. {@code l.owner_id}
     * @return the condition
     */
    String nativeRecord(String customerIdColumn, String ownerColumn) {
        if (visibility.all()) {
            return TRUE;
        }
        return "(" + nativeOwnerIn(ownerColumn) + " or " + customerIdColumn
                + " in (select nk_c.id from crm_customer nk_c where " + nativeOwnerIn("nk_c.owner_id") + "))";
    }

    /**
     * The customer's line alone, for a record with no owner of its own (an event of the change
     * feed); a record about no customer only for those who see everything.
     *
     * @param customerIdPath the path of the record's customer id, e.g. {@code e.customerId}, which may be null
     * @return the condition that the actor covers the customer's owner
     */
    String customerOf(String customerIdPath) {
        if (visibility.all()) {
            return TRUE;
        }
        return customerIdPath + " in (select nk_c.id from Customer nk_c where " + ownerIn("nk_c.ownerId") + ")";
    }

    /**
     * {@link #recordOf} in native SQL: for the records of one customer given as a parameter, the
     * customer's line is one look-up by the customer's primary key, not a set of the line's customers.
     *
     * @param ownerColumn the record's own owner column, e.g. {@code d.salesperson_id}
     * @param customerParameter the name of the parameter that holds the customer's id
     * @return the condition
     */
    String nativeRecordOf(String ownerColumn, String customerParameter) {
        if (visibility.all()) {
            return TRUE;
        }
        return "(" + nativeOwnerIn(ownerColumn) + " or " + nativeCustomerLineOf(customerParameter) + ")";
    }

    /**
     * The customer's line alone for the records of one customer given as a parameter, in native SQL.
     *
     * @param customerParameter the name of the parameter that holds the customer's id
     * @return the condition
     */
    String nativeCustomerLineOf(String customerParameter) {
        if (visibility.all()) {
            return TRUE;
        }
        return "exists (select 1 from crm_customer nk_c where nk_c.id = :" + customerParameter + " and "
                + nativeOwnerIn("nk_c.owner_id") + ")";
    }

    /**
     * {@link #customerDetails} in native SQL.
     *
     * @param customer the alias of {@code crm_customer}
     * @return the condition
     */
    String nativeCustomerDetails(String customer) {
        if (visibility.all()) {
            return TRUE;
        }
        return "(" + nativeOwnerIn(customer + ".owner_id")
                + " or exists (select 1 from crm_opportunity nk_o where nk_o.customer_id = " + customer + ".id"
                + " and nk_o.status = 'OPEN' and " + nativeOwnerIn("nk_o.owner_id") + ")"
                + " or exists (select 1 from crm_lead nk_l where nk_l.customer_id = " + customer + ".id"
                + " and nk_l.status in ('NEW', 'CONTACTED', 'QUALIFIED') and " + nativeOwnerIn("nk_l.owner_id") + ")"
                + " or exists (select 1 from crm_activity nk_a where nk_a.customer_id = " + customer + ".id"
                + " and nk_a.status = 'PLANNED' and " + nativeOwnerIn("nk_a.owner_id") + "))";
    }

    /**
     * @param customer the alias of a {@code Customer}
     * @return an expression for the select list that is true when the actor covers its owner
     */
    String customerLineFlag(String customer) {
        return visibility.all() ? "true" : "case when " + ownerIn(customer + ".ownerId") + " then true else false end";
    }

    /**
     * @param customer the alias of a {@code Customer}
     * @return the condition that the actor covers the customer's owner (who may change it)
     */
    String customerLine(String customer) {
        return visibility.all() ? TRUE : ownerIn(customer + ".ownerId");
    }

    /**
     * Makes an HQL query whose conditions came from this object, with the owners bound.
     *
     * @param hql the query
     * @param type its result type
     * @param <T> the result type
     * @return the query; the caller sets its other parameters
     */
    <T> SelectionQuery<T> select(String hql, Class<T> type) {
        SelectionQuery<T> query = tx.session().createSelectionQuery(expand(hql), type);
        return bind(query, hql);
    }

    /**
     * Makes a native SQL query whose owner tests are written {@code column in (:owners)}, with the
     * owners bound.
     *
     * @param sql the statement
     * @param type its result type
     * @param <T> the result type
     * @return the query; the caller sets its other parameters
     */
    <T> NativeQueryImplementor<T> nativeSelect(String sql, Class<T> type) {
        @SuppressWarnings("unchecked")
        NativeQueryImplementor<T> query = (NativeQueryImplementor<T>) tx.session().createNativeQuery(expand(sql), type);
        return bind(query, sql);
    }

    /**
     * Makes a native SQL query that also has list parameters of its own (expanded by {@link InList}).
     *
     * @param sql the statement
     * @param type its result type
     * @param parameters the statement's other parameters by name
     * @param <T> the result type
     * @return the query with every parameter bound
     */
    <T> NativeQueryImplementor<T> nativeSelect(String sql, Class<T> type, Map<String, ?> parameters) {
        @SuppressWarnings("unchecked")
        NativeQueryImplementor<T> query = (NativeQueryImplementor<T>) tx.session()
                .createNativeQuery(InList.expandAll(expand(sql), parameters), type);
        return InList.bindAll(bind(query, sql), parameters);
    }

    /**
     * Makes an HQL query that also has list parameters of its own (expanded by {@link InList}).
     *
     * @param hql the query
     * @param type its result type
     * @param parameters the query's other parameters by name
     * @param <T> the result type
     * @return the query with every parameter bound
     */
    <T> SelectionQuery<T> select(String hql, Class<T> type, Map<String, ?> parameters) {
        SelectionQuery<T> query = tx.session().createSelectionQuery(InList.expandAll(expand(hql), parameters), type);
        return InList.bindAll(bind(query, hql), parameters);
    }

    /*
     * A stored owner set is asked one owner at a time, by its primary key: an "in (select ...)" of a
     * 40,000-member set was read whole for every row by H2, and hashed whole for every statement by
     * PostgreSQL (the head's first page of customers: seconds on H2, 36 ms on PostgreSQL, against
     * 0.2 ms by key).
     */
    private String ownerIn(String path) {
        if (!stored) {
            return path + " in :" + OWNERS;
        }
        String s = "nk_s" + (++sets);
        return "exists (select 1 from OwnerSet " + s + " where " + s + ".setId = :" + OWNER_SET + " and " + s
                + ".ownerId = " + path + ")";
    }

    private String nativeOwnerIn(String column) {
        if (!stored) {
            return column + " in (:" + OWNERS + ")";
        }
        String s = "nk_s" + (++sets);
        return "exists (select 1 from crm_owner_set " + s + " where " + s + ".set_id = :" + OWNER_SET + " and " + s
                + ".owner_id = " + column + ")";
    }

    private String expand(String query) {
        return visibility.all() || stored ? query : InList.expand(query, OWNERS, visibility.owners(), tx.lists());
    }

    private <Q extends org.hibernate.query.CommonQueryContract> Q bind(Q query, String text) {
        if (stored && text.contains(":" + OWNER_SET)) {
            query.setParameter(OWNER_SET, tx.ownerSet(visibility.owners()));
        } else if (!visibility.all() && text.contains(":" + OWNERS)) {
            InList.bind(query, OWNERS, visibility.owners());
        }
        return query;
    }
}
