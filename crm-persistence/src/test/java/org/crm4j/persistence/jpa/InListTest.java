package org.crm4j.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.hibernate.query.CommonQueryContract;
import org.junit.jupiter.api.Test;

/**
 * The rewriting of collection parameters into single-valued ones. A query that keeps a
 * multi-valued parameter is translated by Hibernate on every execution, so these pin down that
 * every form the stores write is rewritten, and that nothing else is.
 */
class InListTest {
    private static final String HQL = "select c.id from Customer c where c.ownerId in :owners";

    @Test
    void oneValueIsAnEquality() {
        assertEquals("select c.id from Customer c where c.ownerId = :owners_0",
                InList.expand(HQL, "owners", List.of("ann")));
    }

    @Test
    void oneValueNotInIsAnInequality() {
        assertEquals("select c.id from Customer c where c.rating is null or c.rating <> :apart_0",
                InList.expand("select c.id from Customer c where c.rating is null or c.rating not in :apart",
                        "apart", List.of("A")));
        assertEquals("where x <> :p_0", InList.expand("where x NOT  IN (:p)", "p", List.of(1)));
    }

    @Test
    void threeValuesArePaddedToFourParameters() {
        assertEquals("select c.id from Customer c where c.ownerId in (:owners_0, :owners_1, :owners_2, :owners_3)",
                InList.expand(HQL, "owners", List.of("ann", "bob", "cid")));
        Map<String, Object> bound = bind("owners", List.of("ann", "bob", "cid"));
        assertEquals(Map.of("owners_0", "ann", "owners_1", "bob", "owners_2", "cid", "owners_3", "cid"), bound);
    }

    @Test
    void sizesArePaddedToPowersOfTwo() {
        assertEquals(1, parameters(InList.expand(HQL, "owners", values(1))));
        assertEquals(2, parameters(InList.expand(HQL, "owners", values(2))));
        assertEquals(8, parameters(InList.expand(HQL, "owners", values(5))));
        assertEquals(8, parameters(InList.expand(HQL, "owners", values(8))));
        assertEquals(16, parameters(InList.expand(HQL, "owners", values(9))));
        assertEquals(InList.MAX, parameters(InList.expand(HQL, "owners", values(InList.MAX))));
        assertEquals(InList.MAX, bind("owners", values(InList.MAX)).size());
    }

    @Test
    void parenthesizedParameter() {
        assertEquals("select id from crm_customer where owner_id = :owners_0",
                InList.expand("select id from crm_customer where owner_id in (:owners)", "owners", List.of("ann")));
        assertEquals("where r.status in (:open_0, :open_1) or r.status = :claimed",
                InList.expand("where r.status in ( :open ) or r.status = :claimed", "open", List.of("P", "F")));
    }

    @Test
    void aLongerNameWithTheSamePrefixIsNotTouched() {
        String hql = "where a.ownerId in :ownersOfX and b.ownerId in :owners_x and c.ownerId in :owners";
        assertEquals("where a.ownerId in :ownersOfX and b.ownerId in :owners_x and c.ownerId = :owners_0",
                InList.expand(hql, "owners", List.of("ann")));
        assertEquals("where c.p1 in (:p1_0, :p1_1) and c.p10 in :p10",
                InList.expand("where c.p1 in :p1 and c.p10 in :p10", "p1", List.of(1, 2)));
    }

    @Test
    void otherUsesOfTheNameAreNotTouched() {
        // only "in :p" is a list; a word ending in "in" ("join") is no "in"
        assertEquals("where a.x = :owners join (:owners)",
                InList.expand("where a.x = :owners join (:owners)", "owners", List.of("ann")));
        assertEquals("where f.opportunityId in (select o.id from Opportunity o where o.ownerId = :owners_0)",
                InList.expand("where f.opportunityId in (select o.id from Opportunity o where o.ownerId in :owners)",
                        "owners", List.of("ann")));
    }

    @Test
    void anEmptyListIsLeftAsAList() {
        assertSame(HQL, InList.expand(HQL, "owners", List.of()));
        List<String> lists = new ArrayList<>();
        InList.bind(recorder(new LinkedHashMap<>(), lists), "owners", List.of());
        assertEquals(List.of("owners"), lists);
    }

    @Test
    void moreThanTheMaximumIsLeftAsAList() {
        assertSame(HQL, InList.expand(HQL, "owners", values(InList.MAX + 1)));
        Map<String, Object> single = new LinkedHashMap<>();
        List<String> lists = new ArrayList<>();
        InList.bind(recorder(single, lists), "owners", values(InList.MAX + 1));
        assertEquals(List.of("owners"), lists);
        assertTrue(single.isEmpty());
    }

    @Test
    void everyOccurrenceIsRewritten() {
        String hql = "select c from Campaign c where (c.ownerId in :owners or c.productManagerId in (:owners))"
                + " and exists (select 1 from Lead l where l.ownerId in :owners)";
        String expanded = InList.expand(hql, "owners", List.of("ann", "bob"));
        assertEquals("select c from Campaign c where (c.ownerId in (:owners_0, :owners_1)"
                + " or c.productManagerId in (:owners_0, :owners_1))"
                + " and exists (select 1 from Lead l where l.ownerId in (:owners_0, :owners_1))", expanded);
        assertFalse(Pattern.compile(":owners(?![_A-Za-z0-9])").matcher(expanded).find(), expanded);
    }

