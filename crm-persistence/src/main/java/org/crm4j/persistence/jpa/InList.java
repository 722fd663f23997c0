package org.crm4j.persistence.jpa;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.query.CommonQueryContract;

/**
 * Binds a collection-valued parameter of an HQL query ({@code x in :owners}) as single-valued
 * parameters ({@code x in (:owners_0, :owners_1, ...)}, and {@code x = :owners_0} for one value:
 * Hibernate takes a lone parameter in parentheses for a list again).
 *
 * <p>Hibernate translates a query that has a multi-valued parameter to SQL again on every execution
 * (its plan cache leaves such queries out). Need-to-know puts the actor's owner set into nearly
 * every read, so that cost was everywhere: the customer card of a salesperson took 5 to 10 times as
 * long as an administrator's, whose reads have no owner list (measured with crm-benchmarks'
 * {@code CardBenchmark} and a profiler). Expanded, a query is one cached plan per size class: the
 * number of values is padded to the next power of two by repeating the last value (a repeated value
 * does not change an {@code in}). Collections longer than {@link #MAX} stay one multi-valued
 * parameter.
 *
 * <p>Need-to-know's owner list is the parameter named {@link #OWNERS}. On a database whose planner
 * {@linkplain Lists#FILTERED cannot weigh a long list}, a list of more than {@link #LONG} owners is
 * written so that it filters rows and never picks the index.
 */
final class InList {
    /** The longest collection that is expanded. */
    static final int MAX = 1024;
    /**
     * The name of need-to-know's owner list in the stores' queries. It is only ever used as
     * {@code path in :owners} in an AND (or in an OR of such tests), never under a NOT: the filtered
     * form {@code coalesce(path, '') in (...)} is false, not unknown, for a null owner, which is the
     * same only where the test is used positively. A {@code not in :owners} is left indexed.
     */
    static final String OWNERS = "owners";
    /** The longest owner list that may lead a database to an index. */
    static final int LONG = 16;

    /**
     * How a database is given a long owner list: by whether its planner weighs an {@code in} list
     * against the other conditions (the stores ask it for other lists too).
     */
    enum Lists {
        /** As an {@code in} list like any other, which the planner weighs against the other conditions. */
        INDEXED,
        /**
         * As an {@code in} list on an expression ({@code coalesce(c.ownerId, '') in (...)}), which
         * H2 evaluates row by row and never reads through the owner index. H2 plans a prepared
         * statement without its values, and for an {@code in} list on an indexed column it chose
         * that index over every other condition: a director who sees 111 owners had each page of a
         * customer list by creation read every customer through the owner index and sort them all
         * (2 s a page of 500 on crm-benchmarks' {@code large} set, 0.08 s as a filter on the
         * creation index), and a campaign's lead funnel read the leads of every campaign. A list
         * this long is a large share of the customers, for which a scan in the order asked is the
         * plan anyway; a short one (a salesperson, a team) still goes through the index.
         */
        FILTERED
    }

    /** The pattern per parameter name (a handful of names). */
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    /** Expanded queries, by query, name and size; emptied when it grows past {@link #CACHED}. */
    private static final Map<Expansion, String> EXPANDED = new ConcurrentHashMap<>();
    private static final int CACHED = 4096;

    private record Expansion(String hql, String name, int size, boolean filtered) {
    }

    private InList() {
    }

    /**
     * @param hql a query
     * @param name a collection parameter's name, without the colon
     * @param values its values
     * @return the query with the parameter expanded for that many values (unchanged when it does
     *     not contain the parameter, or the collection is empty or longer than {@link #MAX})
     */
    static String expand(String hql, String name, Collection<?> values) {
        return expand(hql, name, values, Lists.INDEXED);
    }

    /**
     * @param hql a query
     * @param name a collection parameter's name, without the colon
     * @param values its values
     * @param lists how the database is given a long owner list ({@link #OWNERS})
     * @return the query with the parameter expanded, as {@link #expand(String, String, Collection)}
     */
    static String expand(String hql, String name, Collection<?> values, Lists lists) {
        int size = padded(values.size());
        if (size == 0) {
            return hql;
        }
        boolean filtered = lists == Lists.FILTERED && name.equals(OWNERS) && values.size() > LONG;
        Expansion key = new Expansion(hql, name, size, filtered);
        String expanded = EXPANDED.get(key);
        if (expanded == null) {
            if (EXPANDED.size() >= CACHED) {
                EXPANDED.clear();
            }
            expanded = rewrite(hql, name, size, filtered);
            EXPANDED.put(key, expanded);
        }
        return expanded;
    }

