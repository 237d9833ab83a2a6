package io.invoke4j.plugin.repl;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.Invoker;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * {@code !fetch GLOB OUTFILE} (InvokeAI 2.1+): writes the command stored in every image GLOB matches, in name
 * order, each after a line {@code # <path>}, into a file that {@code !replay} and {@code --from_file} run again.
 * The wildcards are those of the pattern's last part ({@code *}, {@code ?}, {@code [...]}; Java's glob also
 * takes {@code {a,b}}); hidden files match only a pattern that starts with a dot. A relative pattern that matches
 * nothing as typed is matched in the output folder, as a bare name is found there, and a bare OUTFILE is written
 * there, as InvokeAI writes it; an OUTFILE with a folder is taken as typed.
 *
 * <p>Where it differs from InvokeAI 2.2: a pattern that matches nothing, or only images with no command, is one
 * line (InvokeAI said nothing); an image with no command is named in a {@code ##} line and skipped, without
 * making the command fail; the file ends with a newline.
 */
final class CommandsFile {
    private final Invoker invoker;
    private final PrintStream out;
    private final ErrorReport errors;

    CommandsFile(Invoker invoker, PrintStream out, ErrorReport errors) {
        this.invoker = invoker;
        this.out = out;
        this.errors = errors;
    }

    /** Writes the commands of the images {@code glob} matches to {@code outfile}. */
    void write(String glob, String outfile) {
        Path target;
        try {
            target = target(outfile);
        } catch (InvalidPathException e) {
            errors.error(outfile + ": not a file name (" + e.getReason() + ")");
            return;
        }
        List<Path> images;
        try {
            images = matches(glob);
        } catch (PatternSyntaxException | InvalidPathException e) {
            errors.report(ErrorReport.FILE_PROBLEM, "\"" + glob + "\": unacceptable pattern");
            return;
        } catch (IOException e) {
            errors.report(ErrorReport.FILE_PROBLEM, glob + ": its folder could not be read (" + reason(e) + ")");
            return;
        }
        if (images.isEmpty()) {
            errors.report(ErrorReport.FILE_PROBLEM, glob + ": no file matches; " + target + " not written");
            return;
        }
        List<String> lines = new ArrayList<>();
        for (Path image : images) {
            try {
                String command = invoker.fetchCommand(image.toString());
                lines.add("# " + image);
                lines.add(command);
            } catch (CommandException e) {
                errors.notice(ErrorReport.FILE_PROBLEM, e.getMessage() + "; skipped");
            }
        }
        if (lines.isEmpty()) {
            errors.report(ErrorReport.FILE_PROBLEM, glob + ": none of the " + images.size()
                    + " matching files has a stored command; " + target + " not written");
            return;
        }
        try {
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            Files.writeString(target, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            errors.error(target + ": could not be written (" + reason(e) + ")");
            return;
        }
        out.println(">> File " + target + " with commands created");
    }

    private List<Path> matches(String glob) throws IOException {
        Path typed = Path.of(glob);
        Path folder = typed.getParent();
        if (typed.getFileName() == null) {
            return List.of(); // the root: no name to match
        }
        String pattern = typed.getFileName().toString();
        List<Path> found = list(folder, pattern);
        if (found.isEmpty() && !typed.isAbsolute()) {
            Path outputDirectory = invoker.outputDirectory();
            found = list(folder == null ? outputDirectory : outputDirectory.resolve(folder), pattern);
        }
        return found;
    }

    /** The files of {@code folder} ({@code null}: the working directory) whose names match, in name order. */
    private static List<Path> list(Path folder, String pattern) throws IOException {
        Path listed = folder == null ? Path.of(".") : folder;
        if (!Files.isDirectory(listed)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(listed, pattern)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (Files.isRegularFile(entry) && (!name.startsWith(".") || pattern.startsWith("."))) {
                    files.add(folder == null ? Path.of(name) : folder.resolve(name));
                }
            }
        }
        files.sort(Comparator.comparing(Path::toString));
        return files;
    }

    /** InvokeAI's rule: a bare name goes to the output folder, a path with a folder is taken as typed. */
    private Path target(String outfile) {
        Path typed = Path.of(outfile);
        return typed.getParent() == null ? invoker.outputDirectory().resolve(typed) : typed;
    }

    private static String reason(IOException e) {
        return e.getMessage() != null ? e.getClass().getSimpleName() + ": " + e.getMessage()
                : e.getClass().getSimpleName();
    }
}
