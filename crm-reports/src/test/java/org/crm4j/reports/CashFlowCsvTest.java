package org.crm4j.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.crm4j.ValidationException;
import org.crm4j.plugin.DirectoryUser;
import org.crm4j.store.ForecastRow;
import org.crm4j.store.Visibility;
import org.junit.jupiter.api.Test;

/** The CSV export of a cash-flow forecast: RFC 4180, ISO dates, plain decimals. */
class CashFlowCsvTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 28);

    private static CashFlow weekOf(DirectoryUser owner, String currency, String amount, String amountTimesProbability) {
        FakeReportContext context = new FakeReportContext(Visibility.everything()).user(owner)
                .row(new ForecastRow(MONDAY, owner.id(), currency, 3, new BigDecimal(amount),
                        new BigDecimal(amountTimesProbability)));
        return CashFlowForecast.weekly(MONDAY, MONDAY.plusDays(7)).byOwner().run(context);
    }

    private static DirectoryUser named(String name) {
        return new DirectoryUser("u1", name, Set.of(), null);
    }

    @Test
    void csv_startsWithTheHeaderAndEndsEveryLineWithCrLf() {
        String csv = weekOf(named("Sam"), "EUR", "10.00", "100").toCsv();

        assertThat(csv).isEqualTo("period,group,group_name,currency,deals,expected,weighted\r\n"
                + "2026-12-28,u1,Sam,EUR,3,10.00,1.00\r\n");
    }

    @Test
    void csv_ofNoRowsIsTheHeaderAlone() {
        CashFlow empty = CashFlowForecast.monthly(MONDAY, MONDAY.plusDays(1))
                .run(new FakeReportContext(Visibility.ownedBy(Set.of())));

        assertThat(empty.toCsv()).isEqualTo(CashFlow.CSV_HEADER + "\r\n");
    }

    @Test
    void csv_quotesFieldsWithCommasQuotesAndLineBreaks() {
        assertThat(weekOf(named("Ortiz, Sam"), "EUR", "1", "0").toCsv()).contains(",u1,\"Ortiz, Sam\",EUR,");
        assertThat(weekOf(named("Sam \"Deal\" Ortiz"), "EUR", "1", "0").toCsv())
                .contains(",u1,\"Sam \"\"Deal\"\" Ortiz\",EUR,");
        assertThat(weekOf(named("Sam\nOrtiz"), "EUR", "1", "0").toCsv()).contains(",u1,\"Sam\nOrtiz\",EUR,");
        assertThat(weekOf(named("Sam\rOrtiz"), "EUR", "1", "0").toCsv()).contains(",u1,\"Sam\rOrtiz\",EUR,");
        assertThat(weekOf(named("Sam 'Ortiz';"), "EUR", "1", "0").toCsv()).contains(",u1,Sam 'Ortiz';,EUR,");
    }

    @Test
    void csv_writesPlainDecimalsAtTheCurrencysPlaces() {
        assertThat(weekOf(named("Sam"), "EUR", "1E+3", "1.5E+4").toCsv()).endsWith(",EUR,3,1000.00,150.00\r\n");
        assertThat(weekOf(named("Sam"), "EUR", "12345678901234.5", "123456789012345").toCsv())
                .endsWith(",EUR,3,12345678901234.50,1234567890123.45\r\n");
        assertThat(weekOf(named("Sam"), "JPY", "1500", "15050").toCsv()).endsWith(",JPY,3,1500,150\r\n");
        assertThat(weekOf(named("Sam"), "EUR", "0.10", "0.5").toCsv()).endsWith(",EUR,3,0.10,0.00\r\n");
    }

    @Test
    void writeCsv_writesTheSameAsToCsv() throws IOException {
        CashFlow flow = weekOf(named("Ortiz, Sam"), "EUR", "10.00", "100");
        StringWriter out = new StringWriter();

        flow.writeCsv(out);

        assertThat(out).hasToString(flow.toCsv());
    }

    @Test
    void writeCsv_refusesNullAndPassesOnTheFailureOfItsTarget() {
        CashFlow flow = weekOf(named("Sam"), "EUR", "10.00", "100");
        Appendable broken = new Appendable() {
            @Override
            public Appendable append(CharSequence csq) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public Appendable append(CharSequence csq, int start, int end) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public Appendable append(char c) throws IOException {
                throw new IOException("disk full");
            }
        };

        assertThatThrownBy(() -> flow.writeCsv(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> flow.writeCsv(broken)).isInstanceOf(IOException.class).hasMessage("disk full");
    }
}
