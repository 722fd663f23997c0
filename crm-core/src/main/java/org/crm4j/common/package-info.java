/**
 * Value objects shared by every feature: {@link org.crm4j.common.Money},
 * {@link org.crm4j.common.EmailAddress}, {@link org.crm4j.common.PhoneNumber},
 * {@link org.crm4j.common.Address} and {@link org.crm4j.common.ExternalRef}, and the
 * keyset-paged {@link org.crm4j.common.Page}. Each checks its
 * input on construction and throws {@link org.crm4j.ValidationException} naming the field.
 */
package org.crm4j.common;
