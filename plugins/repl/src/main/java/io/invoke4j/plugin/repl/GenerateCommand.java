package io.invoke4j.plugin.repl;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.GeneratedImage;
import io.invoke4j.api.GenerationRequest;
import io.invoke4j.api.Invoker;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A command for the {@link Invoker} (a prompt with its switches, {@code !invoke ...}, {@code !fix ...}): parsed,
 * run with progress on the console, then InvokeAI's {@code Outputs:} block, numbered across the session.
 */
final class GenerateCommand {
    private final Invoker invoker;
    private final LineSource source;
    private final PrintStream out;
    private final PrintStream progress;
    private final ErrorReport errors;
    private int outputCounter;

    /**
     * @param progress          where the progress goes (standard error, so piped output stays clean)
     * @param firstOutputNumber the {@code [N]} of the first command's outputs: InvokeAI starts at the number of
     *                          commands in the history plus one
     */
    GenerateCommand(Invoker invoker, LineSource source, PrintStream out, PrintStream progress, ErrorReport errors,
                    int firstOutputNumber) {
        this.invoker = invoker;
        this.source = source;
        this.out = out;
        this.progress = progress;
        this.errors = errors;
        this.outputCounter = firstOutputNumber;
    }

    /** @return whether the user pressed Ctrl-C while it ran (a {@code !replay} then stops) */
    boolean run(String line) {
        GenerationRequest request;
        try {
            request = invoker.parse(line);
        } catch (CommandException e) {
            if (e.isHelpRequested()) {
                out.println(invoker.helpText());
                out.println(MetaCommands.HELP);
            } else {
                errors.error(e.getMessage());
            }
            return false;
        }
        ConsoleProgress console = new ConsoleProgress(out, progress, source.interactive());
        List<GeneratedImage> images = new ArrayList<>();
        AtomicBoolean interrupted = new AtomicBoolean();
        Runnable onInterrupt = () -> {
            interrupted.set(true);
            console.requestCancel();
        };
        try {
            source.whileRunning(onInterrupt, () -> images.addAll(invoker.generate(request, console)));
        } catch (CommandException e) {
            errors.error(e.getMessage());
            return interrupted.get();
        } catch (RuntimeException e) {
            // InvokeAI still prints the Outputs block after a failed generation
            errors.error("Could not generate image: " + firstLine(e));
        }
        printOutputs(images);
        return interrupted.get();
    }

    private void printOutputs(List<GeneratedImage> images) {
        out.println("Outputs:");
        for (int i = 0; i < images.size(); i++) {
            GeneratedImage image = images.get(i);
            String counter = images.size() == 1 ? String.valueOf(outputCounter) : outputCounter + "." + (i + 1);
            out.println("[" + counter + "] " + image.path() + ": " + image.command());
        }
        out.println();
        if (!images.isEmpty()) {
            outputCounter++;
        }
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
