package io.invoke4j.api;

import org.pf4j.ExtensionPoint;

/** A user interface over the {@link Invoker}: the {@code invoke>} REPL, the web server. */
public interface FrontEnd extends ExtensionPoint {

    /** {@code "repl"} or {@code "web"}: what the host picks by its start-up switches. */
    String name();

    /**
     * Runs until the user quits.
     *
     * @return the process exit status (0 for a normal quit)
     */
    int run(Invoker invoker);
}
