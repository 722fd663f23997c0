package org.crm4j.plugin;

/**
 * A plugin: contributes extensions (event listeners, pipeline rules; notification channels and
 * more as features arrive). Registered on the builder with {@code .plugin(p)} or found with
 * {@link java.util.ServiceLoader} under {@code META-INF/services/org.crm4j.plugin.CrmPlugin}.
 * Discovered plugins come first, then the registered ones, each in its order; two plugins with
 * one id fail the build of the {@code Crm}.
 */
public interface CrmPlugin {

    /** @return a unique id, e.g. {@code com.example.erp-bridge} */
    String id();

    /** @param context where the plugin registers what it contributes */
    void register(PluginContext context);
}
