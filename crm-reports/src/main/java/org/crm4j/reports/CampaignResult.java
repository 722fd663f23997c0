package org.crm4j.reports;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.crm4j.ValidationException;
import org.crm4j.campaign.CampaignId;
import org.crm4j.common.Money;

/**
 * The result of {@link CampaignResults}: one row per keyword (by keyword), one for what has no
 * keyword (when anything has none), and the campaign's total. Exported as CSV with
 * {@link #toCsv()} or {@link #writeCsv(Appendable)}.
 */
public final class CampaignResult {
    /** The header line of the CSV export, without its line break. */
    public static final String CSV_HEADER = "scope,keyword,leads,contacted,qualified,converted,disqualified,"
            + "deals_won,currency,won,won_other_currencies,planned_cost,actual_cost,cost_per_lead,"
            + "cost_per_won_deal,return_on_cost,payback";

    private final CampaignId campaign;
    private final String name;
    private final String currency;
    private final List<CampaignResultRow> rows;
    private final CampaignResultRow total;

    CampaignResult(CampaignId campaign, String name, String currency, List<CampaignResultRow> rows,
            CampaignResultRow total) {
        this.campaign = campaign;
        this.name = name;
        this.currency = currency;
        this.rows = List.copyOf(rows);
        this.total = total;
    }

    /** @return the campaign */
    public CampaignId campaign() {
        return campaign;
    }

    /** @return the campaign's name */
    public String name() {
        return name;
    }

    /** @return the ISO 4217 code of the campaign's costs and of {@link CampaignResultRow#won()} */
    public String currency() {
        return currency;
    }

    /**
     * @return a row per keyword that has costs, leads or won deals, ordered by keyword, then the
     *     row of what has no keyword (if anything has none); the total is apart
     */
    public List<CampaignResultRow> rows() {
        return rows;
    }

    /** @return the whole campaign's row */
    public CampaignResultRow total() {
        return total;
    }

    /**
     * @param keyword a keyword as typed
     * @return its row, if it has one
     * @throws ValidationException when the keyword is malformed
     */
    public Optional<CampaignResultRow> keyword(String keyword) {
        String k = org.crm4j.campaign.CostEntry.keyword(keyword);
        return rows.stream().filter(r -> k != null && k.equals(r.keyword())).findFirst();
    }

    /** @return whether the actor may see the campaign's costs */
    public boolean costsVisible() {
        return total.costsVisible();
    }

    /** @return the rows and the total as CSV ({@link #writeCsv(Appendable)}) */
    public String toCsv() {
        return Csv.text(this::writeCsv);
    }

    /**
     * Writes the rows, then the total, as CSV after RFC 4180: the header line
     * {@value #CSV_HEADER}, then one line per row, each ended by CRLF, quoted where a field holds
     * a comma, a double quote or a line break. The scope is {@code keyword}, {@code no keyword} or
     * {@code total}; dates are ISO 8601; amounts are plain decimals at the currency's places and
     * the return on cost a plain decimal ratio, whatever the locale; the other currencies' sums
     * are written like {@code USD 120.00}, separated by {@code ; }. A figure that is not given
     * (hidden costs, no won deal, not paid back) is an empty field.
     *
     * @param out where to write, e.g. a {@link java.io.Writer}
     * @throws IOException when {@code out} fails
     * @throws ValidationException when {@code out} is null
     */
    public void writeCsv(Appendable out) throws IOException {
        ValidationException.requireNonNull(out, "out");
        Csv csv = new Csv(out);
        csv.line(CSV_HEADER.split(","));
        for (CampaignResultRow row : rows) {
            line(csv, row);
        }
        line(csv, total);
    }

    private void line(Csv csv, CampaignResultRow r) throws IOException {
        csv.line(r.scope().name().toLowerCase(Locale.ROOT).replace('_', ' '), r.keyword(), count(r.leads()),
                count(r.contacted()), count(r.qualified()), count(r.converted()), count(r.disqualified()),
                count(r.dealsWon()), currency, plain(r.won()),
                r.wonInOtherCurrencies().stream().map(Money::toString).collect(Collectors.joining("; ")),
                plain(r.plannedCost()), plain(r.actualCost()), plain(r.costPerLead()), plain(r.costPerWonDeal()),
                r.returnOnCost() == null ? null : r.returnOnCost().toPlainString(),
                r.payback() == null ? null : r.payback().toString());
    }

    private static String count(long n) {
        return Long.toString(n);
    }

    private static String plain(Money money) {
        return money == null ? null : money.amount().toPlainString();
    }

    /** @return a short description, for logs */
    @Override
    public String toString() {
        BigDecimal won = total.won().amount();
        return "campaign-results[" + campaign + "]: " + rows.size() + " rows, won " + won.toPlainString() + " "
                + currency;
    }
}