    private static String rewrite(String hql, String name, int size, boolean filtered) {
        Matcher matcher = pattern(name).matcher(hql);
        StringBuilder out = new StringBuilder(hql.length() + 16 * size);
        while (matcher.find()) {
            boolean negated = matcher.group(2) != null;
            StringBuilder replacement = new StringBuilder();
            if (filtered && !negated) {
                // '' is no user's id, so a customer without an owner stays out as it did
                replacement.append("coalesce(").append(matcher.group(1)).append(", '') ");
            } else {
                replacement.append(matcher.group(1)).append(' ');
            }
            if (size == 1) {
                // "in (:p)" would make Hibernate treat :p as a list again, and leave the plan uncached
                replacement.append(negated ? "<> :" : "= :").append(name).append("_0");
            } else {
                replacement.append(negated ? "not in (" : "in (");
                for (int i = 0; i < size; i++) {
                    replacement.append(i == 0 ? ":" : ", :").append(name).append('_').append(i);
                }
                replacement.append(')');
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.toString()));
        }
        return matcher.appendTail(out).toString();
    }

    /**
     * Binds the values to a query made from {@link #expand}'s result.
     *
     * @param query the query
     * @param name the parameter's name
     * @param values its values
     * @return the query
     */
    static <Q extends CommonQueryContract> Q bind(Q query, String name, Collection<?> values) {
        int size = padded(values.size());
        if (size == 0) {
            query.setParameterList(name, values);
            return query;
        }
        Iterator<?> it = values.iterator();
        Object last = null;
        for (int i = 0; i < size; i++) {
            if (it.hasNext()) {
                last = it.next();
            }
            query.setParameter(name + "_" + i, last);
        }
        return query;
    }

    /**
     * {@link #expand}s every collection-valued parameter of a query built with its parameters in a
     * map (the other values are left alone).
     *
     * @param hql a query
     * @param parameters its parameters' values by name
     * @return the query with each collection parameter expanded
     */
    static String expandAll(String hql, Map<String, ?> parameters) {
        return expandAll(hql, parameters, Lists.INDEXED);
    }

    /**
     * @param hql a query
     * @param parameters its parameters' values by name
     * @param lists how the database is given a long owner list ({@link #OWNERS})
     * @return the query with each collection parameter expanded
     */
    static String expandAll(String hql, Map<String, ?> parameters, Lists lists) {
        String expanded = hql;
        for (Map.Entry<String, ?> p : parameters.entrySet()) {
            if (p.getValue() instanceof Collection<?> values) {
                expanded = expand(expanded, p.getKey(), values, lists);
            }
        }
        return expanded;
    }

    /**
     * Binds every parameter to a query made from {@link #expandAll}'s result: collections as
     * {@link #bind} does, the other values as they are.
     *
     * @param query the query
     * @param parameters its parameters' values by name
     * @return the query
     */
    static <Q extends CommonQueryContract> Q bindAll(Q query, Map<String, ?> parameters) {
        parameters.forEach((name, value) -> {
            if (value instanceof Collection<?> values) {
                bind(query, name, values);
            } else {
                query.setParameter(name, value);
            }
        });
        return query;
    }

    /** @return the next power of two at or above the size, or 0 when the list stays as it is */
    private static int padded(int size) {
        if (size == 0 || size > MAX) {
            return 0;
        }
        return size == 1 ? 1 : Integer.highestOneBit(size - 1) << 1;
    }

    private static Pattern pattern(String name) {
        return PATTERNS.computeIfAbsent(name, InList::compile);
    }

    private static Pattern compile(String name) {
        String parameter = "(?:\\(\\s*:" + Pattern.quote(name) + "\\s*\\)|:" + Pattern.quote(name) + ")(?![A-Za-z0-9_])";
        // the operand before "in" is a path (c.ownerId, c.owner_id), kept to wrap it for a filter
        return Pattern.compile("(?i)\\b((?!not\\b)[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*)\\s+"
                + "(not\\s+)?in\\s*" + parameter);
    }
}
