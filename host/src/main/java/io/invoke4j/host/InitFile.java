package io.invoke4j.host;

import io.invoke4j.api.CommandException;
import io.invoke4j.host.command.ShellWords;
import io.invoke4j.host.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * InvokeAI 2.1.3's init file {@code ~/.invokeai}: start-up switches a user gives every time, read before the
 * command line, whose switches win. Each line is split as a shell splits it ({@code "..."} and {@code '...'}
 * quote, {@code #} starts a comment), as InvokeAI's {@code shlex} reading does.
 *
 * <p>InvokeAI 2.2 moved the file to {@code <root>/invokeai.init} with a runtime root; invoke4j has no runtime
 * root (its installation is the folder {@code bin/invoke} is in), so it reads the 2.1.3 file.
 */
final class InitFile {
    /** The file's name in the home folder. */
    static final String NAME = ".invokeai";

    private final Path path;

    InitFile(Path path) {
        this.path = path;
    }

    /**
     * The file in the home folder as Python's {@code ~} finds it: {@code $HOME}, else the account's home.
     *
     * @param environment the process environment
     * @param accountHome Java's {@code user.home}
     */
    static InitFile inHome(Map<String, String> environment, String accountHome) {
        String home = environment.get("HOME");
        return new InitFile(Path.of(home == null || home.isEmpty() ? accountHome : home).resolve(NAME));
    }

    Path path() {
        return path;
    }

    boolean exists() {
        return Files.isRegularFile(path);
    }

    /** InvokeAI's line about the file, said before start-up goes on. */
    String notice() {
        return exists()
                ? ">> Initialization file " + path + " found. Loading..."
                : ">> Initialization file " + path + " not found. Applying default settings...";
    }

    /**
     * The switches in the file, in order; none when there is no file.
     *
     * @throws ConfigException naming the file, when it cannot be read or a line's quotes do not close
     */
    List<String> switches() {
        if (!exists()) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(path + ": could not be read (" + e.getMessage() + ")");
        }
        List<String> switches = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            try {
                switches.addAll(ShellWords.split(lines.get(i)));
            } catch (CommandException e) {
                throw new ConfigException(path + ", line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return switches;
    }
}
