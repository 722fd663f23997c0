package org.crm4j.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What the host configured for the store.
 *
 * @param dataSource the host's database, or null for the embedded default
 * @param h2File where the embedded H2 database keeps its file, or null for in memory
 * @param properties further settings for the adapter (e.g. Hibernate properties)
 * @param clock the clock
 */
public record StoreContext(DataSource dataSource, Path h2File, Map<String, String> properties, Clock clock) {

    /** Copies the properties. */
    public StoreContext {
        properties = Map.copyOf(properties);
    }

    /** @return the host's data source, if one was given */
    public Optional<DataSource> hostDataSource() {
        return Optional.ofNullable(dataSource);
    }

    /** @return the H2 file, if one was given */
    public Optional<Path> h2FilePath() {
        return Optional.ofNullable(h2File);
    }
}
