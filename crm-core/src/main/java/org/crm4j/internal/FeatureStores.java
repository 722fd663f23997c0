package org.crm4j.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crm4j.CrmException;
import org.crm4j.store.ActivityStore;
import org.crm4j.store.CampaignStore;
import org.crm4j.store.CompetitorContractStore;
import org.crm4j.store.ConsentStore;
import org.crm4j.store.ContactStore;
import org.crm4j.store.CustomerStore;
import org.crm4j.store.EventStore;
import org.crm4j.store.LeadStore;
import org.crm4j.store.MailingStore;
import org.crm4j.store.NoteStore;
import org.crm4j.store.NoticeStore;
import org.crm4j.store.OfferStore;
import org.crm4j.store.OpportunityStore;
import org.crm4j.store.PipelineStore;
import org.crm4j.store.ReminderStore;
import org.crm4j.store.RequestStore;
import org.crm4j.store.ServiceStandardStore;

/**
 * Which store interfaces each feature of crm4j needs from the store adapter. A feature that adds a
 * store adds a line here; an adapter without it is refused when the CRM is built, with the feature
 * and the adapter named, instead of failing on the first call.
 */
public final class FeatureStores {
    private static final Map<String, List<Class<?>>> NEEDS = new LinkedHashMap<>();

    static {
        NEEDS.put("customers", List.of(CustomerStore.class, ContactStore.class, NoteStore.class,
                CompetitorContractStore.class));
        NEEDS.put("domain events", List.of(EventStore.class));
        NEEDS.put("pipelines", List.of(PipelineStore.class));
        NEEDS.put("opportunities", List.of(OpportunityStore.class));
        NEEDS.put("offers", List.of(OfferStore.class));
        NEEDS.put("campaigns", List.of(CampaignStore.class));
        NEEDS.put("leads", List.of(LeadStore.class));
        NEEDS.put("activities", List.of(ActivityStore.class, ReminderStore.class));
        NEEDS.put("requests", List.of(RequestStore.class));
        NEEDS.put("service standards", List.of(ServiceStandardStore.class));
        NEEDS.put("consents", List.of(ConsentStore.class));
        NEEDS.put("mailings", List.of(MailingStore.class));
        NEEDS.put("notices", List.of(NoticeStore.class));
        NEEDS.put("sales", List.of(org.crm4j.sales.store.SalesStore.class));
        NEEDS.put("documents", List.of(org.crm4j.document.store.CustomerDocumentStore.class));
        NEEDS.put("points of sale", List.of(org.crm4j.store.ClientChangeStore.class));
        NEEDS.put("caches across nodes", List.of(org.crm4j.store.ReferenceVersionStore.class));
    }

    private FeatureStores() {
    }

    /**
     * @param adapter the adapter's id, for the message
     * @param supported the store interfaces it implements
     * @throws CrmException naming the first feature whose store is missing, and the adapter
     */
    public static void check(String adapter, Set<Class<?>> supported) {
        for (Map.Entry<String, List<Class<?>>> feature : NEEDS.entrySet()) {
            for (Class<?> needed : feature.getValue()) {
                if (!supported.contains(needed)) {
                    throw new CrmException("The store adapter '" + adapter + "' has no " + needed.getSimpleName()
                            + ", which the feature '" + feature.getKey() + "' needs");
                }
            }
        }
    }
}
