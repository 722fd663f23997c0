package org.crm4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.crm4j.store.CrmStore;
import org.crm4j.store.CrmStoreProvider;
import org.crm4j.store.CustomerStore;
import org.crm4j.store.StoreContext;
import org.crm4j.store.StoreTransaction;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import org.junit.jupiter.api.io.TempDir;

/** A store adapter that lacks a feature's store is refused when the CRM is built, naming both. */
class MissingStoreTest {
    static final AtomicBoolean CLOSED = new AtomicBoolean();

    /** An adapter that knows customers only, as an adapter written before the other features would. */
    public static final class CustomersOnlyProvider implements CrmStoreProvider {
        @Override
        public String id() {
            return "customers-only";
        }

        @Override
        public int priority() {
            return 0;
        }

        @Override
        public CrmStore open(StoreContext context) {
            return new CrmStore() {
                @Override
                public <T> T inTransaction(Function<StoreTransaction, T> work) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public <T> T readOnly(Function<StoreTransaction, T> work) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public Set<Class<?>> stores() {
                    return Set.of(CustomerStore.class);
                }

                @Override
                public String description() {
                    return "customers only";
                }

                @Override
                public void close() {
                    CLOSED.set(true);
                }
            };
        }
    }

    @Test
    void anAdapterWithoutAFeaturesStore_isRefusedAtBuild_namingTheFeatureAndTheAdapter(@TempDir Path dir)
            throws Exception {
        // on the module path, a provider inside a named module is found only through its
        // module's "provides"; this one is declared the class path's way
        assumeFalse(getClass().getModule().isNamed(), "runs in the class-path execution");
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(CrmStoreProvider.class.getName()), CustomersOnlyProvider.class.getName());
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            thread.setContextClassLoader(loader);
            assertThatThrownBy(() -> Crm.builder().discoverPlugins(false).build())
                    .isInstanceOf(CrmException.class)
                    .hasMessageContaining("'customers-only'")
                    .hasMessageContaining("ContactStore")
                    .hasMessageContaining("'customers'");
            assertThat(CLOSED).isTrue();
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
