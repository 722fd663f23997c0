package org.crm4j.sales;

import java.time.YearMonth;
import java.util.List;
import org.crm4j.common.Money;

/**
 * A salesperson's commission for a month (R21), under a plan: the database adds up what each
 * payment earned per product group and what credit notes clawed back; the plan's rates and tiers
 * apply in the order it was earned. Seen by the salesperson and their superiors.
 *
 * @param salespersonId the salesperson
 * @param period the month
 * @param plan the plan's name
 * @param lines what was earned and clawed back, in order
 * @param total the sum
 */
public record CommissionStatement(String salespersonId, YearMonth period, String plan, List<CommissionLine> lines,
        Money total) {

    /** Copies the lines. */
    public CommissionStatement {
        lines = List.copyOf(lines);
    }

    /**
     * @return the statement as CSV (RFC 4180, a header line, one line per statement line, the total last)
     */
    public String toCsv() {
        StringBuilder s = new StringBuilder("date,document,product_group,basis,rate,commission,clawback\r\n");
        for (CommissionLine l : lines) {
            s.append(l.on()).append(',').append(field(l.document().toString())).append(',')
                    .append(field(l.productGroup() == null ? "" : l.productGroup())).append(',')
                    .append(l.basis().toPlainString()).append(',').append(l.rate().stripTrailingZeros().toPlainString())
                    .append(',').append(l.commission().toPlainString()).append(',').append(l.clawback()).append("\r\n");
        }
        s.append(",total,,,,").append(total.amount().toPlainString()).append(",\r\n");
        return s.toString();
    }

    private static String field(String text) {
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
