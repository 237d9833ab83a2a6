package io.invoke4j.plugin.repl;

import io.invoke4j.api.Invoker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the REPL over piped input, as {@code echo ... | bin/invoke} does, and keeps what it printed. */
final class PipedRepl {
    private PipedRepl() {
    }

    /** What one run left: its exit status, standard output and standard error. */
    record Result(int status, String out, String err) {
    }

    static Result run(Invoker invoker, String input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ReplFrontEnd repl = new ReplFrontEnd(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        int status = repl.run(invoker);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
