package org.crm4j.customer;

/** How a contact person can be reached. */
public enum ChannelType {
    /** An e-mail address. */
    EMAIL,
    /** A telephone number in E.164 form. */
    PHONE,
    /** A messenger handle, written {@code service:handle}, e.g. {@code signal:+4930123456}. */
    MESSENGER,
    /** A web address (http or https). */
    WEB,
    /** A postal address. */
    POSTAL
}
