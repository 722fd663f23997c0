package org.crm4j.persistence.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.crm4j.activity.store.ActivityRecord;
import org.crm4j.activity.store.FirstContactRecord;
import org.crm4j.activity.store.RequestRecord;
import org.crm4j.campaign.store.CampaignRecord;
import org.crm4j.common.ExternalRef;
import org.crm4j.customer.CompetitorContract;
import org.crm4j.customer.Consent;
import org.crm4j.customer.store.ContactRecord;
import org.crm4j.customer.store.CustomerRecord;
import org.crm4j.customer.store.NoteRecord;
import org.crm4j.customer.store.OwnerChangeRecord;
import org.crm4j.customer.Unsubscription;
import org.crm4j.event.DomainEvent;
import org.crm4j.lead.store.LeadRecord;
import org.crm4j.mailing.store.MailingRecord;
import org.crm4j.mailing.store.RecipientRecord;
import org.crm4j.notify.Notice;
import org.crm4j.pipeline.store.OfferRecord;
import org.crm4j.pipeline.store.OpportunityRecord;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.store.SalesOrderRecord;
import org.crm4j.pipeline.StageChange;
import org.crm4j.store.DeliveryState;
import org.crm4j.store.ServiceStandardRow;
import org.crm4j.store.StallMark;

/**
 * Everything the in-memory store holds: the maps of records and the id sequence. Only a
 * {@link MemoryTx} changes it, and records how to undo each change.
 */
final class MemoryData {
    final TreeMap<Long, CustomerRecord> customers = new TreeMap<>();
    final Map<ExternalRef, Long> refs = new HashMap<>();
    final TreeMap<Long, ContactRecord> contacts = new TreeMap<>();
    final TreeMap<Long, NoteRecord> notes = new TreeMap<>();
    final List<OwnerChangeRecord> ownerChanges = new ArrayList<>();
    final TreeMap<Long, Outboxed> events = new TreeMap<>();
    final Map<String, Long> referenceVersions = new HashMap<>();
    final TreeMap<Long, Pipeline> pipelines = new TreeMap<>();
    final TreeMap<Long, OpportunityRecord> opportunities = new TreeMap<>();
    final List<StageChange> stageChanges = new ArrayList<>();
    final TreeMap<Long, OfferRecord> offers = new TreeMap<>();
    final TreeMap<Long, SalesOrderRecord> orders = new TreeMap<>();
    final TreeMap<Long, CampaignRecord> campaigns = new TreeMap<>();
    final TreeMap<Long, LeadRecord> leads = new TreeMap<>();
    final TreeMap<Long, ActivityRecord> activities = new TreeMap<>();
    /** The first-contact ledger, by salesperson, customer and kind. */
    final Map<List<Object>, FirstContactRecord> firstContacts = new HashMap<>();
    /** Each deal's last activity: its latest change, never moving backwards. */
    final Map<Long, Instant> lastActivity = new HashMap<>();
    /** Which stall of a deal was announced. */
    final Map<Long, StallMark> stalls = new HashMap<>();
    /** Consents by (contact id, purpose code). */
    final Map<List<Object>, Consent> consents = new HashMap<>();
    final Map<Long, Unsubscription> unsubscriptions = new HashMap<>();
    final TreeMap<Long, MailingRecord> mailings = new TreeMap<>();
    final TreeMap<Long, RecipientRecord> recipients = new TreeMap<>();
    /** Recipient ids by (mailing id, recipient key): the unique rule. */
    final Map<List<Object>, Long> recipientKeys = new HashMap<>();
    /** Notices by id, and their ids by key and recipient (the database's unique rule). */
    final TreeMap<Long, Notice> notices = new TreeMap<>();
    final Map<List<String>, Long> noticeKeys = new HashMap<>();
    final TreeMap<Long, Delivery> deliveries = new TreeMap<>();
    /** Reminders of planned activities, by activity. */
    final Map<Long, Reminder> reminders = new HashMap<>();
    final TreeMap<Long, CompetitorContract> competitorContracts = new TreeMap<>();
    /** Each request's state beside its activity, by the activity's id. */
    final TreeMap<Long, RequestRecord> requests = new TreeMap<>();
    /** The service standards, by id; one per kind and scope. */
    final TreeMap<Long, ServiceStandardRow> standards = new TreeMap<>();
    /** Sales: services, documents and payments by id, and their ids by the ERP's reference. */
    final TreeMap<Long, org.crm4j.sales.store.ServiceRecord> services = new TreeMap<>();
    final Map<ExternalRef, Long> serviceRefs = new HashMap<>();
    /** The commission plans, by id. */
    final TreeMap<Long, org.crm4j.sales.CommissionPlan> commissionPlans = new TreeMap<>();
    /** The documents kept on customers, by id, and their contents. */
    final TreeMap<Long, org.crm4j.customer.CustomerDocument> keptDocuments = new TreeMap<>();
    final Map<Long, byte[]> documentContents = new HashMap<>();
    /** The changes points of sale sent back, by their id. */
    final Map<java.util.UUID, org.crm4j.store.ClientChangeStore.ClientChange> clientChanges = new HashMap<>();
    /** The checkpoints of the sales sources, by source id (a null checkpoint is kept as null). */
    final Map<String, String> salesSources = new HashMap<>();
    /** The service each request is about, by the request's id. */
    final TreeMap<Long, ServiceRequestLink> serviceRequests = new TreeMap<>();

    /** That a request is about a service, since when. */
    record ServiceRequestLink(long serviceId, java.time.Instant at) {
    }
    final TreeMap<Long, org.crm4j.sales.store.DocumentRecord> documents = new TreeMap<>();
    final Map<ExternalRef, Long> documentRefs = new HashMap<>();
    final TreeMap<Long, org.crm4j.sales.store.PaymentRecord> payments = new TreeMap<>();
    final Map<ExternalRef, Long> paymentRefs = new HashMap<>();
    /** The next id of any record: one sequence for all, as the database's. */
    long nextId = 1;

    /** The delivery of a notice through one channel. */
    record Delivery(long id, long noticeId, String channel, DeliveryState state, int attempts, String token,
            Instant leaseUntil, Instant sentAt, String error) {
    }

    /** An activity's reminder. */
    record Reminder(long version, Instant remindAt) {
    }

    /**
     * An event with its delivery state.
     *
     * @param event the event
     * @param deliveredAt when it was delivered to every listener, or null
     * @param claimedBy the claim of the worker delivering it, or null
     * @param claimedUntil when that claim ends, or null
     * @param progress each listener's progress while it is in flight, with when it was recorded
     */
    record Outboxed(DomainEvent event, Instant deliveredAt, String claimedBy, Instant claimedUntil,
            Map<String, Progress> progress) {
        Outboxed {
            progress = Map.copyOf(progress);
        }
    }

    /**
     * @param outcome a listener's progress on an event
     * @param at when it was recorded
     */
    record Progress(org.crm4j.store.ListenerOutcome outcome, Instant at) {
    }
}
