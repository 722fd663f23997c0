package org.crm4j.sales;

import org.crm4j.common.Address;

/**
 * A billing or delivery address of a sales document as crm4j keeps it (from a {@link SalesAddress}).
 *
 * @param name whom it names, or null
 * @param address the postal address, its country an ISO 3166-1 alpha-2 code
 * @param phone the phone number in E.164 form, or null (none given, or left out as unreadable)
 */
public record DocumentAddress(String name, Address address, String phone) {
}
