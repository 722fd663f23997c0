package org.crm4j.persistence.jpa;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crm4j.lead.DuplicateMatch;
import org.crm4j.lead.MatchReason;
import org.crm4j.store.DuplicateKeys;
import org.crm4j.store.DuplicateQuery;
import org.crm4j.store.Visibility;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

/**
 * The two statements of the duplicate check, in SQL that H2 and PostgreSQL both speak. Each
 * compares only the keys the prospect has (as bind parameters, on indexed columns), gives each
 * matching row a 0/1 flag per reason, orders by the score {@link DuplicateMatch#scoreOf} gives
 * those flags and is limited, so the database returns the best few, never every row sharing a
 * common name.
 */
final class DuplicateSql {
    private DuplicateSql() {
    }

    /**
     * @param query the keys
     * @return the customers sharing a key; columns id, name, tax_id, city, owner_id, t, e, p, n
     */
    static String customers(DuplicateQuery query, NeedToKnow ntk) {
        boolean channels = !ntk.nothing();
        String ownerJoin = ntk.everything() ? "" : " join crm_customer o on o.id = k.customer_id and "
                + ntk.nativeCustomerDetails("o");
        StringBuilder union = new StringBuilder();
        if (query.taxId() != null) {
            branch(union, "select id, 1 t, 0 e, 0 p, 0 n from crm_customer where tax_id = :tax");
        }
        if (query.nameKey() != null) {
            branch(union, "select id, 0 t, 0 e, 0 p, 1 n from crm_customer where match_key = :name");
        }
        String contacts = " from crm_contact_channel ch join crm_contact k on k.id = ch.contact_id" + ownerJoin;
        if (query.email() != null && channels) {
            branch(union, "select k.customer_id id, 0 t, 1 e, 0 p, 0 n" + contacts + " where ch.match_key = :email");
        }
        if (query.phone() != null && channels) {
            branch(union, "select k.customer_id id, 0 t, 0 e, 1 p, 0 n" + contacts + " where ch.match_key = :phone");
        }
        if (union.isEmpty()) {
            return null;
        }
        return "select c.id, c.name, c.tax_id, c.city, c.owner_id, m.t, m.e, m.p, m.n from ("
                + "select x.id, max(x.t) t, max(x.e) e, max(x.p) p, max(x.n) n from (" + union + ") x group by x.id"
                + ") m join crm_customer c on c.id = m.id order by " + score(query, "m") + " desc, c.id";
    }

    /**
     * @param query the keys
     * @return the open leads sharing a key; columns id, name, tax_id, city, owner_id, t, e, p, n,
     *     the details null for leads outside the visibility
     */
    static String leads(DuplicateQuery query, NeedToKnow ntk) {
        String shown = ntk.nothing() ? "1 = 0" : ntk.nativeRecord("l.customer_id", "l.owner_id");
        StringBuilder any = new StringBuilder();
        String t = flag(any, query.taxId(), "l.prospect_tax_id = :tax");
        // a contact channel is a detail: an invisible lead is never matched by it, so that nobody
        // learns through the check whose e-mail address or phone a lead holds
        String e = flag(any, query.email(), "l.email_key = :email and " + shown);
        String p = flag(any, query.phone(), "l.prospect_phone = :phone and " + shown);
        String n = flag(any, query.nameKey(), "l.name_key = :name");
        return "select s.* from (select l.id,"
                + " case when " + shown + " then coalesce(l.prospect_company, l.prospect_person) end name,"
                + " case when " + shown + " then l.prospect_tax_id end tax_id,"
                + " case when " + shown + " then l.prospect_city end city,"
                + " case when " + shown + " then l.owner_id end owner_id,"
                + " " + t + " t, " + e + " e, " + p + " p, " + n + " n"
                + " from crm_lead l where l.status in ('NEW', 'CONTACTED', 'QUALIFIED') and (" + any + ")) s"
                + " order by " + score(query, "s") + " desc, s.id";
    }

    /**
     * A statement with its list parameters.
     *
     * @param sql the statement
     * @param parameters the value lists by name
     */
    record Keys(String sql, Map<String, Collection<?>> parameters) {
    }

