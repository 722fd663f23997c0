/**
 * What plugin and adapter authors implement: {@link org.crm4j.spi.CrmStoreProvider} and
 * {@link org.crm4j.spi.CrmStore} for a store adapter, {@link org.crm4j.spi.UserDirectory} for
 * the host's users, {@link org.crm4j.spi.EventListener} and {@link org.crm4j.spi.CrmPlugin} for
 * extensions. Each is found through {@link java.util.ServiceLoader} or registered on
 * {@code Crm.builder()}.
 */
package org.crm4j.spi;
