/**
 * Runnable examples of embedding crm4j; start with {@link org.crm4j.examples.QuickStart}.
 */
package org.crm4j.examples;
