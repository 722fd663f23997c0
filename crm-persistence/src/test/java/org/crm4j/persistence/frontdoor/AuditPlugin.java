package org.crm4j.persistence.frontdoor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crm4j.event.DomainEvent;
import org.crm4j.plugin.CrmPlugin;
import org.crm4j.plugin.PluginContext;

/** A plugin found through {@code META-INF/services}: it keeps every event it is given. */
public final class AuditPlugin implements CrmPlugin {
    static final List<DomainEvent> SEEN = new CopyOnWriteArrayList<>();

    @Override
    public String id() {
        return "test.audit";
    }

    @Override
    public void register(PluginContext context) {
        context.addListener(SEEN::add);
    }
}
