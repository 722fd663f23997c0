/**
 * Notices to employees and the messages that carry them (R15): reminders of planned activities,
 * notices from rules (a competitor's contract ends, or a plugged-in renewal rule) and from events
 * (a stalled deal, an overdue request), each created once per cause and recipient and delivered
 * once per channel by {@code Crm.runDueWork()}. Entry points: {@link org.crm4j.notify.Inbox}
 * ({@code crm.as(user).inbox()}) and {@code Crm.runDueWork()}; the kinds and their values are in
 * {@link org.crm4j.notify.NoticeKinds}.
 */
package org.crm4j.notify;
