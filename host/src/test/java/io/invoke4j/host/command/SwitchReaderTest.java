package io.invoke4j.host.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoke4j.api.CommandException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Reading rules on a table with flags (the invoke> table has none yet besides help). Expected results and
 * messages are Python 3.11 argparse's for the same declarations.
 */
class SwitchReaderTest {
    private final SwitchReader reader = new SwitchReader(TestSwitches.table());

    private Map<Switch<?>, Object> read(String... words) {
        return reader.read(List.of(words)).values().stream()
                .collect(Collectors.toMap(Switch.Value::source, Switch.Value::value));
    }

    private String error(String... words) {
        CommandException e = assertThrows(CommandException.class, () -> reader.read(List.of(words)));
        assertFalse(e.isHelpRequested(), "asked for help instead of: " + e.getMessage());
        return e.getMessage();
    }

    private void assertHelp(String... words) {
        assertTrue(assertThrows(CommandException.class, () -> reader.read(List.of(words))).isHelpRequested());
    }

    @Test
    void flagTakesNoValue() {
        assertEquals(Map.of(TestSwitches.GRID, true, TestSwitches.STEPS, 5), read("-g", "-s", "5"));
    }

    @Test
    void combinedShortFlagsAreEachSet() {
        assertEquals(Map.of(TestSwitches.GRID, true, TestSwitches.SKIP_NORMALIZE, true), read("-gx"));
    }

    @Test
    void shortValueSwitchMayFollowCombinedFlags() {
        assertEquals(Map.of(TestSwitches.GRID, true, TestSwitches.STEPS, 5), read("-gs5"));
        assertEquals(Map.of(TestSwitches.GRID, true, TestSwitches.STEPS, 6), read("-gs", "6"));
    }

    @Test
    void flagWithTextThatNamesNoSwitchIsRefused() {
        assertEquals("argument --grid/-g: ignored explicit argument 'q'", error("-gq"));
        assertEquals("argument --grid/-g: ignored explicit argument 'yes'", error("--grid=yes"));
        assertEquals("argument --grid/-g: ignored explicit argument ''", error("-g="));
    }

    @Test
    void helpInsideCombinedFlagsAsksForHelp() {
        assertHelp("-gh");
    }

    @Test
    void helpAnywhereAsksForHelpEvenAfterAnError() {
        assertHelp("-s", "x", "-h");
        assertHelp("--s", "--help");
        assertHelp("--help=3");
        assertHelp("--he");
    }

    @Test
    void singleDashLongNameWorksOnlyInFullWhenItsLetterIsAShortName() {
        assertEquals(Map.of(TestSwitches.SAVE_ORIGINAL, true), read("-save_orig"));
        assertEquals("ambiguous option: -save could match -s, -save_orig", error("-save"));
    }

    @Test
    void ambiguityIsReportedBeforeAnyValueIsRead() {
        assertEquals("ambiguous option: --s could match --steps, --skip_normalize, --save_original",
                error("-s", "x", "--s"));
    }

    @Test
    void lastOccurrenceWins() {
        assertEquals(Map.of(TestSwitches.STEPS, 7), read("-s", "5", "--steps=6", "-s7"));
    }

    @Test
    void doubleDashIsLeftOverAndMakesTheRestValues() {
        assertEquals("unrecognized arguments: -- -s 5", error("--", "-s", "5"));
        assertEquals("unrecognized arguments: --", error("-s", "5", "--"));
        assertEquals("argument -s/--steps: expected one argument", error("-s", "--", "5"));
        assertEquals("unrecognized arguments: -- x", error("-g", "--", "x"));
    }

    @Test
    void valueSwitchDoesNotTakeASwitchAsItsValue() {
        assertEquals("argument -s/--steps: expected one argument", error("-s", "-g"));
        assertEquals("argument -s/--steps: expected one argument", error("-s", "-unknown"));
        assertEquals("argument -s/--steps: expected one argument", error("-s"));
    }

    @Test
    void leftOverWordsAreReportedTogetherInOrder() {
        assertEquals("unrecognized arguments: a -I b.png c", error("a", "-s", "5", "-I", "b.png", "-g", "c"));
    }

    @Test
    void firstBadValueIsReportedBeforeLeftOvers() {
        assertEquals("argument -s/--steps: invalid int value: 'x'", error("extra", "-s", "x"));
    }
}
