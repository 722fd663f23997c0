package org.crm4j.store;

/**
 * The requests of one owner that missed their due time, as a store counts them.
 *
 * @param ownerId the requests' owner
 * @param answeredLate how many were answered after their due time
 * @param overdue how many are still open after it
 */
public record LateRequestsRow(String ownerId, long answeredLate, long overdue) {
}
