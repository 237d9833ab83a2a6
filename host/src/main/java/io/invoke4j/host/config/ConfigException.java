package io.invoke4j.host.config;

/** The configuration cannot be used; the message is one line for the user, naming the file and the fault. */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
