package org.crm4j.notify;

import org.crm4j.common.Page;

/**
 * One employee's in-app inbox: the notices delivered to them, latest first. Get it with
 * {@code crm.as(user).inbox()}; everyone sees and marks only their own notices.
 *
 * <pre>{@code
 * Inbox inbox = crm.as("sam").inbox();
 * Page<Notice> page = inbox.list(null, 20);
 * inbox.markRead(page.items().get(0).id());
 * long unread = inbox.unreadCount();
 * }</pre>
 */
public interface Inbox {

    /**
     * @param pageToken the token of the previous page, or null for the first
     * @param pageSize how many at most, 1 to 500
     * @return the actor's notices, latest arrival first
     * @throws org.crm4j.ValidationException when the page size is out of range or the token is
     *     not one of this list
     */
    Page<Notice> list(String pageToken, int pageSize);

    /** @return how many of the actor's notices are unread */
    long unreadCount();

    /**
     * @param id a notice
     * @return it
     * @throws org.crm4j.NotFoundException when there is no such notice in the actor's inbox
     */
    Notice get(NoticeId id);

    /**
     * Marks a notice read; marking a read one again keeps the first time.
     *
     * @param id one of the actor's notices
     * @return it, read
     * @throws org.crm4j.NotFoundException when there is no such notice in the actor's inbox
     *     (also when it is someone else's)
     */
    Notice markRead(NoticeId id);

    /**
     * @param id one of the actor's notices
     * @return it, unread
     * @throws org.crm4j.NotFoundException when there is no such notice in the actor's inbox
     */
    Notice markUnread(NoticeId id);
}
