package io.invoke4j.plugin.repl;

import java.time.Instant;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * What Up, Down and Ctrl-R walk through at the terminal: exactly the commands the session records in its
 * {@link CommandHistory}. JLine would add every accepted line itself (and keep its own file, in its own format);
 * here it only navigates, and the session feeds it through {@link #remember}.
 */
final class RecallHistory extends DefaultHistory {

    /** Lines JLine adds on its own when a line is accepted: ignored, the session decides what is recorded. */
    @Override
    public void add(Instant time, String line) {
    }

    /** Offers {@code command} for recall. */
    void remember(String command) {
        super.add(Instant.now(), command);
    }
}
