package io.invoke4j.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The host as a front end sees it: parse a command, generate, and what the front end needs to show.
 * One instance serves the whole session.
 */
public interface Invoker {

    /**
     * Parses one {@code invoke>} line (a prompt with switches; a leading {@code !invoke} is ignored). A line
     * {@code !fix FILE switches} gives a request with {@link GenerationRequest#fix()} set and FILE as its prompt.
     *
     * @throws CommandException with a one-line message for a bad switch or value, or
     *                          {@link CommandException#isHelpRequested()} for {@code -h}
     */
    GenerationRequest parse(String line);

    /**
     * Runs a request: generates every image, post-processes it ({@code -G}, {@code -U}), writes each PNG with its
     * metadata and appends the log. A {@code !fix} request post-processes its file instead ({@code -G},
     * {@code -U}, {@code --embiggen}) and writes the result under a new name, never over the file.
     * Images written before a cancellation or a failure are kept and returned.
     *
     * @throws CommandException for a value the model cannot run (one line)
     */
    List<GeneratedImage> generate(GenerationRequest request, GenerationListener listener);

    /**
     * The command stored in an image ({@code !fetch}): the canonical command of an invoke4j or InvokeAI PNG.
     *
     * @param file a path, or a file name in the output folder
     * @throws CommandException one line when the file is missing, unreadable or carries no command
     */
    String fetchCommand(String file);

    /** The model catalogue's entries in file order, the active one marked ({@code !models}). */
    List<ModelSummary> models();

    /**
     * Makes another catalogue entry the model in use ({@code !switch NAME}), opening it unless it is cached.
     * Later commands use its default size and sampler.
     *
     * @param messages receives InvokeAI's loading lines ({@code >> Loading NAME from PATH}, ...)
     * @throws CommandException one line for an unknown name or a model that fails to open; the model in use
     *                          stays in use
     */
    void switchModel(String name, Consumer<String> messages);

    /**
     * The settings of a catalogue entry, as {@code !edit_model NAME} offers them for change.
     *
     * @throws CommandException one line for an unknown name
     */
    ModelSettings modelSettings(String name);

    /**
     * Checks that {@code folder} holds a model the host can run, and gives the settings a new catalogue entry for
     * it starts from ({@code !import_model PATH}): named after the folder, no description, 512x512, not the
     * default.
     *
     * @param folder a relative path is relative to the working directory
     * @throws CommandException one line saying why the folder is not a model
     */
    ModelSettings newModelSettings(Path folder);

    /**
     * Adds an entry to the catalogue, or changes the entry of the same name, and rewrites the catalogue file.
     * An existing entry keeps the fields that {@link ModelSettings} does not carry; a new one gets their defaults.
     * {@link ModelSettings#isDefault()} takes the mark from every other entry. From the next command on,
     * {@link #models()}, {@link #switchModel} and generation see the change; the model in use is reopened if its
     * folder changed.
     *
     * @param messages receives the loading lines when the model in use is reopened
     * @throws CommandException one line when the folder is not a model, or the file cannot be written (then
     *                          neither the file nor the catalogue has changed)
     */
    void saveModel(ModelSettings settings, Consumer<String> messages);

    /**
     * Removes an entry from the catalogue and rewrites the catalogue file ({@code !del_model NAME}).
     *
     * @throws CommandException one line for an unknown name, the model in use (InvokeAI's
     *                          {@code Can't delete active model. !switch to another model first. **}), or a file
     *                          that cannot be written (then nothing has changed)
     */
    void deleteModel(String name);

    /** The names {@code -A} accepts, sorted. */
    List<String> samplerNames();

    /**
     * Every name of every switch an {@code invoke>} line accepts, short and long ({@code -s}, {@code --steps},
     * {@code -h}, ...), in the order the help lists them: what a front end offers for completion.
     */
    List<String> switchNames();

    /** The {@code -h} text: usage and every switch. */
    String helpText();

    /** The start-up output folder, where the log and the history file live. */
    Path outputDirectory();

    /** The {@code --from_file} source: a path, or {@code "-"} for standard input; empty when interactive. */
    Optional<String> commandFile();
}
