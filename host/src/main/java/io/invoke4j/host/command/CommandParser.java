package io.invoke4j.host.command;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.GenerationRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an {@code invoke>} line into a {@link GenerationRequest}, as InvokeAI 2.2.5 splits the prompt from its
 * switches ({@link PromptSplitter}) and Python 3.11 argparse reads the switches ({@link SwitchReader}), with
 * argparse's messages. One parser serves the REPL, {@code --from_file}, {@code !fetch} and the metadata readers.
 *
 * <p>{@code !fix FILE switches} is read as InvokeAI reads it: without {@code !fix}, as a command whose prompt is
 * the file, into a request with {@link GenerationRequest#fix()} set.
 *
 * <p>Where invoke4j differs from InvokeAI, and why:
 * <ul>
 *   <li>A leading {@code !invoke} or {@code !dream} followed by a command is dropped, as the manual promises
 *       (InvokeAI shows the help for {@code !invoke}). Either word alone asks for the help, as in InvokeAI,
 *       since there is no command to run.</li>
 *   <li>Whitespace around the whole line is ignored (InvokeAI strips only {@code --from_file} lines); otherwise
 *       {@code " -s 5"} would be a prompt.</li>
 *   <li>{@code -h}/{@code --help} anywhere asks for the help, even after a switch argparse would have refused
 *       first.</li>
 *   <li>A one-letter switch may end the line: {@code a cat -h} asks for help, {@code a cat -s} says that
 *       {@code -s} lacks its value. InvokeAI's prompt pattern wants a character after the letter and silently
 *       made such a line all prompt.</li>
 *   <li>Values InvokeAI refuses or misreads only when generating are refused here, each with one line:
 *       {@code -C} not above 1 ({@code CFG_Scale (-C) must be >1.0}, InvokeAI's words; InvokeAI lets 0 mean
 *       the default and lets nan through), {@code -s} or {@code -n} below 1 (InvokeAI lets 0 mean the default
 *       but still records {@code -s 0}, so the printed command would not describe the image), {@code -W} or
 *       {@code -H} below 64 (InvokeAI floors sizes to a multiple of 64, and below 64 that is 0, which fails
 *       inside the model; InvokeAI lets 0 mean the model default, which the command then does not record),
 *       {@code -f} given as 0 (InvokeAI silently ran 0.75).</li>
 *   <li>A {@code -V} part that is not {@code seed:weight} refuses the command; InvokeAI printed a message and
 *       ran the command without any variations ({@link VariationText}).</li>
 *   <li>{@code -M} without {@code -I} is refused ({@code -M/--init_mask needs -I/--init_img}); InvokeAI ignored
 *       the mask.</li>
 *   <li>{@code -F} is another name of {@code -T/-fit/--fit}, as the manual promises; InvokeAI did not have
 *       it.</li>
 *   <li>Integers must fit Java's range ({@code int}; {@code long} for {@code -S} and the seeds of {@code -V})
 *       and are otherwise refused as {@code invalid int value} (for {@code -V}, as a part it could not parse);
 *       Python's integers have no limit.</li>
 *   <li>{@code --prompt TEXT}, which InvokeAI 2.2.5 accepts and then overwrites with the prompt it split off, is
 *       not a switch here: it would be one that does nothing.</li>
 *   <li>Until every switch of InvokeAI is read, a name of one that is not ({@code --seam_size}, {@code -tm}) is
 *       refused as {@code unrecognized arguments}, and takes no part in abbreviations: {@code --ti} means
 *       {@code --tile_size} in InvokeAI 2.2.5 but is unknown here.</li>
 *   <li>{@code --threshold} below 0 and {@code --perlin} outside [0, 1] are refused as the line is read, with
 *       InvokeAI's messages; InvokeAI checked them when generating, after {@code -f} and {@code -v}, so with
 *       several bad values another message may come first here. {@code --save_intermediates} below 0 is refused
 *       (InvokeAI would divide by it), and {@code --seamless_axes} must be {@code x}, {@code y} or
 *       {@code x,y}: InvokeAI 2.2.5 took any text and looked for the letters in it.</li>
 *   <li>{@code --fnformat} and {@code -z/--png_compression} left off the line take the start-up values; InvokeAI's
 *       per-line defaults ({@code {prefix}.{seed}.png}, 6) hid them. An {@code --fnformat} pattern is read when the
 *       line is, and what {@link PythonFormat} does not support is refused in one line; InvokeAI let Python fail
 *       on it while saving, or fell back to the default name for a positional field.</li>
 *   <li>{@code -G} and {@code -cf} outside [0, 1], {@code -U} with a scale below 1, a strength outside [0, 1] or
 *       more than two values, and {@code --embiggen} with more than three values are refused; InvokeAI used
 *       or ignored them.</li>
 *   <li>{@code --karras_max} below 0, {@code --embiggen_tiles} below 1 and {@code --embiggen_strength} outside
 *       (0, 1) are refused; so are switches InvokeAI took and then ignored: {@code --new_prompt} outside
 *       {@code !fix}, {@code --embiggen_strength} without embiggen, and in {@code !fix}
 *       {@code --embiggen_tiles} or {@code --embiggen_strength} without {@code --embiggen}.</li>
 *   <li>{@code -D} and {@code -c} are {@code !fix}'s only, refused elsewhere (InvokeAI ignored them there), and
 *       their words are checked as the line is read: a side of top, left, bottom or right, pixels a whole number
 *       above 0 ({@code -c}: at most 8192), {@code -D} one or two words, {@code -c} pairs. InvokeAI asserted on
 *       {@code -D} only once the image was read and failed on a bad {@code -c} pair. The pixel counts are kept
 *       as plain decimals ({@code +064} becomes {@code 64}).</li>
 *   <li>{@code -r/--inpaint_replace} is recorded in the printed command with its value
 *       ({@code --inpaint_replace 0.5}); InvokeAI printed the bare switch, so its command did not re-parse and
 *       could not reproduce the image. {@code --invert_mask}, which InvokeAI 2.1+ did not record, is recorded, and
 *       so is {@code --init_color} without {@code -I} ({@link CanonicalCommand}).</li>
 *   <li>{@code -r} and {@code --invert_mask} without {@code -I}, and {@code --init_color} in {@code !fix}, are
 *       refused; InvokeAI ignored them there.</li>
 * </ul>
 */
public final class CommandParser {
    private static final Pattern INVOKE_PREFIX = Pattern.compile("^!(?:invoke|dream)(?:\\s+|$)");
    /** {@code !fix FILE switches}: the rest is read as a command whose prompt is the file (InvokeAI's rule). */
    private static final Pattern FIX_PREFIX = Pattern.compile("^!fix(?:\\s+|$)");

    private final SwitchTable switches;
    private final SwitchReader reader;

    /** @param samplerNames the names {@code -A} accepts, in the order its help and its error list them */
    public CommandParser(Collection<String> samplerNames) {
        List<String> samplers = List.copyOf(samplerNames);
        if (samplers.isEmpty()) {
            throw new IllegalArgumentException("no sampler names");
        }
        this.switches = InvokeSwitches.table(samplers);
        this.reader = new SwitchReader(switches);
    }

    /**
     * Parses one line. Absent switches stay {@code null} in the request.
     *
     * @throws CommandException one line saying what is wrong, or {@link CommandException#helpRequested()}
     */
    public GenerationRequest parse(String line) {
        String command = withoutInvokePrefix(Objects.requireNonNull(line, "line").strip());
        Matcher fix = FIX_PREFIX.matcher(command);
        boolean fixing = fix.lookingAt();
        if (fixing) {
            command = command.substring(fix.end());
        }
        PromptSplitter.Split split = PromptSplitter.split(command);
        Map<Switch<?>, Switch.Value<?>> values = reader.read(split.switchWords());
        GenerationRequest.Builder request = GenerationRequest.builder().prompt(split.prompt());
        if (fixing) {
            if (split.prompt().isEmpty()) {
                throw new CommandException("!fix needs the image to fix: !fix FILE -G 0.8 (or -U 2, --embiggen 2)");
            }
            request.fix(true);
        }
        for (Switch<?> declared : switches.switches()) {
            Switch.Value<?> value = values.get(declared);
            if (value != null) {
                value.applyTo(request);
            }
        }
        GenerationRequest parsed = request.build();
        SwitchCombinationChecks.check(parsed);
        return parsed;
    }

    /** Whether {@code line} is a {@code !fix} command (which {@link #parse} reads). */
    public static boolean isFix(String line) {
        return FIX_PREFIX.matcher(line.strip()).lookingAt();
    }

    /** The full {@code -h} text. */
    public String helpText() {
        return HelpText.of(switches);
    }

    /** Every option string of every switch, {@code -h}/{@code --help} first, then in the help's order. */
    public List<String> switchNames() {
        List<String> names = new ArrayList<>(switches.help().names());
        switches.switches().forEach(declared -> names.addAll(declared.names()));
        return List.copyOf(names);
    }

    private static String withoutInvokePrefix(String command) {
        Matcher prefix = INVOKE_PREFIX.matcher(command);
        if (!prefix.lookingAt()) {
            return command;
        }
        if (prefix.end() == command.length()) {
            throw CommandException.helpRequested();
        }
        return command.substring(prefix.end());
    }
}