    @Test
    void theSameQueryAndSizeGiveTheSameText() {
        // one text per size class is what lets Hibernate keep one plan for it
        assertEquals(InList.expand(HQL, "owners", List.of("a", "b", "c")),
                InList.expand(HQL, "owners", List.of("x", "y", "z", "w")));
    }

    @Test
    void expandAllAndBindAllTakeEveryCollection() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("p0", "ACTIVE");
        parameters.put("p1", List.of("ann", "bob", "cid"));
        parameters.put("p2", List.of("Berlin"));
        parameters.put("p3", List.of());
        String hql = InList.expandAll("where c.status = :p0 and c.ownerId in :p1 and c.city in (:p2)"
                + " and c.kind in :p3", parameters);
        assertEquals("where c.status = :p0 and c.ownerId in (:p1_0, :p1_1, :p1_2, :p1_3) and c.city = :p2_0"
                + " and c.kind in :p3", hql);
        Map<String, Object> single = new LinkedHashMap<>();
        List<String> lists = new ArrayList<>();
        InList.bindAll(recorder(single, lists), parameters);
        assertEquals(List.of("p0", "p1_0", "p1_1", "p1_2", "p1_3", "p2_0"), List.copyOf(single.keySet()));
        assertEquals(List.of("p3"), lists);
    }

    private static List<Integer> values(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    private static int parameters(String hql) {
        Matcher m = Pattern.compile(":owners_\\d+").matcher(hql);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static Map<String, Object> bind(String name, Collection<?> values) {
        Map<String, Object> single = new LinkedHashMap<>();
        InList.bind(recorder(single, new ArrayList<>()), name, values);
        return single;
    }

    @Test
    void aLongOwnerListIsARowFilter_whereTheDatabaseCannotWeighIt() {
        String expanded = InList.expand(HQL, InList.OWNERS, values(InList.LONG + 1), InList.Lists.FILTERED);

        assertTrue(expanded.startsWith("select c.id from Customer c where coalesce(c.ownerId, '') in (:owners_0, "),
                expanded);
        assertEquals(32, parameters(expanded));
    }

    @Test
    void aShortOwnerListStaysIndexed_asOnEveryOtherDatabase() {
        String plain = InList.expand(HQL, InList.OWNERS, values(InList.LONG), InList.Lists.INDEXED);

        assertEquals(plain, InList.expand(HQL, InList.OWNERS, values(InList.LONG), InList.Lists.FILTERED));
        assertFalse(InList.expand(HQL, InList.OWNERS, values(100), InList.Lists.INDEXED).contains("coalesce"));
    }

    @Test
    void onlyTheOwnerListIsFiltered_andNeverANegatedOne() {
        assertFalse(InList.expand("where c.id in :ids", "ids", values(100), InList.Lists.FILTERED)
                .contains("coalesce"));
        String negated = InList.expand("where c.ownerId not in :owners", InList.OWNERS, values(100),
                InList.Lists.FILTERED);
        assertTrue(negated.startsWith("where c.ownerId not in (:owners_0, "), negated);
        String both = InList.expand("where (c.ownerId in :owners or c.productManagerId in :owners)", InList.OWNERS,
                values(20), InList.Lists.FILTERED);
        assertTrue(both.startsWith("where (coalesce(c.ownerId, '') in (:owners_0, "), both);
        assertTrue(both.contains(" or coalesce(c.productManagerId, '') in (:owners_0, "), both);
    }

    @Test
    void theFilteredAndTheIndexedFormAreCachedApart() {
        List<Integer> owners = values(40);
        String filtered = InList.expand(HQL, InList.OWNERS, owners, InList.Lists.FILTERED);
        String indexed = InList.expand(HQL, InList.OWNERS, owners, InList.Lists.INDEXED);

        assertFalse(filtered.equals(indexed));
        assertEquals(filtered, InList.expandAll(HQL, Map.of(InList.OWNERS, owners), InList.Lists.FILTERED));
        assertEquals(indexed, InList.expandAll(HQL, Map.of(InList.OWNERS, owners)));
    }

    /** A query that notes the single values and the names of the lists bound to it. */
    private static CommonQueryContract recorder(Map<String, Object> single, List<String> lists) {
        return (CommonQueryContract) Proxy.newProxyInstance(InListTest.class.getClassLoader(),
                new Class<?>[] {CommonQueryContract.class}, (proxy, method, args) -> {
                    if (method.getName().equals("setParameter") && args.length == 2 && args[0] instanceof String n) {
                        single.put(n, args[1]);
                    } else if (method.getName().equals("setParameterList") && args[0] instanceof String n) {
                        lists.add(n);
                    } else {
                        throw new UnsupportedOperationException(method.toString());
                    }
                    return proxy;
                });
    }
}
