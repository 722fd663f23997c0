package org.crm4j.persistence.jpa;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.util.Locale;
import org.crm4j.ConflictException;
import org.crm4j.CrmException;
import org.hibernate.StaleObjectStateException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.hibernate.exception.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates what Hibernate and JDBC throw into crm4j's exceptions, at the store's boundary: a
 * stale version and a broken unique rule become a {@link ConflictException}, anything else a
 * {@link CrmException}. crm4j's own exceptions pass unchanged.
 */
final class PersistenceExceptionConverter {
    private static final Logger LOG = LoggerFactory.getLogger(PersistenceExceptionConverter.class);
    /** SQLSTATE of a unique violation (SQL standard; H2 and PostgreSQL use it). */
    private static final String UNIQUE_VIOLATION = "23505";
    /** H2's error code for a lock it gave up waiting for ({@code LOCK_TIMEOUT_1}). */
    private static final int H2_LOCK_TIMEOUT = 50200;

    private PersistenceExceptionConverter() {
    }

    /**
     * @param failure what was thrown
     * @return the crm4j exception to throw instead
     */
    static CrmException translate(Throwable failure) {
        if (failure instanceof CrmException crm) {
            return crm;
        }
        // The original is not chained as the cause: no Hibernate or JDBC type may reach a caller,
        // not even through getCause(). Operators see it at DEBUG under this code.
        LOG.debug("CRM-JPA-010 Store failure translated for the caller", failure);
        String stale = staleRecord(failure);
        if (stale != null) {
            return new ConflictException(stale + " was changed by someone else; reload it and apply the change again");
        }
        String unique = brokenUniqueRule(failure);
        if (unique != null) {
            return new ConflictException(describeUniqueRule(unique));
        }
        if (lockNotGranted(failure)) {
            return new ConflictException("a concurrent writer held the record too long; try again");
        }
        return storeFailure(failure);
    }

