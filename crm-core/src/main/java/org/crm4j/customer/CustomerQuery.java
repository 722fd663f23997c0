package org.crm4j.customer;


/**
 * A customer search: criteria, order and page. Every actor may search all customers and sees
 * their basic fields; criteria on other fields, or {@link Builder#onlyOpenable()}, limit the
 * search to the customers the actor may open.
 *
 * @param where the criteria, or null for all
 * @param sort the order
 * @param pageSize rows per page, 1 to 500
 * @param pageToken the next-page token of the previous page, or null for the first; it names that
 *     page's last customer by id only, and the next page starts where that customer stands when it
 *     is read; a token that is not crm4j's is refused (field {@code pageToken}, rule {@code Format})
 * @param includeArchived whether archived customers are found
 * @param onlyOpenable whether only customers the actor may open are found
 */
public record CustomerQuery(Criterion where, CustomerSort sort, int pageSize, String pageToken,
        boolean includeArchived, boolean onlyOpenable) {

    /** @return a builder: all active customers by name, 50 a page */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param where the criteria
     * @return the first page of active customers matching them, by name
     */
    public static CustomerQuery where(Criterion where) {
        return builder().where(where).build();
    }

    /** Builds a {@link CustomerQuery}. */
    public static final class Builder {
        private Criterion where;
        private CustomerSort sort = CustomerSort.NAME_ASC;
        private int pageSize = 50;
        private String pageToken;
        private boolean includeArchived;
        private boolean onlyOpenable;

        private Builder() {
        }

        /**
         * @param criteria the criteria
         * @return this
         */
        public Builder where(Criterion criteria) {
            this.where = criteria;
            return this;
        }

        /**
         * @param order the order
         * @return this
         */
        public Builder sort(CustomerSort order) {
            this.sort = order;
            return this;
        }

        /**
         * @param size rows per page, 1 to 500
         * @return this
         */
        public Builder pageSize(int size) {
            this.pageSize = size;
            return this;
        }

        /**
         * @param token the next-page token of the previous page
         * @return this
         */
        public Builder pageToken(String token) {
            this.pageToken = token;
            return this;
        }

        /** @return this, finding archived customers too */
        public Builder includeArchived() {
            this.includeArchived = true;
            return this;
        }

        /** @return this, finding only customers the actor may open */
        public Builder onlyOpenable() {
            this.onlyOpenable = true;
            return this;
        }

        /** @return the query */
        public CustomerQuery build() {
            return new CustomerQuery(where, sort, pageSize, pageToken, includeArchived, onlyOpenable);
        }
    }
}
