package io.invoke4j.plugin.repl;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.Invoker;
import io.invoke4j.api.ModelSettings;
import io.invoke4j.api.ModelSummary;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code !import_model PATH}, {@code !edit_model NAME} and {@code !del_model NAME}: InvokeAI's questions, in its
 * order and words, then the {@link Invoker} changes the catalogue and rewrites {@code models.yaml}. At a terminal a
 * question shows its current value ready to edit; from a pipe or a file each answer is the next line, an empty one
 * keeping the value offered, and the question is printed with the answer taken.
 *
 * <p>Where invoke4j differs from InvokeAI 2.2: PATH is a diffusers model folder, not a checkpoint, so there is no
 * configuration-file or VAE question, and {@code !edit_model} asks {@code path} instead of {@code weights} and
 * {@code config}; the folder is checked to have a model's parts instead of being loaded to verify it, so there is
 * no {@code Keep model loaded?} question ({@code !switch} loads it); a name already in use is refused on import
 * rather than overwriting that model; a bad width or height is asked again rather than ending the command.
 */
final class ModelDialogues {
    private static final Pattern PLAIN_YAML = Pattern.compile("[A-Za-z_./][\\w./ (),+-]*");
    private static final List<String> YAML_WORDS = List.of("true", "false", "yes", "no", "on", "off", "null", "y", "n");

    private final Invoker invoker;
    private final LineSource source;
    private final PrintStream out;
    private final ErrorReport errors;
    private final Path workingDirectory;

    /** @param workingDirectory what typed relative paths are relative to */
    ModelDialogues(Invoker invoker, LineSource source, PrintStream out, ErrorReport errors, Path workingDirectory) {
        this.invoker = invoker;
        this.source = source;
        this.out = out;
        this.errors = errors;
        this.workingDirectory = workingDirectory;
    }

    /** An answer was not given: the input ended, or the user pressed Ctrl-C. */
    private static final class NoAnswer extends Exception {
        private static final long serialVersionUID = 1L;

        NoAnswer() {
            super(null, null, false, false);
        }
    }

    /** {@code !import_model PATH}: a new entry for a model folder. */
    void importModel(String argument) {
        if (argument.isEmpty()) {
            errors.error("!import_model needs the folder of a diffusers model (text_encoder/, unet/, ...)");
            return;
        }
        ModelSettings start;
        try {
            start = invoker.newModelSettings(typedPath(unquoted(argument)));
        } catch (CommandException e) {
            errors.error(e.getMessage());
            return;
        }
        try {
            List<String> taken = invoker.models().stream().map(ModelSummary::name).toList();
            String name = askName(start.name(), taken);
            String description = ask("Description of this model: ", start.description());
            int width = askSize("Default image width: ", start.width());
            int height = askSize("Default image height: ", start.height());
            boolean makeDefault = askYes("Make this the default model? [n] ");
            save(new ModelSettings(name, description, start.path(), width, height, makeDefault), "import",
                    name + " imported");
        } catch (NoAnswer e) {
            errors.error("!import_model: no answer; models.yaml is unchanged");
        }
    }

    /** {@code !edit_model NAME}: each field asked again, its current value offered. */
    void editModel(String name) {
        if (name.isEmpty()) {
            errors.error("!edit_model needs a model name (!models lists them)");
            return;
        }
        ModelSettings current;
        try {
            current = invoker.modelSettings(name);
        } catch (CommandException e) {
            errors.error(e.getMessage());
            return;
        }
        try {
            out.println();
            String description = ask("description: ", current.description());
            Path path = askFolder("path: ", current.path());
            int width = askSize("width: ", current.width());
            int height = askSize("height: ", current.height());
            save(new ModelSettings(name, description, path, width, height, current.isDefault()), "modify",
                    name + " modified");
        } catch (NoAnswer e) {
            errors.error("!edit_model: no answer; models.yaml is unchanged");
        }
    }

    /** {@code !del_model NAME}: InvokeAI asks nothing. */
    void deleteModel(String name) {
        if (name.isEmpty()) {
            errors.error("!del_model needs a model name (!models lists them)");
            return;
        }
        try {
            invoker.deleteModel(name);
            out.println("** " + name + " deleted");
        } catch (CommandException e) {
            errors.error(e.getMessage());
        }
    }

