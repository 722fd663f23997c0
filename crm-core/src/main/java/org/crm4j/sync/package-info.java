/**
 * Points of sale that work offline (R31): what they send back, each change once by an id of their
 * own, with the rule for conflicts with a newer central version ({@link org.crm4j.sync.PointOfSale}).
 * They read what changed centrally through the change feed ({@code crm.as(staff).changes()}).
 */
package org.crm4j.sync;
