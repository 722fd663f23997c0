package org.crm4j.store;

/** What the rows of a forecast aggregate are grouped by, besides period and currency. */
public enum ForecastGrouping {
    /** The deal's owner: the group key is the owner's user id. */
    OWNER,
    /** The deal's pipeline: the group key is the pipeline id in decimal. */
    PIPELINE
}
