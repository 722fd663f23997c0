package org.crm4j.persistence.jpa;

import jakarta.persistence.ValidationMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.crm4j.CrmException;
import org.crm4j.store.CrmStore;
import org.crm4j.store.CrmStoreProvider;
import org.crm4j.store.StoreContext;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.SessionFactory;
import org.hibernate.Version;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jakarta Persistence store adapter on Hibernate ORM, crm4j's default store (id {@value #ID}).
 *
 * <p>Without a host data source it runs on an embedded H2 database: in memory (private to each
 * {@code Crm}, gone when it closes) or in the file given with {@code Crm.builder().h2File(path)}.
 * With the host's {@code DataSource} it creates its {@code crm_*} tables there and never closes
 * the data source. On opening, it migrates the schema with Flyway; Hibernate only validates it.
 *
 * <p>Every store property ({@code Crm.builder().storeProperty(key, value)}) is handed to
 * Hibernate and may override the defaults, e.g. {@code hibernate.generate_statistics=true} or
 * {@code hibernate.jdbc.batch_size}.
 */
public final class JpaStoreProvider implements CrmStoreProvider {
    /** The id to pass to {@code Crm.builder().store(id)}. */
    public static final String ID = "jpa";

    private static final Logger LOG = LoggerFactory.getLogger(JpaStoreProvider.class);
    /** The user of the embedded database. */
    private static final String USER = "sa";

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public JpaStoreProvider() {
    }

    /** @return {@value #ID} */
    @Override
    public String id() {
        return ID;
    }

    /** @return 100: the default store when it is on the class path */
    @Override
    public int priority() {
        return 100;
    }

