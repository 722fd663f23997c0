/**
 * Who is acting: the {@link org.crm4j.access.Actor} of every call, and an
 * {@link org.crm4j.access.InMemoryUserDirectory} for tests and examples.
 */
package org.crm4j.access;
