package org.crm4j.store;

import org.crm4j.activity.store.ActivityRecord;
import org.crm4j.activity.store.RequestRecord;

/**
 * A request as a store reads it: its activity and its own state beside it.
 *
 * @param activity the activity, of type {@code REQUEST}
 * @param request the request's state, keyed by the activity's id
 */
public record StoredRequest(ActivityRecord activity, RequestRecord request) {
}
