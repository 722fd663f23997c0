/**
 * Notices to employees and the messages that carry them (R15): reminders, notices from rules,
 * the notification channels' shared types.
 */
package org.crm4j.notify;
