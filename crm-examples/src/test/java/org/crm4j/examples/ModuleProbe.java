package org.crm4j.examples;

import java.lang.reflect.InvocationTargetException;
import org.crm4j.Crm;

/**
 * What a host on the module path sees of crm4j: run by {@link ModulePathIT} in a JVM with crm-core
 * on the module path and the host (this class, the quick start) on the class path.
 */
public final class ModuleProbe {
    private ModuleProbe() {
    }

    /**
     * Says which module crm-core is, whether its services can be reached, then runs the quick start.
     *
     * @param args none
     * @throws ReflectiveOperationException when the probe itself is broken
     */
    public static void main(String[] args) throws ReflectiveOperationException {
        Module core = Crm.class.getModule();
        System.out.println("crm-core module: " + core.getName());
        System.out.println("exports org.crm4j.customer: " + core.isExported("org.crm4j.customer"));
        System.out.println("exports org.crm4j.internal.customer: " + core.isExported("org.crm4j.internal.customer"));
        Class<?> internal = Class.forName("org.crm4j.internal.Assert");
        try {
            internal.getMethod("notNull", Object.class, String.class).invoke(null, "value", "name");
            System.out.println("org.crm4j.internal.Assert: reached");
        } catch (IllegalAccessException e) {
            System.out.println("org.crm4j.internal.Assert: refused (" + e.getClass().getSimpleName() + ")");
        } catch (InvocationTargetException e) {
            System.out.println("org.crm4j.internal.Assert: reached, and it threw " + e.getCause());
        }
        QuickStart.main(args);
    }
}
