package org.crm4j.persistence.jpa;

import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crm4j.lead.DuplicateMatch;
import org.crm4j.lead.store.LeadRecord;
import org.crm4j.lead.LeadStatus;
import org.crm4j.lead.MatchKind;
import org.crm4j.pipeline.OpportunityStatus;
import org.crm4j.store.DuplicateQuery;
import org.crm4j.store.LeadFunnelRow;
import org.crm4j.store.LeadStore;
import org.crm4j.store.Visibility;
import org.crm4j.store.WonRevenueRow;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;

/**
 * Leads in the JPA store. A lead is read with its contact attempts in one select; many new leads
 * are persisted together and flushed once, so that Hibernate sends them in JDBC batches (ids come
 * from the pooled sequence, one round trip per 50).
 */
final class JpaLeadStore implements LeadStore {
    private static final String WITH_ATTEMPTS = "select distinct l from Lead l left join fetch l.attempts left join fetch l.matches";

    private final JpaTransaction tx;

    JpaLeadStore(JpaTransaction tx) {
        this.tx = tx;
    }

    @Override
    public LeadRecord insert(LeadRecord lead) {
        return insertAll(List.of(lead)).get(0);
    }

    /** Inserts the leads with one JDBC batch per table (see {@link BulkInsert}), at once. */
    @Override
    public List<LeadRecord> insertAll(List<LeadRecord> leads) {
        if (leads.isEmpty()) {
            return List.of();
        }
        Session session = tx.writing();
        long[] ids = BulkInsert.pooledIds(session, "crm_lead_seq", leads.size());
        List<LeadEntity> entities = new ArrayList<>(leads.size());
        List<LeadRecord> out = new ArrayList<>(leads.size());
        for (int i = 0; i < leads.size(); i++) {
            LeadEntity entity = LeadEntity.of(leads.get(i));
            entity.id = ids[i];
            entity.version = 0;
            entities.add(entity);
            out.add(leads.get(i).withIdentity(ids[i], 0));
        }
        try {
            BulkInsert.leads(session, entities);
        } catch (RuntimeException e) {
            throw PersistenceExceptionConverter.translate(e);
        }
        return out;
    }

    @Override
    public LeadRecord update(LeadRecord lead) {
        LeadEntity entity = tx.writing().find(LeadEntity.class, lead.id());
        long version = tx.updateVersioned(entity, "lead " + lead.id(), lead.version(), e -> e.version,
                e -> e.copyFrom(lead), tx::flush);
        return lead.withIdentity(lead.id(), version);
    }

    @Override
    public Optional<LeadRecord> find(long id, Visibility visibility) {
        return visible(WITH_ATTEMPTS + " where l.id = :id", visibility).setParameter("id", id).getResultList()
                .stream().findFirst().map(LeadEntity::toRecord);
    }

    @Override
    public void lock(long id) {
        tx.session().createSelectionQuery("select l.id from Lead l where l.id = :id", Long.class)
                .setParameter("id", id).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    @Override
    public boolean exists(long id) {
        return !tx.session().createSelectionQuery("select l.id from Lead l where l.id = :id", Long.class)
                .setParameter("id", id).getResultList().isEmpty();
    }

    @Override
    public List<LeadRecord> ofCustomer(long customerId, Visibility visibility) {
        return visible(WITH_ATTEMPTS + " where l.customerId = :customer", visibility, " order by l.id")
                .setParameter("customer", customerId).getResultList().stream().map(LeadEntity::toRecord).toList();
    }

    @Override
    public List<LeadRecord> ofCampaign(long campaignId, Visibility visibility, long afterId, int limit) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        if (ntk.nothing()) {
            return List.of();
        }
        // the page's ids first (a fetch join cannot be limited), then the page with its attempts
        SelectionQuery<Long> ids = ntk.select("select l.id from Lead l"
                + " where l.campaignId = :campaign and l.id > :after and " + ntk.record("l.customerId", "l.ownerId")
                + " order by l.id", Long.class)
                .setParameter("campaign", campaignId).setParameter("after", afterId).setMaxResults(limit);
        List<Long> page = ids.getResultList();
        if (page.isEmpty()) {
            return List.of();
        }
        return InList.bind(tx.session().createSelectionQuery(InList.expand(WITH_ATTEMPTS
                + " where l.id in :ids order by l.id", "ids", page), LeadEntity.class), "ids", page).getResultList().stream().map(LeadEntity::toRecord)
                .toList();
    }

