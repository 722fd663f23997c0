package org.crm4j.persistence.frontdoor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.crm4j.AccessDeniedException;
import org.crm4j.Crm;
import org.crm4j.CrmException;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;
import org.crm4j.access.Actor;
import org.crm4j.access.InMemoryUserDirectory;
import org.crm4j.common.Money;
import org.crm4j.customer.Customer;
import org.crm4j.customer.CustomerQuery;
import org.crm4j.customer.NewContact;
import org.crm4j.customer.NewCustomer;
import org.crm4j.event.EventTypes;
import org.crm4j.pipeline.NewOpportunity;
import org.crm4j.pipeline.NewPipeline;
import org.crm4j.pipeline.Stage;
import org.crm4j.plugin.CrmPlugin;
import org.crm4j.plugin.PluginContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Crm.builder()} as a host uses it. */
class FrontDoorIT {

    @Test
    void noConfiguration_runsOnEmbeddedH2InMemory() {
        try (Crm crm = Crm.builder().build()) {
            assertThat(crm.storeDescription()).containsIgnoringCase("H2");
            Customer acme = crm.as(Actor.of("sam")).customers().create(NewCustomer.company("ACME"));
            assertThat(crm.as(Actor.of("sam")).customers().get(acme.id()).name()).isEqualTo("ACME");
        }
        try (Crm second = Crm.builder().build()) {
            // every in-memory Crm has a database of its own
            assertThat(second.as(Actor.of("sam")).customers().search(CustomerQuery.builder().build()).items()).isEmpty();
        }
    }

    @Test
    void h2File_keepsDataAcrossRestarts(@TempDir Path dir) {
        Path file = dir.resolve("crm");
        Customer acme;
        try (Crm crm = Crm.builder().h2File(file).build()) {
            acme = crm.as(Actor.of("sam")).customers().create(NewCustomer.company("ACME"));
            crm.as(Actor.of("sam")).customers().addContact(acme.id(), NewContact.named("Eva"));
        }
        try (Crm crm = Crm.builder().h2File(file).build()) {
            assertThat(crm.as(Actor.of("sam")).customers().card(acme.id()).contacts()).hasSize(1);
        }
    }

