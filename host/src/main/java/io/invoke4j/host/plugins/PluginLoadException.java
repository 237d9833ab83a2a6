package io.invoke4j.host.plugins;

/** The plugins cannot be used as configured; the message is one line for the user. */
public class PluginLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PluginLoadException(String message) {
        super(message);
    }
}
