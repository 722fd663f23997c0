package org.crm4j.persistence.jpa;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.crm4j.pipeline.OpportunityRecord;
import org.crm4j.pipeline.OpportunityStatus;
import org.crm4j.pipeline.StageChange;
import org.crm4j.spi.ForecastGrouping;
import org.crm4j.spi.ForecastPeriod;
import org.crm4j.spi.ForecastRow;
import org.crm4j.spi.ForecastSelection;
import org.crm4j.spi.OpportunityStore;
import org.crm4j.spi.StageTotalRow;
import org.crm4j.spi.Visibility;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;

/**
 * Deals in the JPA store. A deal is read with its competitors and participants in one select;
 * need-to-know is part of every query's WHERE clause; the pipeline view is one GROUP BY.
 */
final class JpaOpportunityStore implements OpportunityStore {
    private static final String WITH_COLLECTIONS = "select distinct o from Opportunity o"
            + " left join fetch o.competitors left join fetch o.participants";
    private static final String VISIBLE = " and o.ownerId in :owners";
    /** Open deals first, then the newest first. */
    private static final Comparator<OpportunityRecord> CUSTOMER_ORDER = Comparator
            .comparing((OpportunityRecord o) -> o.status() != OpportunityStatus.OPEN)
            .thenComparing(OpportunityRecord::createdAt, Comparator.reverseOrder())
            .thenComparing(OpportunityRecord::id, Comparator.reverseOrder());

    /** A Monday: weeks are counted from it. */
    private static final LocalDate WEEK_ANCHOR = LocalDate.of(1900, 1, 1);
    private static final String DAYS = "((o.expectedClose - local date 1900-01-01) by day)";
    /** The days from the anchor to the Monday of the deal's ISO week. */
    private static final String WEEK_START_DAY = DAYS + " - mod(mod(" + DAYS + ", 7) + 7, 7)";

    private final JpaTransaction tx;

    JpaOpportunityStore(JpaTransaction tx) {
        this.tx = tx;
    }

    @Override
    public OpportunityRecord insert(OpportunityRecord opportunity) {
        Session session = tx.writing();
        OpportunityEntity entity = OpportunityEntity.of(opportunity);
        session.persist(entity);
        tx.flush();
        return opportunity.withIdentity(entity.id, entity.version);
    }

    @Override
    public OpportunityRecord update(OpportunityRecord opportunity) {
        OpportunityEntity entity = tx.writing().find(OpportunityEntity.class, opportunity.id());
        long version = tx.updateVersioned(entity, "opportunity " + opportunity.id(), opportunity.version(),
                e -> e.version, e -> e.copyFrom(opportunity), tx::flush);
        return opportunity.withIdentity(opportunity.id(), version);
    }

    @Override
    public Optional<OpportunityRecord> find(long id, Visibility visibility) {
        SelectionQuery<OpportunityEntity> query = tx.session().createSelectionQuery(
                WITH_COLLECTIONS + " where o.id = :id" + (visibility.all() ? "" : VISIBLE), OpportunityEntity.class)
                .setParameter("id", id);
        if (!visibility.all()) {
            query.setParameterList("owners", visibility.owners());
        }
        return query.getResultList().stream().findFirst().map(OpportunityEntity::toRecord);
    }

    @Override
    public boolean exists(long id) {
        return !tx.session().createSelectionQuery("select o.id from Opportunity o where o.id = :id", Long.class)
                .setParameter("id", id).getResultList().isEmpty();
    }

    @Override
    public List<OpportunityRecord> ofCustomer(long customerId, Visibility visibility) {
        SelectionQuery<OpportunityEntity> query = tx.session().createSelectionQuery(
                WITH_COLLECTIONS + " where o.customerId = :customer" + (visibility.all() ? "" : VISIBLE),
                OpportunityEntity.class).setParameter("customer", customerId);
        if (!visibility.all()) {
            query.setParameterList("owners", visibility.owners());
        }
        return query.getResultList().stream().map(OpportunityEntity::toRecord).sorted(CUSTOMER_ORDER).toList();
    }

    @Override
    public void recordStageChange(StageChange change) {
        tx.writing().persist(StageChangeEntity.of(change));
    }

    @Override
    public List<StageChange> stageChanges(long opportunityId) {
        return tx.session().createSelectionQuery("select c from StageChange c where c.opportunityId = :o"
                + " order by c.changedAt, c.id", StageChangeEntity.class).setParameter("o", opportunityId)
                .getResultList().stream().map(StageChangeEntity::toChange).toList();
    }

