/**
 * Activities with customers: phone calls, meetings, e-mails, tasks and notes
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
 */
package org.crm4j.activity;
