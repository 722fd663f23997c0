/**
 * crm4j's core: the API a host calls, the SPI plugin authors ({@code org.crm4j.plugin}) and store
 * adapter authors ({@code org.crm4j.store} and each feature's {@code store} package) implement.
 * Only those packages are exported; the services behind the API ({@code org.crm4j.internal} and its
 * sub-packages) are not, so nothing outside crm4j can reach them on the module path.
 */
module org.crm4j.core {
    requires transitive java.sql;
    requires transitive jakarta.validation;
    requires org.slf4j;
    requires com.github.benmanes.caffeine;
    requires com.google.i18n.phonenumbers.libphonenumber;

    exports org.crm4j;
    exports org.crm4j.access;
    exports org.crm4j.activity;
    exports org.crm4j.activity.store;
    exports org.crm4j.campaign;
    exports org.crm4j.campaign.store;
    exports org.crm4j.common;
    exports org.crm4j.customer;
    exports org.crm4j.customer.store;
    exports org.crm4j.document;
    exports org.crm4j.document.store;
    exports org.crm4j.event;
    exports org.crm4j.imports;
    exports org.crm4j.lead;
    exports org.crm4j.lead.store;
    exports org.crm4j.mailing;
    exports org.crm4j.mailing.store;
    exports org.crm4j.notify;
    exports org.crm4j.pipeline;
    exports org.crm4j.pipeline.store;
    exports org.crm4j.plugin;
    exports org.crm4j.sales;
    exports org.crm4j.sales.store;
    exports org.crm4j.store;
    exports org.crm4j.sync;

    // Bean Validation (Hibernate Validator, on the module path or the class path) reads the
    // constraints on the API's private fields
    opens org.crm4j.access;
    opens org.crm4j.activity;
    opens org.crm4j.campaign;
    opens org.crm4j.common;
    opens org.crm4j.customer;
    opens org.crm4j.imports;
    opens org.crm4j.lead;
    opens org.crm4j.mailing;
    opens org.crm4j.notify;
    opens org.crm4j.pipeline;
    opens org.crm4j.sales;

    uses org.crm4j.plugin.CrmPlugin;
    uses org.crm4j.plugin.PipelineRule;
    uses org.crm4j.plugin.NoticeRule;
    uses org.crm4j.plugin.NotificationChannel;
    uses org.crm4j.plugin.TemplateEngine;
    uses org.crm4j.store.CrmStoreProvider;
}