    @Override
    public List<StageTotalRow> stageTotals(long pipelineId, Visibility visibility) {
        SelectionQuery<Object[]> query = tx.session().createSelectionQuery("select o.stageCode, count(o),"
                + " coalesce(sum(o.amount), 0), coalesce(sum(o.amount * o.probability), 0) from Opportunity o"
                + " where o.pipelineId = :pipeline and o.status = :open" + (visibility.all() ? "" : VISIBLE)
                + " group by o.stageCode", Object[].class)
                .setParameter("pipeline", pipelineId).setParameter("open", OpportunityStatus.OPEN);
        if (!visibility.all()) {
            query.setParameterList("owners", visibility.owners());
        }
        return query.getResultList().stream().map(row -> new StageTotalRow((String) row[0],
                ((Number) row[1]).longValue(), decimal(row[2]), decimal(row[3]))).toList();
    }

    /**
     * The forecast as one GROUP BY. Months are grouped by year and month; weeks by the Monday
     * they start on, as a day number counted from a fixed Monday (1900-01-01) less that number
     * modulo 7. Day arithmetic means the same on every database, unlike {@code extract(week)},
     * whose week-year and first day of week differ between databases (and, on H2, with the
     * locale). The anchor is a literal, not a parameter, so that the select and the group by
     * hold the very same expression, as PostgreSQL requires. The modulo is taken twice so that
     * dates before the anchor give the same answer whether a database truncates or floors.
     */
    @Override
    public List<ForecastRow> cashFlow(ForecastSelection selection, Visibility visibility) {
        if (!visibility.all() && visibility.owners().isEmpty()) {
            return List.of();
        }
        boolean monthly = selection.period() == ForecastPeriod.MONTH;
        String period = monthly ? "extract(year from o.expectedClose), extract(month from o.expectedClose)"
                : WEEK_START_DAY;
        String group = selection.grouping() == ForecastGrouping.OWNER ? "o.ownerId" : "o.pipelineId";
        String hql = "select " + period + ", " + group + ", o.currency, count(o), sum(o.amount),"
                + " sum(o.amount * o.probability) from Opportunity o"
                + " where o.status = :open and o.amount is not null"
                + " and o.expectedClose >= :from and o.expectedClose < :to"
                + (selection.pipelineIds().isEmpty() ? "" : " and o.pipelineId in :pipelines")
                + (visibility.all() ? "" : VISIBLE)
                + " group by " + period + ", " + group + ", o.currency";
        SelectionQuery<Object[]> query = tx.session().createSelectionQuery(hql, Object[].class)
                .setParameter("open", OpportunityStatus.OPEN)
                .setParameter("from", selection.from()).setParameter("to", selection.to());
        if (!selection.pipelineIds().isEmpty()) {
            query.setParameterList("pipelines", selection.pipelineIds());
        }
        if (!visibility.all()) {
            query.setParameterList("owners", visibility.owners());
        }
        int k = monthly ? 2 : 1;
        return query.getResultList().stream().map(row -> new ForecastRow(
                monthly ? LocalDate.of(((Number) row[0]).intValue(), ((Number) row[1]).intValue(), 1)
                        : WEEK_ANCHOR.plusDays(((Number) row[0]).longValue()),
                String.valueOf(row[k]), (String) row[k + 1], ((Number) row[k + 2]).longValue(), decimal(row[k + 3]),
                decimal(row[k + 4]))).toList();
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }

    @Override
    public boolean stageInUse(long pipelineId, String stageCode) {
        boolean holdsDeals = !tx.session().createSelectionQuery("select o.id from Opportunity o"
                + " where o.pipelineId = :pipeline and o.stageCode = :stage", Long.class)
                .setParameter("pipeline", pipelineId).setParameter("stage", stageCode).setMaxResults(1)
                .getResultList().isEmpty();
        return holdsDeals || !tx.session().createSelectionQuery("select c.id from StageChange c"
                + " join Opportunity o on o.id = c.opportunityId where o.pipelineId = :pipeline"
                + " and (c.fromStage = :stage or c.toStage = :stage)", Long.class)
                .setParameter("pipeline", pipelineId).setParameter("stage", stageCode).setMaxResults(1)
                .getResultList().isEmpty();
    }
}
