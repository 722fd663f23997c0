/**
 * The in-memory store adapter ({@link org.crm4j.persistence.memory.MemoryStoreProvider}, id
 * {@code memory}): proves the store SPI is pluggable and keeps unit tests fast.
 */
package org.crm4j.persistence.memory;
