package org.crm4j.reports.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.crm4j.ValidationException;
import org.crm4j.common.Address;
import org.crm4j.common.BillingPeriod;
import org.crm4j.common.ExternalRef;
import org.crm4j.common.Money;
import org.crm4j.customer.Customer;
import org.crm4j.customer.CustomerId;
import org.crm4j.customer.CustomerKind;
import org.crm4j.customer.CustomerStatus;
import org.crm4j.customer.store.CustomerRecord;
import org.crm4j.sales.ServiceContract;
import org.crm4j.sales.ServiceContractId;
import org.crm4j.sales.ServiceStatus;
import org.junit.jupiter.api.Test;

/** A service's contract filled from the service and its customer. */
class ContractDocumentsTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private final Customer customer = Customer.fromRecord(new CustomerRecord(7, 0, CustomerKind.COMPANY,
            "Müller & Söhne <GmbH>", "DE123456789", null, Set.of(), null, Set.of(), CustomerStatus.ACTIVE, "sam",
            new Address("Hauptstraße 1", "10115", "Berlin", null, "DE"), Set.of(), NOW, NOW));

    private static ServiceContract service(LocalDate end, boolean autoRenew) {
        return new ServiceContract(ServiceContractId.of(3), CustomerId.of(7), "HOST-M", "Managed hosting",
                LocalDate.of(2026, 4, 1), end, BillingPeriod.MONTH, Money.of("1450.00", "EUR"), null, autoRenew, 90,
                ServiceStatus.ACTIVE, null, null, "sam", ExternalRef.of("ERP", "C-42"), 0, NOW);
    }

    private static String render(ContractDocuments contracts, ServiceContract service, Customer customer) {
        StringWriter out = new StringWriter();
        contracts.render(service, customer, null, LocalDate.of(2026, 3, 2), out);
        return out.toString();
    }

    @Test
    void standardTemplate_showsTheCustomerTheServiceItsTermsAndTheSeller() {
        String html = render(ContractDocuments.standard().with("seller", Map.of("name", "Kowalski Machines"))
                .with("terms", "Payment within 30 days."), service(LocalDate.of(2027, 3, 31), false), customer);

        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("Service contract: Managed hosting")
                .contains("Müller &amp; Söhne &lt;GmbH&gt;")
                .contains("10115 Berlin").contains("Tax id DE123456789")
                .contains("Managed hosting (HOST-M)")
                .contains("2026-04-01").contains("2027-03-31")
                .contains("1,450.00 EUR per month")
                .contains("ends on its last day unless renewed")
                .contains("90 days before the end")
                .contains("contract C-42").contains("Date 2026-03-02")
                .contains("Kowalski Machines").contains("Payment within 30 days.");
    }

    @Test
    void anOpenEndedSelfRenewingService_inGermanNumbers() {
        String html = render(ContractDocuments.standard().locale(Locale.GERMANY), service(null, true), customer);
        assertThat(html).contains("open-ended").contains("renews itself").contains("1.450,00 EUR per month");
    }

    @Test
    void aHostsTemplate_andABrokenOne() {
        assertThat(render(ContractDocuments.fromTemplate("{{customer.name}}: {{service.productCode}} from {{service.startsOn}}"),
                service(null, false), customer)).isEqualTo("Müller &amp; Söhne &lt;GmbH&gt;: HOST-M from 2026-04-01");
        assertThatThrownBy(() -> ContractDocuments.fromTemplate("{{#service}}")).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.violations().get(0).field()).isEqualTo("template"));
    }
}