    /**
     * A failure the caller cannot act on by input: a message in plain words with a stable code, the
     * SQL state's class and an incident id; never the driver's text, which carries SQL, table names
     * and bound values (customer data). The operator finds the incident in the log: one WARN line
     * without personal data, and the whole failure at DEBUG.
     */
    private static CrmException storeFailure(Throwable failure) {
        String incident = java.util.UUID.randomUUID().toString().substring(0, 8);
        String state = sqlState(failure);
        LOG.warn("CRM-JPA-020 Store failure, incident {}: SQL state {}, {}", incident, state == null ? "none" : state,
                failure.getClass().getName());
        LOG.debug("CRM-JPA-020 Incident {}", incident, failure);
        return new CrmException("The store could not do this: " + plainWords(state) + " (CRM-JPA-020, incident "
                + incident + ")");
    }

    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }

    /** @return what a class of SQL states means, in words a caller understands */
    private static String plainWords(String state) {
        if (state == null || state.length() < 2) {
            return "the database refused the operation";
        }
        return switch (state.substring(0, 2)) {
            case "08" -> "the connection to the database failed";
            case "22" -> "a value does not fit what the database keeps";
            case "23" -> "a rule of the database is broken";
            case "40" -> "the database rolled the transaction back; try again";
            case "53" -> "the database ran out of resources";
            case "57" -> "the database stopped the operation";
            default -> "the database refused the operation";
        };
    }

    /**
     * @param failure any failure of the persistence technology
     * @return its message, with the innermost cause's message and the SQL state when there is one
     */
    static String describe(Throwable failure) {
        String message = rootMessage(failure);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return message + " [SQLState " + s.getSQLState() + "]";
            }
        }
        return message;
    }

    /**
     * @param failure what was thrown
     * @param table a table name in lower case, e.g. {@code crm_external_ref}
     * @return whether it is a broken unique rule of that table
     */
    static boolean isUniqueViolationOn(Throwable failure, String table) {
        String rule = brokenUniqueRule(failure);
        return rule != null && rule.contains(table);
    }

    /**
     * @return whether the database gave up waiting for a lock another transaction held (H2's lock
     *     timeout, PostgreSQL's lock timeout or a detected deadlock)
     */
    private static boolean lockNotGranted(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && (s.getErrorCode() == H2_LOCK_TIMEOUT
                    || "55P03".equals(s.getSQLState()) || "40P01".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** @return which record was stale, e.g. {@code customer 42}, or null when none was */
    private static String staleRecord(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StaleObjectStateException s) {
                return kindOf(s.getEntityName()) + " " + s.getIdentifier();
            }
            if (t instanceof OptimisticLockException o && o.getEntity() != null) {
                return describeEntity(o.getEntity());
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                String deeper = t.getCause() == null ? null : staleRecord(t.getCause());
                return deeper == null ? "the record" : deeper;
            }
        }
        return null;
    }

    /**
     * @return the broken unique rule's constraint name or, when the driver does not tell it, the
     *     lower-cased error message (which names the table); null when no unique rule was broken
     */
    private static String brokenUniqueRule(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException c && c.getKind() == ConstraintKind.UNIQUE) {
                String name = c.getConstraintName();
                String message = c.getSQLException() == null ? "" : String.valueOf(c.getSQLException().getMessage());
                return ((name == null ? "" : name) + " " + message).toLowerCase(Locale.ROOT);
            }
            if (t instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) {
                return String.valueOf(s.getMessage()).toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static String describeUniqueRule(String rule) {
        if (rule.contains("crm_external_ref")) {
            return "an external reference belongs to another customer";
        }
        if (rule.contains("crm_event")) {
            return "an event with the same id is already in the outbox";
        }
        if (rule.contains("crm_customer_tag")) {
            return "a tag is given twice";
        }
        if (rule.contains("crm_customer_category")) {
            return "a category is given twice";
        }
        if (rule.contains("crm_contact_role")) {
            return "a role is given twice";
        }
        if (rule.contains("crm_offer_number_uk")) {
            return "another offer of the deal was drafted at the same time; try again";
        }
        if (rule.contains("crm_sales_order_offer_uk")) {
            return "the offer was turned into an order already";
        }
        if (rule.contains("crm_lead_campaign_customer_uk")) {
            return "the customer has a lead of this campaign already (opened at the same time)";
        }
        if (rule.contains("crm_first_contact_uk")) {
            return "the salesperson recorded this first contact with the customer already (recorded at the same"
                    + " time)";
        }
        if (rule.contains("crm_mailing_recipient_uk")) {
            return "a recipient of the mailing was written by a concurrent sending run";
        }
        if (rule.contains("crm_consent")) {
            return "the consent of the contact for this purpose was recorded at the same time; try again";
        }
        if (rule.contains("crm_unsubscription")) {
            return "the contact was unsubscribed at the same time";
        }
        if (rule.contains("crm_request_source_uk")) {
            return "a request with this source id was received already (received at the same time)";
        }
        if (rule.contains("crm_service_standard_uk")) {
            return "a service standard of this kind and scope was defined at the same time; try again";
        }
        // the rule's message holds the values that collided: name only a constraint of crm4j's own
        java.util.regex.Matcher name = java.util.regex.Pattern.compile("crm_[a-z0-9_]+").matcher(rule);
        return "a unique rule of the store is broken" + (name.find() ? " (" + name.group() + ")" : "");
    }

    private static String describeEntity(Object entity) {
        if (entity instanceof CustomerEntity c) {
            return "customer " + c.id;
        }
        if (entity instanceof ContactEntity c) {
            return "contact " + c.id;
        }
        return kindOf(entity.getClass().getName());
    }

    private static String kindOf(String entityName) {
        if (entityName == null) {
            return "record";
        }
        String simple = entityName.substring(entityName.lastIndexOf('.') + 1);
        if (simple.endsWith("Entity")) {
            simple = simple.substring(0, simple.length() - "Entity".length());
        }
        return simple.toLowerCase(Locale.ROOT);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String outer = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (root == failure || root.getMessage() == null || outer.contains(root.getMessage())) {
            return outer;
        }
        return outer + " (" + root.getMessage() + ")";
    }
}