    /**
     * Connects (or starts the embedded H2 database), migrates the schema and bootstraps Hibernate.
     *
     * @param context what the host configured
     * @return the open store
     * @throws CrmException when the database cannot be reached, migrated or validated
     */
    @Override
    public CrmStore open(StoreContext context) {
        EmbeddedH2 embedded = context.hostDataSource().isPresent() ? null : EmbeddedH2.start(context.h2File());
        DataSource dataSource = embedded != null ? embedded.pool : context.dataSource();
        String where = embedded != null ? embedded.describe() : "the host's data source";
        try {
            DatabaseInfo database = DatabaseInfo.read(dataSource);
            if (database.kind() == DatabaseKind.OTHER) {
                LOG.warn("CRM-JPA-001 crm4j supports H2 and PostgreSQL; trying {} {} with the ANSI forms of the schema",
                        database.productName(), database.productVersion());
            }
            String schemaVersion = SchemaMigration.migrate(dataSource, database.kind());
            SessionFactory sessionFactory = bootstrap(dataSource, context.properties());
            String description = "Hibernate ORM " + Version.getVersionString() + " on " + database.productName() + " "
                    + database.productVersion() + " (" + where + ", schema version " + schemaVersion + ")";
            LOG.debug("CRM-JPA-004 crm4j store opened: {}", description);
            return new JpaStore(sessionFactory, description, embedded == null ? () -> { } : embedded::stop,
                    context.clock());
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.stop();
            }
            LOG.debug("CRM-JPA-011 Opening the store failed", e);
            throw new CrmException("Cannot open the crm4j store on " + where + ": "
                    + (e instanceof CrmException ? e.getMessage() : PersistenceExceptionConverter.describe(e)));
        }
    }

    private static SessionFactory bootstrap(DataSource dataSource, Map<String, String> properties) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        settings.put(AvailableSettings.HBM2DDL_AUTO, "validate");
        settings.put(AvailableSettings.STATEMENT_BATCH_SIZE, "100");
        // Hibernate would log every SQL error at WARN with the driver's text (SQL, bound values:
        // customer data) into the host's log, expected conflicts included; crm4j logs its own line
        // per failure, with a code and no personal data (PersistenceExceptionConverter)
        settings.put("hibernate.jdbc.log.errors", "false");
        settings.put(AvailableSettings.ORDER_INSERTS, "true");
        settings.put(AvailableSettings.ORDER_UPDATES, "true");
        settings.put(AvailableSettings.GENERATE_STATISTICS, "false");
        settings.put(AvailableSettings.IN_CLAUSE_PARAMETER_PADDING, "true");
        // a session on a host's connection joins the host's transaction and begins none of its own
        // (JpaStore.joining); crm4j's own sessions always begin one
        settings.put(AvailableSettings.ALLOW_UPDATE_OUTSIDE_TRANSACTION, "true");
        settings.put(AvailableSettings.FAIL_ON_PAGINATION_OVER_COLLECTION_FETCH, "true");
        settings.putAll(properties);
        return new HibernatePersistenceConfiguration("crm4j")
                .managedClasses(CustomerEntity.class, ContactEntity.class, NoteEntity.class, OwnerChangeEntity.class,
                        OutboxEventEntity.class, EventProgressEntity.class, PipelineEntity.class, OpportunityEntity.class, StageChangeEntity.class,
                        OpportunityStallEntity.class, OfferEntity.class, SalesOrderEntity.class,
                        CampaignEntity.class, LeadEntity.class, ActivityEntity.class, FirstContactEntity.class,
                        ConsentEntity.class, UnsubscriptionEntity.class, MailingEntity.class,
                        MailingRecipientEntity.class,
                        NoticeEntity.class, NoticeDeliveryEntity.class, ReminderEntity.class,
                        CompetitorContractEntity.class,
                        RequestEntity.class, ServiceStandardEntity.class, OwnerSetEntity.class,
                        ServiceContractEntity.class, SalesDocumentEntity.class, PaymentEntity.class,
                        ServiceRequestEntity.class, SalesSourceEntity.class,
                        ClientChangeEntity.class, CommissionPlanEntity.class,
                        KeptDocumentEntity.class, KeptDocumentContentEntity.class)
                .validationMode(ValidationMode.NONE)
                .properties(settings)
                .createEntityManagerFactory();
    }

    /** What the JDBC driver says about the database. */
    private record DatabaseInfo(String productName, String productVersion, DatabaseKind kind) {
        /**
         * Connects; a connection exception (SQL state class 08: a server restarting, or H2's file
         * being opened by another JVM at the same moment) is tried again for a few seconds.
         */
        static DatabaseInfo read(DataSource dataSource) {
            for (int attempt = 1;; attempt++) {
                try (Connection connection = dataSource.getConnection()) {
                    DatabaseMetaData meta = connection.getMetaData();
                    String name = meta.getDatabaseProductName();
                    return new DatabaseInfo(name, meta.getDatabaseProductVersion(), DatabaseKind.of(name));
                } catch (SQLException e) {
                    boolean transientFailure = e.getSQLState() != null && e.getSQLState().startsWith("08");
                    if (!transientFailure || attempt == 6) {
                        LOG.debug("CRM-JPA-012 Cannot connect", e);
                        throw new CrmException("Cannot connect: " + PersistenceExceptionConverter.describe(e));
                    }
                    LOG.debug("CRM-JPA-012 Cannot connect (attempt {}); trying again: {}", attempt, e.getMessage());
                    try {
                        Thread.sleep(200L * attempt);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw new CrmException("Interrupted while connecting");
                    }
                }
            }
        }
    }

    /** The embedded H2 database, pooled, owned and closed by the store. */
    private static final class EmbeddedH2 {
        private final String url;
        private final boolean inMemory;
        private final JdbcConnectionPool pool;

        private EmbeddedH2(String url, boolean inMemory) {
            this.url = url;
            this.inMemory = inMemory;
            this.pool = JdbcConnectionPool.create(url, USER, "");
        }

        static EmbeddedH2 start(Path file) {
            return file == null ? new EmbeddedH2("jdbc:h2:mem:crm4j-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", true)
                    // WRITE_DELAY=0: a commit is in the file when it returns, so it survives the death
                    // of the host process (by default H2 writes commits up to 500 ms later)
                    : new EmbeddedH2("jdbc:h2:file:" + file.toAbsolutePath() + ";WRITE_DELAY=0", false);
        }

        String describe() {
            return "embedded, " + url;
        }

        /**
         * Closes the pool. A file database closes with its last connection; an in-memory one is
         * kept open by {@code DB_CLOSE_DELAY=-1} and is shut down, which frees its memory.
         */
        void stop() {
            pool.dispose();
            if (inMemory) {
                JdbcDataSource direct = new JdbcDataSource();
                direct.setURL(url);
                direct.setUser(USER);
                try (Connection connection = direct.getConnection(); Statement statement = connection.createStatement()) {
                    statement.execute("SHUTDOWN");
                } catch (SQLException e) {
                    LOG.warn("CRM-JPA-005 Shutting down the embedded H2 database {} failed: {}", url, e.toString());
                }
            }
        }
    }
}
