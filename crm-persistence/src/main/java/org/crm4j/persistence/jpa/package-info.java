/**
 * The Jakarta Persistence store adapter on Hibernate ORM: the default store of crm4j, on an
 * embedded H2 database or on the host's own database (H2 and PostgreSQL are supported; other
 * databases Hibernate has a dialect for are tried). Flyway owns the schema ({@code crm_*}
 * tables, migrated on start); Hibernate only validates it.
 *
 * <p>Only {@link org.crm4j.persistence.jpa.JpaStoreProvider} is public: it is found through
 * {@link java.util.ServiceLoader} and chosen with {@code Crm.builder().store("jpa")} (or by its
 * priority when no store is named). Everything else here is an implementation detail; no
 * Hibernate or JDBC type crosses the store SPI, and every failure is translated into crm4j's
 * exceptions at the transaction boundary.
 */
package org.crm4j.persistence.jpa;
