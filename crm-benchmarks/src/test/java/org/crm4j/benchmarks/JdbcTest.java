package org.crm4j.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The baselines write the outbox's CloudEvents envelope by hand; it must be the JSON crm4j reads. */
class JdbcTest {

    @Test
    void theHandWrittenEnvelopeIsValidJson_withEveryAttributeCrm4jWrites() {
        UUID id = UUID.randomUUID();
        String json = Jdbc.cloudEvent(id, "customer.created", "customer", 42, 42, "ada",
                OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.UTC), "name", "\"Quoted\" \\ Söhne\n\t\u0001",
                "owner", "sam");

        JsonNode root = JsonMapper.builder().build().readTree(json);
        assertThat(root.get("specversion").asString()).isEqualTo("1.0");
        assertThat(root.get("id").asString()).isEqualTo(id.toString());
        assertThat(root.get("subject").asString()).isEqualTo("customer/42");
        assertThat(root.get("time").asString()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(root.get("crm4jcustomerid").asLong()).isEqualTo(42);
        assertThat(root.get("data").get("name").asString()).isEqualTo("\"Quoted\" \\ Söhne\n\t\u0001");
        assertThat(root.get("data").get("owner").asString()).isEqualTo("sam");
    }
}
