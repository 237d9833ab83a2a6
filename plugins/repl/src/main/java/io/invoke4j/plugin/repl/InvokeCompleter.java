package io.invoke4j.plugin.repl;

import io.invoke4j.api.Invoker;
import io.invoke4j.api.ModelSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion at {@code invoke>}, after InvokeAI's completer: the {@code !} commands at the start of a line,
 * model names after {@code !switch}, {@code !edit_model} and {@code !del_model}, folders after
 * {@code !import_model}, file paths after {@code !replay}, image paths after {@code !fetch} and {@code !fix} and
 * after {@code -I}, {@code -M} and {@code --init_color} (also written together, {@code -I./pa}, or as
 * {@code --init_img=./pa}), sampler
 * names after {@code -A}, {@code -m}, {@code --sampler} (also {@code -Ak_} and {@code --sampler=k_}), and the
 * switches' short and long names for any other word that starts with {@code -}. Prompt words get nothing.
 *
 * <p>Model names complete after the model commands, the only places a model is named at {@code invoke>}:
 * {@code --model} is a start-up switch, not one of the line's.
 */
final class InvokeCompleter implements Completer {
    private static final Set<String> SAMPLER_SWITCHES = Set.of("-A", "-m", "--sampler");
    private static final Set<String> PATH_SWITCHES = Set.of("-I", "--init_img", "-M", "--init_mask", "--init_color");
    private static final List<String> ATTACHED_PATH_SWITCHES = List.of("-I", "-M", "--init_img=", "--init_mask=",
            "--init_color=");
    private static final List<String> ATTACHED_SAMPLER_SWITCHES = List.of("-A", "-m", "--sampler=");
    private static final Set<String> PATH_COMMANDS = Set.of("!fetch", "!fix");
    private static final Set<String> MODEL_COMMANDS = Set.of("!switch", "!edit_model", "!del_model");

    private final Invoker invoker;
    private final List<String> switchNames;
    private final List<String> samplerNames;
    private final PathCandidates images;
    private final PathCandidates files;
    private final PathCandidates folders;

    InvokeCompleter(Invoker invoker) {
        this(invoker, Path.of("").toAbsolutePath());
    }

    /** @param workingDirectory what relative paths are relative to */
    InvokeCompleter(Invoker invoker, Path workingDirectory) {
        this.invoker = invoker;
        this.switchNames = List.copyOf(invoker.switchNames());
        this.samplerNames = List.copyOf(invoker.samplerNames());
        this.images = PathCandidates.images(workingDirectory, invoker.outputDirectory());
        this.files = PathCandidates.files(workingDirectory, invoker.outputDirectory());
        this.folders = PathCandidates.folders(workingDirectory);
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String word = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        int index = line.wordIndex();
        String first = line.words().isEmpty() ? "" : line.words().get(0);
        String previous = index > 0 ? line.words().get(index - 1) : "";
        if (index == 0 && word.startsWith("!")) {
            MetaCommands.NAMES.forEach(name -> candidates.add(plain(name)));
        } else if (index == 1 && MODEL_COMMANDS.contains(first)) {
            invoker.models().stream().map(ModelSummary::name).forEach(name -> candidates.add(plain(name)));
        } else if (index == 1 && first.equals(ReplSession.REPLAY)) {
            candidates.addAll(files.complete(word, ""));
        } else if (index == 1 && first.equals("!import_model")) {
            candidates.addAll(folders.complete(word, ""));
        } else if ((index == 1 && PATH_COMMANDS.contains(first)) || PATH_SWITCHES.contains(previous)) {
            candidates.addAll(images.complete(word, ""));
        } else if (SAMPLER_SWITCHES.contains(previous)) {
            samplerNames.forEach(name -> candidates.add(plain(name)));
        } else if (word.startsWith("-")) {
            completeSwitchWord(word, candidates);
        }
    }

    /** A word starting with {@code -}: a switch name, or a switch with its value written on. */
    private void completeSwitchWord(String word, List<Candidate> candidates) {
        for (String attached : ATTACHED_PATH_SWITCHES) {
            if (carriesValue(word, attached)) {
                candidates.addAll(images.complete(word.substring(attached.length()), attached));
                return;
            }
        }
        for (String attached : ATTACHED_SAMPLER_SWITCHES) {
            if (carriesValue(word, attached)) {
                samplerNames.forEach(name -> candidates.add(plain(attached + name)));
                return;
            }
        }
        switchNames.forEach(name -> candidates.add(plain(name)));
    }

    /**
     * Whether {@code word} is {@code attached} with a value written on: {@code --init_img=} already is, while
     * {@code -I} alone is still the switch's name and completes as one.
     */
    private static boolean carriesValue(String word, String attached) {
        return word.startsWith(attached) && (attached.endsWith("=") || word.length() > attached.length());
    }

    private static Candidate plain(String value) {
        return new Candidate(value, value, null, null, null, null, true);
    }
}
