package org.crm4j;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The front door when no store adapter is on the class path (crm-core alone). */
class CrmBuilderTest {

    @Test
    void withoutStoreAdapter_saysWhichDependencyToAdd() {
        assertThatThrownBy(() -> Crm.builder().build()).isInstanceOf(CrmException.class)
                .hasMessageContaining("org.crm4j:crm-persistence");
    }

    @Test
    void everyOptionIsSetOnce() {
        Crm.Builder builder = Crm.builder().store("memory");
        assertThatThrownBy(() -> builder.store("jpa")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("store");
        assertThatThrownBy(() -> builder.storeProperty("a", "1").storeProperty("a", "2"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> builder.listener(null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("listener");
        builder.workingCalendar(org.crm4j.common.WorkingCalendar.mondayToFriday());
        assertThatThrownBy(() -> builder.workingCalendar(org.crm4j.common.WorkingCalendar.mondayToFriday()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("workingCalendar");
    }

    @Test
    void actorIsRequired() {
        assertThatThrownBy(() -> org.crm4j.access.Actor.of(" ")).isInstanceOf(ValidationException.class);
    }
}
