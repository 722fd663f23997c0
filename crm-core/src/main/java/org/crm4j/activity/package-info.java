/**
 * Activities with customers: phone calls, meetings, e-mails, tasks and notes
 * ({@link org.crm4j.activity.Activity}), planned or done, logged with
 * {@link org.crm4j.activity.NewActivity} through {@link org.crm4j.activity.Activities}
 * ({@code crm.as(actor).activities()}), with the salespeople and the customer's contact persons
 * who took part, and optionally the deal or lead they belong to. The first-contact ledger (R9)
 * keeps each salesperson's one first call and one first meeting per customer, with a contact
 * person in a responsible role.
 */
package org.crm4j.activity;
