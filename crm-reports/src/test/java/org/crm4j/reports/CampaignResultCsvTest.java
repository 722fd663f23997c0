package org.crm4j.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import org.crm4j.ValidationException;
import org.crm4j.campaign.CampaignId;
import org.crm4j.campaign.CostKind;
import org.crm4j.lead.LeadStatus;
import org.crm4j.store.CampaignCostRow;
import org.crm4j.store.CampaignHead;
import org.crm4j.store.LeadFunnelRow;
import org.crm4j.store.Visibility;
import org.crm4j.store.WonRevenueRow;
import org.junit.jupiter.api.Test;

class CampaignResultCsvTest {

    private static CampaignResult result() {
        FakeReportContext context = new FakeReportContext(Visibility.everything())
                .campaign(new CampaignHead(3, "Fair", Currency.getInstance("JPY"), "mia", null, true))
                .cost(new CampaignCostRow("crm, \"pro\"", CostKind.ACTUAL, LocalDate.of(2026, 3, 1),
                        new BigDecimal("1000.0000")))
                .leads(new LeadFunnelRow("crm, \"pro\"", LeadStatus.QUALIFIED, 4, 4))
                .won(new WonRevenueRow("crm, \"pro\"", "JPY", LocalDate.of(2026, 3, 2), 1, new BigDecimal("1500.0000")))
                .won(new WonRevenueRow("crm, \"pro\"", "USD", LocalDate.of(2026, 3, 2), 2, new BigDecimal("12.5000")));
        return CampaignResults.of(CampaignId.of(3)).run(context);
    }

    @Test
    void csv_quotesKeywordsAfterRfc4180_andWritesAmountsAtTheCurrencysPlaces() {
        // JPY has no decimals: 1000 / 4 leads = 250; (1500 - 1000) / 1000 = 0.5000; paid back on 03-02
        assertThat(result().toCsv()).isEqualTo(CampaignResult.CSV_HEADER + "\r\n"
                + "keyword,\"crm, \"\"pro\"\"\",4,4,4,0,0,3,JPY,1500,12.50 USD,0,1000,250,333,0.5000,2026-03-02\r\n"
                + "total,,4,4,4,0,0,3,JPY,1500,12.50 USD,0,1000,250,333,0.5000,2026-03-02\r\n");
    }

    @Test
    void csv_isTheSameWhateverTheLocale() throws Exception {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            StringWriter out = new StringWriter();
            result().writeCsv(out);
            assertThat(out.toString()).contains(",0.5000,").doesNotContain("0,5000");
        } finally {
            Locale.setDefault(before);
        }
        assertThatThrownBy(() -> result().writeCsv(null)).isInstanceOf(ValidationException.class);
    }
}
