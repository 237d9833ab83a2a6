package io.invoke4j.host.output;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * InvokeAI's {@code scripts/images2prompt.py}: prints the command that made each PNG, as
 * {@code {file}: {command}}: the {@code Dream} chunk, or for an AUTOMATIC1111 image the invoke command its
 * {@code parameters} describe (as {@code !fetch} reads them).
 */
public final class Images2Prompt {
    /** Exit status without arguments: Python's {@code exit(-1)}. */
    static final int USAGE_STATUS = 255;
    static final int FAILED_STATUS = 1;

    /** Reads a file's text chunks; {@link PngText#read} outside tests. */
    @FunctionalInterface
    interface TextChunkReader {
        Map<String, String> read(Path file) throws IOException;
    }

    private Images2Prompt() {
    }

    /** Runs the tool on the given files and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /**
     * @return 0 when every file's command was printed, 1 when any could not be, 255 without arguments
     */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, out, err, PngText::read);
    }

    static int run(List<String> args, PrintStream out, PrintStream err, TextChunkReader reader) {
        if (args.isEmpty()) {
            out.println("Usage: file2prompt.py <file1.png> <file2.png> <file3.png>...");
            out.println("This script opens up the indicated invoke.py-generated PNG file(s) and prints out the "
                    + "prompt used to generate them.");
            return USAGE_STATUS;
        }
        int status = 0;
        for (String file : args) {
            String failure = printCommand(file, out, reader);
            if (failure != null) {
                err.println(failure);
                status = FAILED_STATUS;
            }
        }
        return status;
    }

    /** Prints the command of {@code file}; returns the one-line reason when it cannot. */
    private static String printCommand(String file, PrintStream out, TextChunkReader reader) {
        Map<String, String> texts;
        try {
            texts = reader.read(Path.of(file));
        } catch (NoSuchFileException | InvalidPathException e) {
            return file + " not found";
        } catch (AccessDeniedException e) {
            return file + " could not be opened due to inadequate permissions";
        } catch (PngFormatException e) {
            return file + ": no invoke4j/InvokeAI metadata (" + e.getMessage() + ")";
        } catch (IOException e) {
            return file + " could not be read: " + e.getMessage();
        }
        Optional<String> command;
        try {
            command = StoredCommand.of(texts);
        } catch (IllegalArgumentException e) {
            return file + ": " + e.getMessage();
        }
        if (command.isEmpty()) {
            return file + ": no invoke4j/InvokeAI metadata";
        }
        out.println(file + ": " + command.get());
        return null;
    }
}
