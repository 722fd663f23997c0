package org.crm4j.activity;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where the service standards are not met ({@link ServiceStandards#notMet}), by salesperson.
 *
 * @param since the start of the period judged
 * @param asOf the end of the period, and the moment contacts are judged at
 * @param shortfalls every shortfall, by salesperson, then kind, then standard
 */
public record ShortfallReport(Instant since, Instant asOf, List<Shortfall> shortfalls) {

    /** Copies the list. */
    public ShortfallReport {
        shortfalls = List.copyOf(shortfalls);
    }

    /** @return the shortfalls of each salesperson, by salesperson id */
    public SortedMap<String, List<Shortfall>> bySalesperson() {
        return shortfalls.stream().collect(Collectors.groupingBy(Shortfall::salespersonId, TreeMap::new,
                Collectors.toUnmodifiableList()));
    }

    /**
     * @param salespersonId a salesperson
     * @param kind a kind of shortfall
     * @return that salesperson's cases of that kind, over every standard
     */
    public long cases(String salespersonId, ShortfallKind kind) {
        return shortfalls.stream().filter(s -> s.salespersonId().equals(salespersonId) && s.kind() == kind)
                .mapToLong(Shortfall::cases).sum();
    }
}
