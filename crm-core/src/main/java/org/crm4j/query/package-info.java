/**
 * The query model: a typed criteria tree ({@link org.crm4j.query.Criterion}, built with
 * {@link org.crm4j.query.Criteria}) over {@link org.crm4j.query.CustomerField}s, sort orders
 * and keyset-paged results ({@link org.crm4j.query.Page}).
 */
package org.crm4j.query;
