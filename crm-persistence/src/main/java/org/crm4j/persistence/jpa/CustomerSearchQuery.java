package org.crm4j.persistence.jpa;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crm4j.CrmException;
import org.crm4j.customer.Criterion;
import org.crm4j.customer.CustomerField;
import org.crm4j.customer.CustomerSort;
import org.crm4j.customer.CustomerStatus;
import org.crm4j.store.CustomerRow;
import org.crm4j.store.CustomerSearch;
import org.crm4j.store.Keyset;

/**
 * Translates a {@link CustomerSearch} into one HQL query that projects straight into
 * {@link CustomerRow}s. Values are only ever bound as named parameters ({@code :p0, :p1 ...}, and
 * need-to-know's owner list as {@code :owners}, see {@link InList#OWNERS});
 * the query text is built from fixed fragments and the whitelisted attribute paths of
 * {@link CustomerField}, so no input can change its meaning.
 *
 * <p>The answers are those of the in-memory store: SQL's three-valued logic gives "a comparison
 * on a missing value never matches, nor does its negation"; text matches ignore case (the name
 * through its lower-case key column); keyset paging compares the row value
 * {@code (sort key, id)}, which databases answer with one index range scan.
 */
final class CustomerSearchQuery {
    /** The escape character of LIKE patterns; not a backslash, which some databases treat specially. */
    private static final char ESCAPE = '!';

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final String hql;

    /**
     * @param search the search; its visibility must not be an empty set of owners (which matches
     *     nothing and needs no query)
     */
    CustomerSearchQuery(CustomerSearch search, NeedToKnow ntk) {
        boolean filtered = NeedToKnow.filters(search.visibility());
        if (!search.includeArchived()) {
            conditions.add("c.status = " + bind(CustomerStatus.ACTIVE));
        }
        if (filtered && !ntk.everything()) {
            // the customers of the owners the actor covers, through the owner-led indexes (V16); those
            // shared with the actor through open work are opened by id, not found by a search (finding
            // them cheaply needs the shares kept in a table of their own)
            conditions.add(ntk.customerLine("c"));
        }
        if (search.where() != null) {
            conditions.add(translate(search.where()));
        }
        CustomerSort sort = search.sort();
        String key = sort.byName() ? "c.nameKey" : "c.createdAt";
        Keyset after = search.after();
        if (after != null && after.byRow()) {
            // the previous page's last row, whatever the actor may see of it: its sort value (a creation
            // time, a detail) is read once by the statement itself, so the token carries no value to compare
            // with; a search by name carries the name key, which everyone may find, and takes the branch below
            String id = bind(after.id());
            conditions.add("(" + key + ", c.id) " + (sort.descending() ? "<" : ">") + " ((select " + key.replace("c.", "k.")
                    + " from Customer k where k.id = " + id + "), " + id + ")");
        } else if (after != null) {
            Class<?> type = sort.byName() ? String.class : Instant.class;
            if (!type.isInstance(after.sortValue())) {
                throw new CrmException("A page token of a " + sort + " search needs a " + type.getSimpleName()
                        + " sort value, not " + after.sortValue());
            }
            conditions.add("(" + key + ", c.id) " + (sort.descending() ? "<" : ">") + " (" + bind(after.sortValue())
                    + ", " + bind(after.id()) + ")");
        }
        String direction = sort.descending() ? " desc" : " asc";
        StringBuilder q = new StringBuilder("select new ").append(CustomerRow.class.getName())
                .append("(c.id, c.name, c.taxId, c.address.city, c.ownerId, c.status, c.createdAt, ")
                // a row that passed the viewer's need-to-know is openable; else whether the viewer covers its owner
                .append(filtered ? "true" : ntk.customerLineFlag("c")).append(") from Customer c");
        if (!conditions.isEmpty()) {
            q.append(" where ").append(String.join(" and ", conditions));
        }
        q.append(" order by ");
        if (!search.includeArchived() && filtered && ntk.oneOwner()) {
            // one owner's active customers: the columns the equalities fix lead the order as they lead the
            // owner's indexes (V16), or H2 reads all of the owner's customers and sorts them for every page
            q.append("c.ownerId").append(direction).append(", c.status").append(direction).append(", ");
        }
        q.append(key).append(direction).append(", c.id").append(direction);
        hql = q.toString();
    }

    /** @return the query text */
    String hql() {
        return hql;
    }

    /** @return the values of the named parameters */
    Map<String, Object> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    private String translate(Criterion criterion) {
        if (criterion instanceof Criterion.Compare cmp) {
            return path(cmp.field()) + " " + operator(cmp.op()) + " " + bind(cmp.value());
        }
        if (criterion instanceof Criterion.In in) {
            return path(in.field()) + " in " + bind(in.values());
        }
        if (criterion instanceof Criterion.TextMatch text) {
            return textMatch(text);
        }
        if (criterion instanceof Criterion.HasTag tag) {
            return "exists (select 1 from c.tags t where t = " + bind(tag.tag()) + ")";
        }
        if (criterion instanceof Criterion.InCategory category) {
            return "exists (select 1 from c.categories k where k = " + bind(category.category()) + ")";
        }
        if (criterion instanceof Criterion.And and) {
            return join(and.parts(), " and ");
        }
        if (criterion instanceof Criterion.Or or) {
            return join(or.parts(), " or ");
        }
        return "not (" + translate(((Criterion.Not) criterion).part()) + ")";
    }

    private String join(List<Criterion> parts, String operator) {
        List<String> translated = new ArrayList<>(parts.size());
        for (Criterion part : parts) {
            translated.add(translate(part));
        }
        return "(" + String.join(operator, translated) + ")";
    }

    private String textMatch(Criterion.TextMatch match) {
        String column = match.field() == CustomerField.NAME ? "c.nameKey" : "lower(" + path(match.field()) + ")";
        String text = match.text().toLowerCase(Locale.ROOT);
        return switch (match.mode()) {
            case EQUALS -> column + " = " + bind(text);
            case STARTS_WITH -> column + " like " + bind(escapeLike(text) + "%") + " escape '" + ESCAPE + "'";
            case CONTAINS -> column + " like " + bind("%" + escapeLike(text) + "%") + " escape '" + ESCAPE + "'";
        };
    }

    private static String escapeLike(String text) {
        StringBuilder s = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ESCAPE || c == '%' || c == '_') {
                s.append(ESCAPE);
            }
            s.append(c);
        }
        return s.toString();
    }

    private static String operator(Criterion.Op op) {
        return switch (op) {
            case EQ -> "=";
            case NE -> "<>";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
        };
    }

    /** The whitelist: the only attribute paths a search can name. */
    private static String path(CustomerField field) {
        return switch (field) {
            case NAME -> "c.name";
            case TAX_ID -> "c.taxId";
            case CITY -> "c.address.city";
            case COUNTRY -> "c.address.country";
            case OWNER -> "c.ownerId";
            case STATUS -> "c.status";
            case KIND -> "c.kind";
            case INDUSTRY -> "c.industry";
            case RATING -> "c.rating";
            case CREATED_AT -> "c.createdAt";
        };
    }

    private String bind(Object value) {
        String name = "p" + parameters.size();
        parameters.put(name, value);
        return ":" + name;
    }
}
