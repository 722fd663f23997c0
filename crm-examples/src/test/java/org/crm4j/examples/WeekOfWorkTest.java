package org.crm4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The week of a salesperson's work runs from Monday's first call to Friday's reports. */
class WeekOfWorkTest {
    private static List<String> lines;

    @BeforeAll
    static void runTheWeek() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            new WeekOfWork(out).run();
        }
        lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aFirstContactCountsOnlyWithAResponsibleRole() {
        assertThat(lines).contains("  first call with Eva Novak (CFO) recorded: Eva wants a quote for 40 seats",
                "  first meeting with Bill Lumbergh (CTO) recorded: the demo");
        assertThat(lines).anyMatch(l -> l.startsWith("  a first meeting with Tom Ito is refused: ")
                && l.contains("responsible roles"));
    }

    @Test
    void theSameEmailReceivedTwiceIsOneRequest_dueOneWorkingDayLater() {
        assertThat(lines).contains("  the same e-mail received twice: one request, due 2026-03-03T11:00:00Z");
    }

    @Test
    void everyMorningsDueWorkBringsTheNoticesThatAreDue() {
        assertThat(lines).containsSubsequence(
                "Monday", "    sam's inbox: ACME GmbH: the contract with Rival Systems ends on 2026-05-15",
                "Tuesday", "    sam's inbox: Reminder: TASK with ACME GmbH at 2026-03-03T14:00:00Z",
                "Wednesday", "  overdue requests escalated: 1",
                "    sam's inbox: Reminder: CALL with Initech Sp. z o.o. at 2026-03-04T10:00:00Z");
        assertThat(lines).anyMatch(l -> l.matches("    sam's inbox: Request \\d+ is overdue \\(level 1\\)"));
        // every notice also went out by e-mail, and the webinar to Eva: 1 + 1 + 2 + 1
        assertThat(lines).contains("  e-mails handed to the host's mail system this week: 5");
    }

    @Test
    void theMailingSkipsWhomItMayNotWriteTo() {
        // rated A: ACME (Eva consented, Tom never did) and Globex (Hank unsubscribed)
        assertThat(lines).contains("  mailing 'Spring webinar' to the A customers: 1 sent, 2 skipped"
                + " [NO_CONSENT 1, UNSUBSCRIBED 1]");
    }

    @Test
    void onFridayTheManagerSeesTheWeekTheStandardsNotMetAndTheFirstContacts() {
        assertThat(lines).contains("  sam's week: 0 planned, 6 done",
                "  standard not met by sam: ANSWERED_LATE x1",
                "  first contacts of sam in 2026-03-01: 1 call, 1 meeting, 1 followed by a deal");
        assertThat(lines).containsSubsequence("    2026-03-02T08:00:00Z CALL DONE: Eva wants a quote for 40 seats",
                "    2026-03-05T10:00:00Z MEETING DONE: Demo of the scanner app");
    }
}
