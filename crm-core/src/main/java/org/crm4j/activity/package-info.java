/**
 * Activities with customers: phone calls, meetings, e-mails, tasks, notes and requests
 * ({@link org.crm4j.activity.Activity}), planned or done, logged with
 * {@link org.crm4j.activity.NewActivity} through {@link org.crm4j.activity.Activities}
 * ({@code crm.as(actor).activities()}), with the salespeople and the customer's contact persons
 * who took part, and optionally the deal or lead they belong to. The first-contact ledger (R9)
 * keeps each salesperson's one first call and one first meeting per customer, with a contact
 * person in one of the responsible roles (by default {@link org.crm4j.activity.Activities#RESPONSIBLE_ROLES},
 * else those the host set with {@code Crm.builder().responsibleRoles(...)}). The schedule (R14),
 * {@link org.crm4j.activity.Activities#schedule} with a {@link org.crm4j.activity.ScheduleQuery},
 * lists the planned and done activities of a user, a team or everyone the actor may see in a
 * period, with per-user counts ({@link org.crm4j.activity.ScheduleCount}).
 *
 * <p>Customer requests (R7, {@link org.crm4j.activity.Requests}, {@code crm.as(actor).requests()}):
 * every question, complaint and service request is logged ({@link org.crm4j.activity.NewRequest}),
 * by a user or idempotently by an integration ({@link org.crm4j.activity.InboundRequest}), as an
 * activity of type {@code REQUEST} with a due time, and tracked until answered; overdue ones are
 * escalated by {@code Crm.escalateOverdueRequests}. Service standards (R14,
 * {@link org.crm4j.activity.ServiceStandards}, {@code crm.as(actor).serviceStandards()}) are the
 * policies managers set ({@link org.crm4j.activity.ServiceStandard}) and where the salespeople do
 * not meet them ({@link org.crm4j.activity.ShortfallReport}).
 */
package org.crm4j.activity;