    /**
     * @param keys the keys of many prospects
     * @return one statement telling which of them some customer has (columns: the kind of key,
     *     {@code t}, {@code n}, {@code e} or {@code p}, and the key), on the indexed key columns;
     *     null when there is nothing to ask
     */
    static Keys presentKeys(DuplicateKeys keys, NeedToKnow ntk) {
        boolean channels = !ntk.nothing();
        String ownerJoin = ntk.everything() ? "" : " join crm_customer o on o.id = k.customer_id and "
                + ntk.nativeCustomerDetails("o");
        String contacts = " from crm_contact_channel ch join crm_contact k on k.id = ch.contact_id" + ownerJoin;
        StringBuilder union = new StringBuilder();
        Map<String, Collection<?>> parameters = new LinkedHashMap<>();
        if (!keys.taxIds().isEmpty()) {
            branch(union, "select distinct 't' kind, tax_id kv from crm_customer where tax_id in (:tax)");
            parameters.put("tax", keys.taxIds());
        }
        if (!keys.nameKeys().isEmpty()) {
            branch(union, "select distinct 'n' kind, match_key kv from crm_customer where match_key in (:name)");
            parameters.put("name", keys.nameKeys());
        }
        if (channels && !keys.emails().isEmpty()) {
            branch(union, "select distinct 'e' kind, ch.match_key kv" + contacts + " where ch.match_key in (:email)");
            parameters.put("email", keys.emails());
        }
        if (channels && !keys.phones().isEmpty()) {
            branch(union, "select distinct 'p' kind, ch.match_key kv" + contacts + " where ch.match_key in (:phone)");
            parameters.put("phone", keys.phones());
        }
        if (union.isEmpty()) {
            return null;
        }
        return new Keys(union.toString(), parameters);
    }

    /** Sets the keys the statement uses on a query made from it. */
    private static <T> NativeQuery<T> bind(NativeQuery<T> q, DuplicateQuery query, String sql) {
        bindIf(q, sql, "tax", query.taxId());
        bindIf(q, sql, "email", query.email());
        bindIf(q, sql, "phone", query.phone());
        bindIf(q, sql, "name", query.nameKey());
        return q.setMaxResults(query.limit());
    }

    /**
     * @param ntk the need-to-know the statement was made with
     * @param sql a statement made here
     * @param query its keys
     * @return its rows
     */
    static List<Object[]> rows(NeedToKnow ntk, String sql, DuplicateQuery query) {
        NativeQuery<Object[]> q = ntk.nativeSelect(sql, Object[].class)
                .addSynchronizedQuerySpace("crm_customer").addSynchronizedQuerySpace("crm_contact")
                .addSynchronizedQuerySpace("crm_contact_channel").addSynchronizedQuerySpace("crm_lead");
        return bind(q, query, sql).getResultList();
    }

    /**
     * @param row a row of either statement
     * @param query its keys
     * @return the reasons its flags (columns 5 to 8) stand for
     */
    static Set<MatchReason> reasons(Object[] row, DuplicateQuery query) {
        Set<MatchReason> reasons = EnumSet.noneOf(MatchReason.class);
        if (((Number) row[5]).intValue() == 1) {
            reasons.add(MatchReason.TAX_ID);
        }
        if (((Number) row[6]).intValue() == 1) {
            reasons.add(MatchReason.EMAIL);
        }
        if (((Number) row[7]).intValue() == 1) {
            reasons.add(MatchReason.PHONE);
        }
        if (((Number) row[8]).intValue() == 1) {
            reasons.add(query.nameReason());
        }
        return reasons;
    }

    private static void branch(StringBuilder union, String select) {
        if (!union.isEmpty()) {
            union.append(" union all ");
        }
        union.append(select);
    }

    private static String flag(StringBuilder any, String key, String condition) {
        if (key == null) {
            return "0";
        }
        if (!any.isEmpty()) {
            any.append(" or ");
        }
        any.append(condition);
        return "case when " + condition + " then 1 else 0 end";
    }

    /** {@link DuplicateMatch#scoreOf} in SQL: the highest weight of the flags plus the bonus per further flag, at most 100. */
    private static String score(DuplicateQuery query, String alias) {
        int nameWeight = query.nameReason() == null ? 0 : query.nameReason().weight();
        String a = alias + ".";
        return "least(100, greatest(" + a + "t * " + MatchReason.TAX_ID.weight() + ", " + a + "e * "
                + MatchReason.EMAIL.weight() + ", " + a + "p * " + MatchReason.PHONE.weight() + ", " + a + "n * "
                + nameWeight + ") + " + DuplicateMatch.BONUS + " * (" + a + "t + " + a + "e + " + a + "p + " + a
                + "n - 1))";
    }

    private static void bindIf(NativeQuery<?> q, String sql, String name, String value) {
        if (value != null && sql.contains(":" + name)) {
            q.setParameter(name, value);
        }
    }
}
