package org.crm4j.persistence.jpa;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crm4j.sales.CommissionBasis;
import org.crm4j.sales.CommissionEarning;
import org.crm4j.sales.CommissionPlan;
import org.crm4j.sales.CommissionTier;

/** A commission plan ({@code crm_commission_plan}) with its salespeople, teams, rates and tiers. */
@Entity(name = "CommissionPlan")
@Table(name = "crm_commission_plan")
class CommissionPlanEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_commission_plan_seq")
    @SequenceGenerator(name = "crm_commission_plan_seq", sequenceName = "crm_commission_plan_seq", allocationSize = 50)
    Long id;

    @Column(nullable = false, length = 200)
    String name;

    @Column(nullable = false, length = 3)
    String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    CommissionBasis basis;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    CommissionEarning earning;

    @Column(name = "default_rate", nullable = false, precision = 7, scale = 4)
    BigDecimal defaultRate;

    @Column(name = "clawback_days", nullable = false)
    int clawbackDays;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "crm_commission_member", joinColumns = @JoinColumn(name = "plan_id"))
    @Column(name = "salesperson_id", nullable = false, length = 100)
    Set<String> salespeople = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "crm_commission_team", joinColumns = @JoinColumn(name = "plan_id"))
    @Column(name = "manager_id", nullable = false, length = 100)
    Set<String> teams = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "crm_commission_rate", joinColumns = @JoinColumn(name = "plan_id"))
    @MapKeyColumn(name = "product_group", length = 200)
    @Column(name = "rate", nullable = false, precision = 7, scale = 4)
    Map<String, BigDecimal> rates = new HashMap<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "crm_commission_tier", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "position")
    List<TierValue> tiers = new ArrayList<>();

    /** A tier of a plan. */
    @Embeddable
    static class TierValue {
        @Column(name = "from_amount", nullable = false, precision = 19, scale = 4)
        BigDecimal from;

        @Column(name = "extra_rate", nullable = false, precision = 7, scale = 4)
        BigDecimal extraRate;
    }

    static CommissionPlanEntity of(CommissionPlan p, Instant now) {
        CommissionPlanEntity e = new CommissionPlanEntity();
        e.name = p.name();
        e.currency = p.currency().getCurrencyCode();
        e.basis = p.basis();
        e.earning = p.earning();
        e.defaultRate = p.defaultRate();
        e.clawbackDays = p.clawbackDays();
        e.createdAt = now;
        e.salespeople.addAll(p.salespeople());
        e.teams.addAll(p.teams());
        e.rates.putAll(p.groupRates());
        for (CommissionTier t : p.tiers()) {
            TierValue v = new TierValue();
            v.from = t.from();
            v.extraRate = t.extraRate();
            e.tiers.add(v);
        }
        return e;
    }

    CommissionPlan toPlan() {
        List<CommissionTier> t = new ArrayList<>();
        for (TierValue v : tiers) {
            t.add(new CommissionTier(v.from, v.extraRate));
        }
        return new CommissionPlan(id, name, salespeople, Currency.getInstance(currency), basis, earning, defaultRate,
                rates, t, clawbackDays, teams);
    }
}
