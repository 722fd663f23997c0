/**
 * Reports of crm4j, computed by the database (SQL aggregates) over what the asking user may see
 * (R20, R21).
 */
package org.crm4j.reports;
