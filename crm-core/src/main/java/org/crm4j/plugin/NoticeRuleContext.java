package org.crm4j.plugin;

import org.crm4j.store.StoreTransaction;
import java.time.Instant;
import java.time.ZoneId;

/** What a {@link NoticeRule} reads when it is asked for due notices. */
public interface NoticeRuleContext {

    /** @return the store, in a read-only transaction */
    StoreTransaction store();

    /** @return the instant of this run, from the CRM's clock */
    Instant now();

    /** @return the zone of the CRM's clock, for dates */
    ZoneId zone();

    /** @return how many notices one run should yield at most; the rest come on the next runs */
    int limit();
}