    @Test
    void as_userId_takesRolesFromTheDirectory() {
        var directory = new InMemoryUserDirectory().add("sam", null).add("ada", null, Actor.ADMIN);
        try (Crm crm = Crm.builder().store("memory").userDirectory(directory).build()) {
            Customer acme = crm.as("sam").customers().create(NewCustomer.company("ACME"));
            assertThat(crm.as("ada").actor().isAdmin()).isTrue();
            assertThat(crm.as("ada").customers().get(acme.id()).name()).isEqualTo("ACME");
            assertThatThrownBy(() -> crm.as("nobody")).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> crm.as(Actor.of("nobody")).customers().get(acme.id()))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void plugins_discoveredThenRegistered_andDuplicateIdsFailFast() {
        AuditPlugin.SEEN.clear();
        try (Crm crm = Crm.builder().store("memory").build()) {
            crm.as(Actor.of("sam")).customers().create(NewCustomer.company("ACME"));
            crm.deliverEvents();
            assertThat(AuditPlugin.SEEN).extracting(e -> e.type()).containsExactly(EventTypes.CUSTOMER_CREATED);
        }
        CrmPlugin twin = new CrmPlugin() {
            @Override
            public String id() {
                return "test.audit";
            }

            @Override
            public void register(PluginContext context) {
            }
        };
        assertThatThrownBy(() -> Crm.builder().store("memory").plugin(twin).build())
                .isInstanceOf(CrmException.class).hasMessageContaining("test.audit");
        AuditPlugin.SEEN.clear();
        try (Crm crm = Crm.builder().store("memory").discoverPlugins(false).build()) {
            crm.as(Actor.of("sam")).customers().create(NewCustomer.company("ACME"));
            crm.deliverEvents();
            assertThat(AuditPlugin.SEEN).isEmpty();
        }
    }

    @Test
    void pipelineRules_foundThroughServiceLoaderAreChecked() {
        try (Crm crm = Crm.builder().store("memory").build()) {
            var pipeline = crm.as(Actor.of("ada", Actor.ADMIN)).pipelines().define(NewPipeline.named("Sales", "EUR")
                    .stage(Stage.open("TALK", "Talk", 20)).stage(Stage.won("WON", "Won")).stage(Stage.lost("LOST", "Lost")));
            Customer acme = crm.as(Actor.of("sam")).customers().create(NewCustomer.company("ACME"));
            NewOpportunity huge = NewOpportunity.on(acme.id(), "Everything", pipeline.id())
                    .expectedClose(java.time.LocalDate.now().plusMonths(3)).amount(Money.of("2000000", "EUR"));
            assertThatThrownBy(() -> crm.as(Actor.of("sam")).opportunities().open(huge))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                            .extracting(ValidationException.Violation::rule).containsExactly("test.deal-limit"));
        }
        try (Crm crm = Crm.builder().store("memory").discoverPlugins(false).build()) {
            var pipeline = crm.as(Actor.of("ada", Actor.ADMIN)).pipelines().define(NewPipeline.named("Sales", "EUR")
                    .stage(Stage.open("TALK", "Talk", 20)).stage(Stage.won("WON", "Won")).stage(Stage.lost("LOST", "Lost")));
            Customer acme = crm.as(Actor.of("sam")).customers().create(NewCustomer.company("ACME"));
            assertThat(crm.as(Actor.of("sam")).opportunities().open(NewOpportunity.on(acme.id(), "Everything",
                    pipeline.id()).expectedClose(java.time.LocalDate.now().plusMonths(3))
                    .amount(Money.of("2000000", "EUR"))).stageCode()).isEqualTo("TALK");
        }
    }

    @Test
    void pipelineRules_withOneIdTwiceFailFast() {
        org.crm4j.plugin.PipelineRule twin = new org.crm4j.plugin.PipelineRule() {
            @Override
            public String id() {
                return "amount-required";
            }

            @Override
            public java.util.Optional<String> check(org.crm4j.plugin.StageMove move) {
                return java.util.Optional.empty();
            }
        };
        assertThatThrownBy(() -> Crm.builder().store("memory").pipelineRule(twin).build())
                .isInstanceOf(CrmException.class).hasMessageContaining("amount-required");
    }

    @Test
    void builder_refusesMisuse() {
        assertThatThrownBy(() -> Crm.builder().store("nosql").build()).isInstanceOf(CrmException.class)
                .hasMessageContaining("nosql").hasMessageContaining("jpa").hasMessageContaining("memory");
        assertThatThrownBy(() -> Crm.builder().clock(java.time.Clock.systemUTC()).clock(java.time.Clock.systemUTC()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("clock");
        assertThatThrownBy(() -> Crm.builder().h2File(Path.of("x")).dataSource(new org.h2.jdbcx.JdbcDataSource()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Crm.builder().userDirectory(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Crm.builder().userCacheTtl(java.time.Duration.ofSeconds(-1)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void closedCrm_refusesWork() {
        Crm crm = Crm.builder().store("memory").build();
        crm.close();
        crm.close();
        assertThatThrownBy(() -> crm.as(Actor.of("sam"))).isInstanceOf(CrmException.class).hasMessageContaining("closed");
    }

    @Test
    void unreachableDatabase_isACrmException() {
        var broken = new org.h2.jdbcx.JdbcDataSource();
        broken.setURL("jdbc:h2:/proc/nonexistent/dir/db;IFEXISTS=TRUE");
        assertThatThrownBy(() -> Crm.builder().dataSource(broken).build()).isInstanceOf(CrmException.class);
    }
}
