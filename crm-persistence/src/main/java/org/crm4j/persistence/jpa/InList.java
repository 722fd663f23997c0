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
 */
final class InList {
    /** The longest collection that is expanded. */
    static final int MAX = 1024;

    /** The pattern per parameter name (a handful of names). */
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    /** Expanded queries, by query, name and size; emptied when it grows past {@link #CACHED}. */
    private static final Map<Expansion, String> EXPANDED = new ConcurrentHashMap<>();
    private static final int CACHED = 4096;

    private record Expansion(String hql, String name, int size) {
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
        int size = padded(values.size());
        if (size == 0) {
            return hql;
        }
        Expansion key = new Expansion(hql, name, size);
        String expanded = EXPANDED.get(key);
        if (expanded == null) {
            if (EXPANDED.size() >= CACHED) {
                EXPANDED.clear();
            }
            expanded = rewrite(hql, name, size);
            EXPANDED.put(key, expanded);
        }
        return expanded;
    }

    private static String rewrite(String hql, String name, int size) {
        Matcher matcher = pattern(name).matcher(hql);
        StringBuilder out = new StringBuilder(hql.length() + 16 * size);
        while (matcher.find()) {
            boolean negated = matcher.group(1) != null;
            StringBuilder replacement = new StringBuilder();
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
        String expanded = hql;
        for (Map.Entry<String, ?> p : parameters.entrySet()) {
            if (p.getValue() instanceof Collection<?> values) {
                expanded = expand(expanded, p.getKey(), values);
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
        return Pattern.compile("(?i)\\b(not\\s+)?in\\s*" + parameter);
    }
}
