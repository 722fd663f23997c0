package org.crm4j.internal.mailing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.crm4j.mailing.Audience;
import org.crm4j.mailing.store.MailingRecord;
import org.crm4j.mailing.store.RecipientRecord;

/**
 * The values a mailing's templates see (documented on {@link org.crm4j.mailing.NewMailing}): the
 * same keys for the sample recipient a new mailing's templates are tried on and for every real
 * recipient, so that a template that renders for the sample renders for everyone.
 */
final class MailingModel {
    /** Where the unsubscribe link's pattern takes the contact's id. */
    static final String CONTACT_ID = "{contactId}";

    private MailingModel() {
    }

    /**
     * @param audience the mailing's audience
     * @param mailingName its name
     * @param senderId its owner
     * @param senderName the owner's name
     * @param unsubscribeLink its unsubscribe link's pattern, or null
     * @return the values of a made-up recipient of that audience
     */
    static Map<String, Object> sample(Audience audience, String mailingName, String senderId, String senderName,
            String unsubscribeLink) {
        return values(audience.customers(), mailingName, senderId, senderName, "Alex Sample", "alex@example.com",
                "Sample Customer Ltd", unsubscribeLink == null ? null : unsubscribeLink.replace(CONTACT_ID, "1"));
    }

    /**
     * @param m the mailing
     * @param senderName its owner's name
     * @param r a recipient
     * @return the values of that recipient
     */
    static Map<String, Object> of(MailingRecord m, String senderName, RecipientRecord r) {
        String unsubscribe = m.unsubscribeLink() == null || r.contactId() == null ? null
                : m.unsubscribeLink().replace(CONTACT_ID, Long.toString(r.contactId()));
        return values(r.contactId() != null, m.name(), m.ownerId(), senderName, r.name(), r.email(),
                r.customerName(), unsubscribe);
    }

    private static Map<String, Object> values(boolean customers, String mailingName, String senderId,
            String senderName, String name, String email, String customerName, String unsubscribeUrl) {
        Map<String, Object> person = person(name, email);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("recipient", person);
        values.put("sender", Map.of("id", senderId, "name", senderName));
        values.put("mailing", Map.of("name", mailingName));
        if (customers) {
            values.put("contact", person);
            values.put("customer", Map.of("name", customerName == null ? "" : customerName));
            if (unsubscribeUrl != null) {
                values.put("unsubscribeUrl", unsubscribeUrl);
            }
        }
        return values;
    }

    private static Map<String, Object> person(String name, String email) {
        String full = name == null ? "" : name.strip();
        int first = full.indexOf(' ');
        int last = full.lastIndexOf(' ');
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", full);
        p.put("firstName", first < 0 ? full : full.substring(0, first));
        p.put("lastName", last < 0 ? "" : full.substring(last + 1));
        p.put("email", email == null ? "" : email);
        return p;
    }
}
