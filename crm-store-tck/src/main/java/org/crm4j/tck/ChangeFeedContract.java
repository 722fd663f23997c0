package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.crm4j.ValidationException;
import org.crm4j.customer.Customer;
import org.crm4j.customer.NewCustomer;
import org.crm4j.event.ChangePage;
import org.crm4j.event.Changes;
import org.crm4j.event.DomainEvent;
import org.crm4j.pipeline.NewPipeline;
import org.crm4j.pipeline.Stage;
import org.junit.jupiter.api.Test;

/**
 * The change feed (R31): a point of sale reads the events of its customers in commit order, page by
 * page, from a cursor it keeps, and resumes without missing or repeating one; it sees the events of
 * the customers its staff covers, no others.
 */
public abstract class ChangeFeedContract extends ContractBase {

    private List<String> readAll(Changes feed, String cursor, int pageSize, List<String> cursors) {
        List<String> seen = new ArrayList<>();
        ChangePage page;
        do {
            page = feed.since(cursor, pageSize);
            page.events().forEach(e -> seen.add((e.type() + " " + e.data().getOrDefault("name", "")).strip()));
            cursor = page.cursor();
            cursors.add(cursor);
        } while (page.more());
        return seen;
    }

    @Test
    void aPointOfSaleReadsItsCustomersEventsInOrder_pageByPage_andResumesFromItsCursor() {
        Customer acme = customersOf(SAM).create(NewCustomer.company("ACME"));
        customersOf(SAM).addNote(acme.id(), "first visit");
        customersOf(OTTO).create(NewCustomer.company("Otto's own"));
        customersOf(SAM).create(NewCustomer.company("Globex"));

        List<String> cursors = new ArrayList<>();
        List<String> sams = readAll(as(SAM).changes(), null, 2, cursors);

        assertThat(sams).containsExactly("customer.created ACME", "note.added", "customer.created Globex");
        // resuming from the last cursor: nothing new yet, and the cursor stays
        String last = cursors.get(cursors.size() - 1);
        ChangePage idle = as(SAM).changes().since(last, 10);
        assertThat(idle.events()).isEmpty();
        assertThat(idle.more()).isFalse();
        assertThat(idle.cursor()).isEqualTo(last);
        // what happens later comes next, once
        customersOf(SAM).save(customersOf(SAM).get(acme.id()).rename("ACME Machinery"));
        ChangePage later = as(SAM).changes().since(last, 10);
        assertThat(later.events()).extracting(DomainEvent::type).containsExactly("customer.updated");
        assertThat(as(SAM).changes().since(later.cursor(), 10).events()).isEmpty();
    }

    /** A bulk import writes its batches' events with their commit's number at once: the feed has them, in order. */
    @Test
    void anErpHistoryImportedInBulk_isInTheFeed_inOrder() {
        Customer acme = customersOf(SAM).create(NewCustomer.company("ACME").externalRef(
                org.crm4j.common.ExternalRef.of("erp", "ALFKI")));
        String before = as(SAM).changes().now();
        List<org.crm4j.sales.NewSalesDocument> invoices = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            invoices.add(org.crm4j.sales.NewSalesDocument.invoice(org.crm4j.common.ExternalRef.of("erp", "INV-" + i),
                    "EUR", java.time.LocalDate.of(2026, 2, 1 + i)).customer(acme.id())
                    .line(org.crm4j.sales.SalesLine.of("P", java.math.BigDecimal.ONE, java.math.BigDecimal.TEN)));
        }
        as(ADA).sales().importDocuments(invoices, org.crm4j.sales.SalesImportOptions.defaults().batchSize(3));
        customersOf(SAM).addNote(acme.id(), "after the import");

        List<DomainEvent> read = new ArrayList<>();
        String cursor = before;
        ChangePage page;
        do {
            page = as(SAM).changes().since(cursor, 2);
            read.addAll(page.events());
            cursor = page.cursor();
        } while (page.more());
        assertThat(read).extracting(e -> e.type() + " " + e.data().getOrDefault("externalRef", ""))
                .containsExactly("sales-document.received erp:INV-0", "sales-document.received erp:INV-1",
                        "sales-document.received erp:INV-2", "sales-document.received erp:INV-3",
                        "sales-document.received erp:INV-4", "sales-document.received erp:INV-5",
                        "sales-document.received erp:INV-6", "note.added ");
    }

    @Test
    void theFeedFollowsNeedToKnow_theTeamsCustomersForTheManager_everythingForAnAdministrator() {
        customersOf(SAM).create(NewCustomer.company("ACME"));
        customersOf(OTTO).create(NewCustomer.company("Otto's own"));
        as(ADA).pipelines().define(NewPipeline.named("New business", "EUR").stage(Stage.open("Q", "Qualify", 10))
                .stage(Stage.won("WON", "Won")).stage(Stage.lost("LOST", "Lost")));

        assertThat(readAll(as(OTTO).changes(), null, 50, new ArrayList<>())).containsExactly("customer.created Otto's own");
        assertThat(readAll(as(MIA).changes(), null, 50, new ArrayList<>())).containsExactly("customer.created ACME");
        assertThat(readAll(as(PIA).changes(), null, 50, new ArrayList<>())).isEmpty();
        // an administrator also reads the events about no customer
        assertThat(as(ADA).changes().since(null, 50).events()).extracting(DomainEvent::type)
                .containsExactly("customer.created", "customer.created", "pipeline.defined");
    }

    @Test
    void now_isACursorAtTheEnd_fromWhichOnlyLaterEventsAreRead() {
        customersOf(SAM).create(NewCustomer.company("ACME"));
        String now = as(SAM).changes().now();
        customersOf(SAM).create(NewCustomer.company("Globex"));

        assertThat(as(SAM).changes().since(now, 10).events()).extracting(e -> e.data().get("name"))
                .containsExactly("Globex");
    }

    @Test
    void aForgedCursorOrALimitOutOfRangeIsRefused() {
        for (String forged : List.of("garbage!", "", "RjE6eDox", "RjE6LTE6MA")) {
            assertThatThrownBy(() -> as(SAM).changes().since(forged, 10))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                            .extracting(ValidationException.Violation::field).containsExactly("cursor"));
        }
        assertThatThrownBy(() -> as(SAM).changes().since(null, 0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> as(SAM).changes().since(null, Changes.MAX_PAGE + 1))
                .isInstanceOf(ValidationException.class);
    }
}
