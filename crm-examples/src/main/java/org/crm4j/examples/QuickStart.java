package org.crm4j.examples;

import java.io.PrintStream;
import org.crm4j.AccessDeniedException;
import org.crm4j.Crm;
import org.crm4j.access.Actor;
import org.crm4j.access.InMemoryUserDirectory;
import org.crm4j.common.Address;
import org.crm4j.common.ExternalRef;
import org.crm4j.common.Page;
import org.crm4j.customer.ContactChannel;
import org.crm4j.customer.ContactPerson;
import org.crm4j.customer.Criteria;
import org.crm4j.customer.Customer;
import org.crm4j.customer.CustomerCard;
import org.crm4j.customer.CustomerQuery;
import org.crm4j.customer.CustomerSummary;
import org.crm4j.customer.Customers;
import org.crm4j.customer.NewContact;
import org.crm4j.customer.NewCustomer;
import org.crm4j.customer.Note;
import org.crm4j.customer.RoleCodes;

/**
 * The quick start: a CRM on the embedded default database, a small sales team, customers with
 * contacts and notes, and what each person may see (need-to-know).
 *
 * <p>Run it with {@code mvn -q -B -pl crm-examples -am -DskipTests package exec:java}.
 */
public final class QuickStart {
    private final PrintStream out;

    /** @param out where the tour is printed */
    public QuickStart(PrintStream out) {
        this.out = out;
    }

    /**
     * @param args ignored
     */
    public static void main(String[] args) {
        new QuickStart(System.out).run();
    }

    /** Runs the tour. */
    public void run() {
        // Who works here: Mia manages the sales team; Sam and Pia sell and report to her.
        var directory = new InMemoryUserDirectory()
                .add("mia", null)
                .add("sam", "mia")
                .add("pia", "mia");

        try (Crm crm = Crm.builder().userDirectory(directory).build()) {
            out.println("crm4j is running on " + crm.storeDescription());
            Actor sam = Actor.of("sam");
            Actor pia = Actor.of("pia");
            Actor mia = Actor.of("mia");

            // Sam records his customers, with contact persons and what he learned.
            Customers samsDesk = crm.as(sam).customers();
            Customer acme = samsDesk.create(NewCustomer.company("ACME Machinery GmbH")
                    .taxId("DE 123 456 789").industry("Machinery").tags("key-account")
                    .address(Address.of("Berlin", "DE")).externalRef(ExternalRef.of("ERP", "C-1001")));
            samsDesk.addContact(acme.id(), NewContact.named("Eva Novak").jobTitle("Finance Director")
                    .roles(RoleCodes.CFO).channel(ContactChannel.email("eva.novak@acme.example"))
                    .channel(ContactChannel.phone("+49 30 1234 5678")).primary());
            samsDesk.addContact(acme.id(), NewContact.named("Tom Ito").roles(RoleCodes.IT_MANAGER)
                    .channel(ContactChannel.email("tom.ito@acme.example")));
            samsDesk.addNote(acme.id(), "Budget for the new line is approved in March.");
            samsDesk.create(NewCustomer.company("Baltic Foods AS").address(Address.of("Tallinn", "EE")));

            // Pia records hers.
            Customers piasDesk = crm.as(pia).customers();
            Customer nordic = piasDesk.create(NewCustomer.company("Nordic Energy Oy").industry("Energy")
                    .address(Address.of("Helsinki", "FI")));
            piasDesk.addNote(nordic.id(), "Wants a quote for 40 units before summer.");

            // Mia, their manager, adds what she heard at a fair.
            crm.as(mia).customers().addNote(acme.id(), "Their CEO mentioned a second plant in Poznan.");

            // Everyone finds every customer, but opens only what they need to know.
            for (Actor actor : new Actor[] {sam, pia, mia}) {
                out.println();
                out.println("What " + actor.id() + " sees in a search:");
                Page<CustomerSummary> page = crm.as(actor).customers().search(CustomerQuery.builder().build());
                for (CustomerSummary row : page.items()) {
                    out.printf("  %-22s %-9s owner %-4s %s%n", row.name(), row.city(), row.ownerId(),
                            row.canOpen() ? "[may open]" : "[basic fields only]");
                }
            }
            try {
                piasDesk.card(acme.id());
            } catch (AccessDeniedException e) {
                out.println();
                out.println("Pia tries to open ACME: " + e.getMessage());
            }

            // Sam's customer card: everything about ACME in one call.
            CustomerCard card = samsDesk.card(acme.id());
            out.println();
            out.println("Customer card of " + card.customer().name() + " (tax id "
                    + card.customer().taxId().orElse("-") + ", ERP " + card.customer().externalRefs() + ")");
            for (ContactPerson contact : card.contacts()) {
                out.println("  contact: " + contact.name() + " " + contact.roles()
                        + (contact.isPrimary() ? " (primary)" : "") + " " + contact.channels().stream()
                        .map(ContactChannel::value).toList());
            }
            for (Note note : card.latestNotes()) {
                out.println("  note by " + note.authorId() + ": " + note.text());
            }
            card.latestHistory().forEach(e -> out.println("  history: " + e.type() + " by " + e.actorId()));

            // A search with criteria, page by page.
            out.println();
            out.println("Customers whose name contains 'a' or 'o', two per page, as Mia:");
            String token = null;
            int pageNo = 1;
            do {
                Page<CustomerSummary> page = crm.as(mia).customers().search(CustomerQuery.builder()
                        .where(Criteria.or(Criteria.nameContains("a"), Criteria.nameContains("o"))).pageSize(2).pageToken(token).build());
                out.println("  page " + pageNo++ + ": " + page.items().stream().map(CustomerSummary::name).toList());
                token = page.nextPageToken();
            } while (token != null);

            out.println();
            out.println("Events delivered to listeners: " + crm.deliverEvents().delivered());
        }
    }
}
