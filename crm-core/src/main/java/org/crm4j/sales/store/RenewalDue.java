package org.crm4j.sales.store;

/**
 * A service whose renewal talks are due, with what its notice needs of the customer.
 *
 * @param service the service
 * @param customerName the customer's name
 * @param ownerId the customer's owner, who gets the notice
 */
public record RenewalDue(ServiceRecord service, String customerName, String ownerId) {

    /** The start of the notice keys of renewal notices. */
    public static final String KEY_PREFIX = "service-renewal:";

    /**
     * @return the key of its notice: once per service and term (a term is known by its end)
     */
    public String noticeKey() {
        return noticeKey(service.id(), service.endsOn());
    }

    /**
     * @param serviceId a service
     * @param endsOn the end of its term
     * @return the key of the renewal notice of that term
     */
    public static String noticeKey(long serviceId, java.time.LocalDate endsOn) {
        return KEY_PREFIX + serviceId + ":" + endsOn;
    }
}
