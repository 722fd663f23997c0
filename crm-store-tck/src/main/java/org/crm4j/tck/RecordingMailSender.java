package org.crm4j.tck;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.crm4j.notify.MailMessage;
import org.crm4j.plugin.MailSender;

/** A mail sender for tests: keeps what it was handed; can be told to fail on one hand-off. */
public final class RecordingMailSender implements MailSender {
    private final List<MailMessage> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile int failOnCall = -1;

    @Override
    public void send(MailMessage message) throws Exception {
        int call = calls.incrementAndGet();
        if (call == failOnCall) {
            throw new java.io.IOException("SMTP server said 421: try again later");
        }
        sent.add(message);
    }

    /**
     * @param call the hand-off (counting from 1, over every call so far and to come) that fails
     * @return this
     */
    public RecordingMailSender failOnCall(int call) {
        this.failOnCall = call;
        return this;
    }

    /** @return the messages handed off successfully, in order */
    public List<MailMessage> sent() {
        return List.copyOf(sent);
    }

    /** @return how many hand-offs were tried */
    public int calls() {
        return calls.get();
    }
}
