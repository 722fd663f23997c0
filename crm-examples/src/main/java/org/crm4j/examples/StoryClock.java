package org.crm4j.examples;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock an example's story moves forward, as a host's tests would: crm4j takes every time stamp,
 * deadline and reminder from the clock it is given, so days can pass in a second.
 */
final class StoryClock extends Clock {
    private volatile Instant now;

    /** @param start when the story begins */
    StoryClock(Instant start) {
        this.now = start;
    }

    /** @param days how many days pass */
    void days(int days) {
        now = now.plus(Duration.ofDays(days));
    }

    /** @param time how much time passes */
    void pass(Duration time) {
        now = now.plus(time);
    }

    /** @param instant the moment the story jumps to, not before the present one */
    void at(Instant instant) {
        if (instant.isBefore(now)) {
            throw new IllegalArgumentException("the story does not go back in time: " + instant + " < " + now);
        }
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