    /** Shows the entry, asks {@code OK to <operation> [n]? }, and saves it on y. */
    private void save(ModelSettings settings, String operation, String done) throws NoAnswer {
        out.println(">> New configuration:");
        out.print(yaml(settings));
        if (!askYes("OK to " + operation + " [n]? ")) {
            out.println(">> models.yaml is unchanged");
            return;
        }
        try {
            invoker.saveModel(settings, out::println);
            out.println(">> " + done);
        } catch (CommandException e) {
            errors.error(e.getMessage());
        }
    }

    private String askName(String offered, List<String> taken) throws NoAnswer {
        while (true) {
            String name = ask("Short name for this model: ", offered);
            if (!ModelSettings.isValidName(name)) {
                out.println("** model name must contain only words, digits and the characters [._-] **");
            } else if (taken.contains(name)) {
                out.println("** the name " + name + " is already in use. Pick another.");
            } else {
                return name;
            }
        }
    }

    private int askSize(String question, int offered) throws NoAnswer {
        while (true) {
            String answer = ask(question, String.valueOf(offered));
            try {
                int pixels = Integer.parseInt(answer);
                if (ModelSettings.isValidSize(pixels)) {
                    return pixels;
                }
            } catch (NumberFormatException e) {
                // asked again, as for a number out of range
            }
            out.println("** Please enter a valid integer between " + ModelSettings.MIN_SIZE + " and "
                    + ModelSettings.MAX_SIZE);
        }
    }

    /** A model folder, asked until the Invoker accepts it. */
    private Path askFolder(String question, Path offered) throws NoAnswer {
        while (true) {
            String answer = ask(question, shown(offered));
            try {
                return invoker.newModelSettings(typedPath(unquoted(answer))).path();
            } catch (CommandException e) {
                out.println("** " + e.getMessage());
            }
        }
    }

    /** A y/n question whose answer is no unless it starts with y. */
    private boolean askYes(String question) throws NoAnswer {
        String answer = ask(question, "");
        return answer.startsWith("y") || answer.startsWith("Y");
    }

    /**
     * One answer, stripped; an empty one from a pipe or a file keeps {@code offered}.
     *
     * @throws NoAnswer at the end of input or on Ctrl-C
     */
    private String ask(String question, String offered) throws NoAnswer {
        if (!source.interactive()) {
            out.print(question);
            out.flush();
        }
        String answer = source.ask(question, offered);
        errors.lineRead();
        if (answer == null) {
            if (!source.interactive()) {
                out.println();
            }
            throw new NoAnswer();
        }
        answer = answer.strip();
        if (!source.interactive()) {
            if (answer.isEmpty()) {
                answer = offered;
            }
            out.println(answer);
        }
        return answer;
    }

    private Path typedPath(String typed) {
        try {
            return workingDirectory.resolve(typed).normalize();
        } catch (InvalidPathException e) {
            throw new CommandException(typed + ": not a folder name (" + e.getReason() + ")");
        }
    }

    /** A folder as the user would type it: relative to the working directory when it lies under it. */
    private String shown(Path folder) {
        return folder.startsWith(workingDirectory) && !folder.equals(workingDirectory)
                ? workingDirectory.relativize(folder).toString() : folder.toString();
    }

    /** A path typed in quotes, as InvokeAI's {@code shlex.split} reads one with spaces. */
    private static String unquoted(String typed) {
        if (typed.length() >= 2 && (typed.charAt(0) == '"' || typed.charAt(0) == '\'')
                && typed.charAt(typed.length() - 1) == typed.charAt(0)) {
            return typed.substring(1, typed.length() - 1);
        }
        return typed;
    }

    /** The entry as models.yaml will hold it (InvokeAI prints the YAML of its new configuration). */
    private String yaml(ModelSettings settings) {
        StringBuilder text = new StringBuilder(scalar(settings.name())).append(":\n");
        if (!settings.description().isEmpty()) {
            text.append("  description: ").append(scalar(settings.description())).append('\n');
        }
        text.append("  path: ").append(scalar(shown(settings.path()))).append('\n')
                .append("  width: ").append(settings.width()).append('\n')
                .append("  height: ").append(settings.height()).append('\n');
        if (settings.isDefault()) {
            text.append("  default: true\n");
        }
        return text.toString();
    }

    /** A YAML scalar: plain where YAML reads it back as the same text, else double-quoted. */
    private static String scalar(String value) {
        if (PLAIN_YAML.matcher(value).matches() && !value.endsWith(" ") && !YAML_WORDS.contains(value.toLowerCase(Locale.ROOT))) {
            return value;
        }
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
