/**
 * Implementation of crm4j. Nothing here is API: it may change in any release.
 */
package org.crm4j.internal;
