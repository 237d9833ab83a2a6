package io.invoke4j.plugin.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandHistoryTest {
    @TempDir
    Path outdir;
    private final List<String> warnings = new ArrayList<>();

    private Path file() {
        return outdir.resolve(".invoke_history");
    }

    private CommandHistory load() {
        return CommandHistory.load(outdir, warnings::add);
    }

    @Test
    void eachCommandIsInTheFileAsSoonAsItIsRecorded() throws Exception {
        CommandHistory history = load();
        history.add("a cat -s 5");
        // no close, no exit hook: a crash right now keeps it
        assertEquals("a cat -s 5\n", Files.readString(file()));
        history.add("\"there's a fly\" -S 42 -I \"my pics/x.png\"");
        assertEquals("a cat -s 5\n\"there's a fly\" -S 42 -I \"my pics/x.png\"\n", Files.readString(file()));
    }

    @Test
    void theFolderIsMadeWhenTheFirstCommandIsRecorded() throws Exception {
        Path nested = outdir.resolve("outputs/img-samples");
        CommandHistory history = CommandHistory.load(nested, warnings::add);
        assertTrue(Files.notExists(nested), "nothing is written before a command");
        history.add("a cat");
        assertEquals(List.of("a cat"), Files.readAllLines(nested.resolve(".invoke_history")));
    }

    @Test
    void readsAReadlineFileUtf8AndNumbersFromOne() throws Exception {
        Files.writeString(file(), "a cat\n\n猫 -s 5\r\nlast without newline", StandardCharsets.UTF_8);
        CommandHistory history = load();
        assertEquals(List.of(new CommandHistory.Entry(1, "a cat"), new CommandHistory.Entry(2, "猫 -s 5"),
                new CommandHistory.Entry(3, "last without newline")), history.entries());
        assertEquals(Optional.of("猫 -s 5"), history.get(2));
        assertEquals(Optional.empty(), history.get(0));
        assertEquals(Optional.empty(), history.get(4));
        assertEquals(List.of(new CommandHistory.Entry(2, "猫 -s 5")), history.containing("猫"));
    }

    @Test
    void keepsTheLast1000InMemoryAndInTheFile() throws Exception {
        Files.write(file(), IntStream.rangeClosed(1, 1005).mapToObj(i -> "command " + i).toList());
        CommandHistory history = load();
        assertEquals(1000, history.size());
        assertEquals(Optional.of("command 6"), history.get(1));
        history.add("command 1006");
        List<String> lines = Files.readAllLines(file());
        assertEquals(1000, lines.size());
        assertEquals("command 7", lines.get(0));
        assertEquals("command 1006", lines.get(999));
        assertEquals(Optional.of("command 7"), history.get(1));
        history.add("command 1007");
        assertEquals(1000, Files.readAllLines(file()).size());
        assertEquals("command 1007", Files.readAllLines(file()).get(999));
    }

    @Test
    void clearEmptiesMemoryAndFile() throws Exception {
        CommandHistory history = load();
        history.add("a cat");
        history.clear();
        assertEquals(0, history.size());
        assertEquals("", Files.readString(file()));
        history.add("a dog");
        assertEquals(List.of("a dog"), Files.readAllLines(file()));
        assertEquals(0, load().entries().stream().filter(e -> e.command().equals("a cat")).count());
    }

    @Test
    void aFileThatCannotBeReadIsOneWarningAndTheHistoryLivesInMemory() throws Exception {
        Files.createDirectory(file()); // a folder where the file should be
        CommandHistory history = load();
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).startsWith("** Could not read the command history " + file()), warnings.get(0));
        assertTrue(warnings.get(0).endsWith("; this session's history is kept in memory only"), warnings.get(0));
        history.add("a cat");
        assertEquals(Optional.of("a cat"), history.get(1));
        assertEquals(1, warnings.size(), "the folder is left alone");
        assertTrue(Files.isDirectory(file()));
    }

    @Test
    void aFileThatCannotBeWrittenIsOneWarning() throws Exception {
        Path blocked = outdir.resolve("blocked");
        Files.writeString(blocked, "a file where the output folder should be");
        CommandHistory history = CommandHistory.load(blocked, warnings::add);
        history.add("a cat");
        history.add("a dog");
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).startsWith("** Could not write the command history "), warnings.get(0));
        assertEquals(2, history.size());
    }

    @Test
    void aFileThatCannotBeClearedIsOneWarning() throws Exception {
        CommandHistory history = load();
        history.add("a cat");
        Files.delete(file());
        Files.createDirectory(file()); // replaced behind the session's back
        history.clear();
        assertEquals(0, history.size());
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).startsWith("** Could not clear the command history " + file() + " ("),
                warnings.get(0));
    }
}
