/** What a store adapter implements for the documents kept on customers. */
package org.crm4j.document.store;
