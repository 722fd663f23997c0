package org.crm4j.mailing;

/** Why a recipient of a mailing got nothing. */
public enum SkipReason {
    /** The contact never granted consent for the mailing's purpose (maybe for another one). */
    NO_CONSENT,
    /** The contact withdrew the consent for the mailing's purpose. */
    CONSENT_WITHDRAWN,
    /** The contact unsubscribed from all mailings. */
    UNSUBSCRIBED,
    /** The contact person or employee has no e-mail address. */
    NO_EMAIL
}
