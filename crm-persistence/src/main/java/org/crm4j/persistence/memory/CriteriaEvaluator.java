package org.crm4j.persistence.memory;

import java.util.Locale;
import org.crm4j.customer.Criterion;
import org.crm4j.customer.CustomerField;
import org.crm4j.customer.store.CustomerRecord;

/**
 * Evaluates a criteria tree on a customer with SQL's three-valued logic, so that the in-memory
 * store answers exactly as a database does: a comparison on a missing value is unknown
 * ({@code null}), {@code not(unknown)} is unknown, and only {@code TRUE} matches.
 */
final class CriteriaEvaluator {
    private CriteriaEvaluator() {
    }

    static boolean matches(Criterion criterion, CustomerRecord c) {
        return criterion == null || Boolean.TRUE.equals(eval(criterion, c));
    }

    private static Boolean eval(Criterion criterion, CustomerRecord c) {
        if (criterion instanceof Criterion.Compare cmp) {
            return compare(cmp, value(cmp.field(), c));
        }
        if (criterion instanceof Criterion.In in) {
            Object v = value(in.field(), c);
            return v == null ? null : in.values().contains(v);
        }
        if (criterion instanceof Criterion.TextMatch t) {
            return text(t, c);
        }
        if (criterion instanceof Criterion.HasTag t) {
            return c.tags().contains(t.tag());
        }
        if (criterion instanceof Criterion.InCategory k) {
            return c.categories().contains(k.category());
        }
        if (criterion instanceof Criterion.And and) {
            boolean unknown = false;
            for (Criterion part : and.parts()) {
                Boolean r = eval(part, c);
                if (Boolean.FALSE.equals(r)) {
                    return false;
                }
                unknown |= r == null;
            }
            return unknown ? null : true;
        }
        if (criterion instanceof Criterion.Or or) {
            boolean unknown = false;
            for (Criterion part : or.parts()) {
                Boolean r = eval(part, c);
                if (Boolean.TRUE.equals(r)) {
                    return true;
                }
                unknown |= r == null;
            }
            return unknown ? null : false;
        }
        Boolean r = eval(((Criterion.Not) criterion).part(), c);
        return r == null ? null : !r;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Boolean compare(Criterion.Compare cmp, Object v) {
        if (v == null) {
            return null;
        }
        return switch (cmp.op()) {
            case EQ -> v.equals(cmp.value());
            case NE -> !v.equals(cmp.value());
            case LT -> ((Comparable) v).compareTo(cmp.value()) < 0;
            case LE -> ((Comparable) v).compareTo(cmp.value()) <= 0;
            case GT -> ((Comparable) v).compareTo(cmp.value()) > 0;
            case GE -> ((Comparable) v).compareTo(cmp.value()) >= 0;
        };
    }

    private static Boolean text(Criterion.TextMatch t, CustomerRecord c) {
        Object v = t.field() == CustomerField.NAME ? c.nameKey() : value(t.field(), c);
        if (v == null) {
            return null;
        }
        String field = ((String) v).toLowerCase(Locale.ROOT);
        String text = t.text().toLowerCase(Locale.ROOT);
        return switch (t.mode()) {
            case EQUALS -> field.equals(text);
            case STARTS_WITH -> field.startsWith(text);
            case CONTAINS -> field.contains(text);
        };
    }

    static Object value(CustomerField field, CustomerRecord c) {
        return switch (field) {
            case NAME -> c.name();
            case TAX_ID -> c.taxId();
            case CITY -> c.city();
            case COUNTRY -> c.address() == null ? null : c.address().country();
            case OWNER -> c.ownerId();
            case STATUS -> c.status();
            case KIND -> c.kind();
            case INDUSTRY -> c.industry();
            case RATING -> c.rating();
            case CREATED_AT -> c.createdAt();
        };
    }
}