    @Override
    public List<DuplicateMatch> duplicates(DuplicateQuery query) {
        NeedToKnow ntk = NeedToKnow.of(tx, query.visibility());
        return DuplicateSql.rows(ntk, DuplicateSql.leads(query, ntk), query).stream()
                .map(r -> DuplicateMatch.of(MatchKind.LEAD, ((Number) r[0]).longValue(),
                        DuplicateSql.reasons(r, query), (String) r[1], (String) r[2], (String) r[3], (String) r[4]))
                .toList();
    }

    @Override
    public Set<Long> customersWithLead(long campaignId, Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return Set.of();
        }
        // PostgreSQL looks both up in the unique index (campaign, customer). Given the same query, H2 read
        // every lead of the campaign and compared each with the list (a bulk opening of 20,000 leads grew
        // quadratically), so there it is driven by the customers' keys; that join took PostgreSQL's generic
        // plan 50 ms a batch instead of 1
        String hql = tx.lists() == InList.Lists.FILTERED
                ? "select l.customerId from Customer c join Lead l on l.customerId = c.id and l.campaignId = :campaign"
                        + " where c.id in :customers"
                : "select l.customerId from Lead l where l.campaignId = :campaign and l.customerId in :customers";
        return new HashSet<>(InList.bind(tx.session().createSelectionQuery(InList.expand(hql, "customers",
                customerIds), Long.class), "customers", customerIds)
                .setParameter("campaign", campaignId).getResultList());
    }

    private SelectionQuery<LeadEntity> visible(String hql, Visibility visibility) {
        return visible(hql, visibility, "");
    }

    /** The query with need-to-know in its WHERE clause; an empty set of owners matches nothing. */
    private SelectionQuery<LeadEntity> visible(String hql, Visibility visibility, String orderBy) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        String where = ntk.nothing() ? " and 1 = 0" : " and " + ntk.record("l.customerId", "l.ownerId");
        return ntk.select(hql + where + orderBy, LeadEntity.class);
    }

    @Override
    public List<LeadFunnelRow> funnel(long campaignId, Visibility visibility) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        if (ntk.nothing()) {
            return List.of();
        }
        tx.planWithValues();
        // joined to the attempts, so a lead is counted once (distinct) and contacted once it has any
        SelectionQuery<Object[]> query = ntk.select("select l.keyword,"
                + " l.status, count(distinct l.id), count(distinct case when a.at is not null then l.id end)"
                + " from Lead l left join l.attempts a where l.campaignId = :campaign and "
                + ntk.record("l.customerId", "l.ownerId")
                + " group by l.keyword, l.status", Object[].class)
                .setParameter("campaign", campaignId);
        return query.getResultList().stream().map(row -> new LeadFunnelRow((String) row[0], (LeadStatus) row[1],
                ((Number) row[2]).longValue(), ((Number) row[3]).longValue())).toList();
    }

    /**
     * Sums per quarter of an hour in UTC, so that the database needs no time zone rules; every
     * zone's offset is a multiple of 15 minutes, so each quarter lies within one day of the asked
     * zone, and the quarters are added up into days here (at most one row per quarter with a win).
     */
    @Override
    public List<WonRevenueRow> wonRevenue(long campaignId, Visibility visibility, ZoneId zone) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        if (ntk.nothing()) {
            return List.of();
        }
        tx.planWithValues();
        String quarter = "floor(extract(epoch from o.stageSince) / 900)";
        SelectionQuery<Object[]> query = ntk.select("select l.keyword,"
                + " o.currency, " + quarter + ", count(o), coalesce(sum(o.amount), 0) from Lead l join Opportunity o"
                + " on o.id = l.opportunityId where l.campaignId = :campaign and o.status = :won and "
                + ntk.record("o.customerId", "o.ownerId")
                + " group by l.keyword, o.currency, " + quarter, Object[].class)
                .setParameter("campaign", campaignId).setParameter("won", OpportunityStatus.WON);
        Map<WonRevenueRow, WonRevenueRow> days = new HashMap<>();
        for (Object[] row : query.getResultList()) {
            LocalDate day = LocalDate.ofInstant(Instant.ofEpochSecond(((Number) row[2]).longValue() * 900), zone);
            WonRevenueRow sum = new WonRevenueRow((String) row[0], (String) row[1], day,
                    ((Number) row[3]).longValue(), decimal(row[4]));
            days.merge(new WonRevenueRow(sum.keyword(), sum.currency(), day, 0, BigDecimal.ZERO), sum,
                    (a, b) -> new WonRevenueRow(a.keyword(), a.currency(), day, a.deals() + b.deals(),
                            a.amount().add(b.amount())));
        }
        return List.copyOf(days.values());
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }

    @Override
    public List<Long> reassignOpen(long customerId, String toOwner) {
        return tx.reassign("Lead", java.util.Set.of(LeadStatus.NEW, LeadStatus.CONTACTED, LeadStatus.QUALIFIED), customerId, toOwner);
    }
}
