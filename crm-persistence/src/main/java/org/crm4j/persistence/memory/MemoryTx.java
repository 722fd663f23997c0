package org.crm4j.persistence.memory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import org.crm4j.ConflictException;
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
import org.crm4j.store.StoreTransaction;
import org.crm4j.store.Stores;

/**
 * One transaction: hands out the feature stores, and records every write to the shared
 * {@link MemoryData} with how to undo it, so {@link #rollback} leaves nothing behind.
 */
final class MemoryTx implements StoreTransaction {
    /** The stores by their interface, made when first asked. */
    private Stores stores;
    private final MemoryData data;
    private final MemoryNeedToKnow needToKnow;
    private final boolean writable;
    private final Deque<Runnable> undo = new ArrayDeque<>();
    private final CustomerStore customerStore;
    private final ContactStore contactStore;
    private final NoteStore noteStore;
    private final EventStore eventStore;
    private final PipelineStore pipelineStore;
    private final OpportunityStore opportunityStore;
    private final OfferStore offerStore;
    private final CampaignStore campaignStore;
    private final LeadStore leadStore;
    private final ActivityStore activityStore;
    private final ConsentStore consentStore;
    private final MailingStore mailingStore;
    private final NoticeStore noticeStore;
    private final ReminderStore reminderStore;
    private final CompetitorContractStore competitorContractStore;
    private final RequestStore requestStore;
    private final ServiceStandardStore standardStore;

    MemoryTx(MemoryData data, MemoryNeedToKnow needToKnow, boolean writable) {
        this.data = data;
        this.needToKnow = needToKnow;
        this.writable = writable;
        customerStore = new MemoryCustomerStore(this);
        contactStore = new MemoryContactStore(this);
        noteStore = new MemoryNoteStore(this);
        eventStore = new MemoryEventStore(this);
        pipelineStore = new MemoryPipelineStore(this);
        opportunityStore = new MemoryOpportunityStore(this);
        offerStore = new MemoryOfferStore(this);
        campaignStore = new MemoryCampaignStore(this);
        leadStore = new MemoryLeadStore(this);
        activityStore = new MemoryActivityStore(this);
        consentStore = new MemoryConsentStore(this);
        mailingStore = new MemoryMailingStore(this);
        noticeStore = new MemoryNoticeStore(this);
        reminderStore = new MemoryReminderStore(this);
        competitorContractStore = new MemoryCompetitorContractStore(this);
        requestStore = new MemoryRequestStore(this);
        standardStore = new MemoryServiceStandardStore(this);
    }

    MemoryData data() {
        return data;
    }

    MemoryNeedToKnow needToKnow() {
        return needToKnow;
    }

    /** Undoes every write of this transaction, the latest first. */
    void rollback() {
        while (!undo.isEmpty()) {
            undo.pop().run();
        }
    }

    void checkWritable() {
        if (!writable) {
            throw new CrmException("Cannot write in a read-only transaction");
        }
    }

    <K, V> void put(Map<K, V> map, K key, V value) {
        checkWritable();
        V old = map.put(key, value);
        undo.push(() -> {
            if (old == null) {
                map.remove(key);
            } else {
                map.put(key, old);
            }
        });
    }

    <K, V> void remove(Map<K, V> map, K key) {
        checkWritable();
        V old = map.remove(key);
        if (old != null) {
            undo.push(() -> map.put(key, old));
        }
    }

    /** Appends to a list kept in insertion order (owner and stage changes). */
    <T> void add(List<T> list, T item) {
        checkWritable();
        list.add(item);
        undo.push(() -> list.remove(list.size() - 1));
    }

    long newId() {
        long saved = data.nextId;
        undo.push(() -> data.nextId = saved);
        return data.nextId++;
    }

    /**
     * Writes a changed record at the next version, when the stored one still has the version
     * the change was read at.
     */
    <R> R replaceVersioned(Map<Long, R> map, long id, long readVersion, ToLongFunction<R> version,
            String what, LongFunction<R> atVersion) {
        checkWritable();
        current(map.get(id), version, readVersion, what);
        R stored = atVersion.apply(readVersion + 1);
        put(map, id, stored);
        return stored;
    }

    /**
     * @return the stored record, when it still has the version a change was based on
     * @throws ConflictException when it is gone or its version moved, as the database adapter says it
     */
    static <R> R current(R stored, ToLongFunction<R> version, long readVersion, String what) {
        if (stored == null) {
            throw new ConflictException(what + " no longer exists");
        }
        if (version.applyAsLong(stored) != readVersion) {
            throw new ConflictException(what + " was changed by someone else (read at version " + readVersion
                    + ", now at " + version.applyAsLong(stored) + "); reload it and apply the change again");
        }
        return stored;
    }

    public CustomerStore customers() {
        return customerStore;
    }

    public ContactStore contacts() {
        return contactStore;
    }

    public NoteStore notes() {
        return noteStore;
    }

    public EventStore events() {
        return eventStore;
    }

    public PipelineStore pipelines() {
        return pipelineStore;
    }

    public OpportunityStore opportunities() {
        return opportunityStore;
    }

    public OfferStore offers() {
        return offerStore;
    }

    public CampaignStore campaigns() {
        return campaignStore;
    }

    public LeadStore leads() {
        return leadStore;
    }

    public ActivityStore activities() {
        return activityStore;
    }

    public ConsentStore consents() {
        return consentStore;
    }

    public MailingStore mailings() {
        return mailingStore;
    }

    public NoticeStore notices() {
        return noticeStore;
    }

    public ReminderStore reminders() {
        return reminderStore;
    }

    public CompetitorContractStore competitorContracts() {
        return competitorContractStore;
    }

    public RequestStore requests() {
        return requestStore;
    }

    public ServiceStandardStore serviceStandards() {
        return standardStore;
    }

    /** @return the stores of this transaction by their interface */
    Stores storeSet() {
        if (stores == null) {
            stores = Stores.builder()
                .add(CustomerStore.class, customers())
                .add(ContactStore.class, contacts())
                .add(NoteStore.class, notes())
                .add(EventStore.class, events())
                .add(PipelineStore.class, pipelines())
                .add(OpportunityStore.class, opportunities())
                .add(OfferStore.class, offers())
                .add(CampaignStore.class, campaigns())
                .add(LeadStore.class, leads())
                .add(ActivityStore.class, activities())
                .add(ConsentStore.class, consents())
                .add(MailingStore.class, mailings())
                .add(NoticeStore.class, notices())
                .add(ReminderStore.class, reminders())
                .add(CompetitorContractStore.class, competitorContracts())
                .add(RequestStore.class, requests())
                .add(ServiceStandardStore.class, serviceStandards())
                .add(org.crm4j.store.ReferenceVersionStore.class, new MemoryReferenceVersionStore(this))
                .add(org.crm4j.sales.store.SalesStore.class, new MemorySalesStore(this))
                .add(org.crm4j.document.store.CustomerDocumentStore.class, new MemoryCustomerDocumentStore(this))
                .add(org.crm4j.store.ClientChangeStore.class, new MemoryClientChangeStore(this))
                .build();
        }
        return stores;
    }

    @Override
    public <S> S store(Class<S> type) {
        return storeSet().get(type);
    }
}
