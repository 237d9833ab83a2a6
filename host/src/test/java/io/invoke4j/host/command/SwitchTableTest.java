package io.invoke4j.host.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.invoke4j.host.command.SwitchTable.Word;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Expected classifications are Python 3.11 argparse's {@code _parse_optional}. */
class SwitchTableTest {
    private final SwitchTable table = TestSwitches.table();

    @Test
    void exactNameIsTheSwitch() {
        assertEquals(new Word.Option(TestSwitches.STEPS, "--steps", null), table.classify("--steps"));
        assertEquals(new Word.Option(TestSwitches.STEPS, "-s", null), table.classify("-s"));
        assertEquals(new Word.Option(TestSwitches.SAVE_ORIGINAL, "-save_orig", null), table.classify("-save_orig"));
    }

    @Test
    void shortNameCarriesTheRestOfTheWordAsValue() {
        assertEquals(new Word.Option(TestSwitches.STEPS, "-s", "150"), table.classify("-s150"));
        assertEquals(new Word.Option(TestSwitches.STEPS, "-s", "x=5"), table.classify("-sx=5"));
        assertEquals(new Word.Option(TestSwitches.GRID, "-g", "x"), table.classify("-gx"));
    }

    @Test
    void equalsSignCarriesTheValueOfAnExactName() {
        assertEquals(new Word.Option(TestSwitches.STEPS, "-s", "5"), table.classify("-s=5"));
        assertEquals(new Word.Option(TestSwitches.STEPS, "--steps", "20"), table.classify("--steps=20"));
        assertEquals(new Word.Option(TestSwitches.STEPS, "--steps", ""), table.classify("--steps="));
    }

    @Test
    void uniquePrefixOfALongNameIsTheSwitch() {
        assertEquals(new Word.Option(TestSwitches.STEPS, "--steps", null), table.classify("--st"));
        assertEquals(new Word.Option(TestSwitches.STEPS, "--steps", "7"), table.classify("--ste=7"));
    }

    @Test
    void sharedPrefixIsAmbiguousListingNamesInDeclarationOrder() {
        assertEquals(new Word.Ambiguous("--s", "ambiguous option: --s could match --steps, --skip_normalize,"
                + " --save_original"), table.classify("--s"));
        // a one-letter name also matches as a name with its value attached
        assertEquals(new Word.Ambiguous("-sa", "ambiguous option: -sa could match -s, -save_orig"),
                table.classify("-sa"));
        assertEquals(new Word.Ambiguous("-save", "ambiguous option: -save could match -s, -save_orig"),
                table.classify("-save"));
    }

    @Test
    void negativeNumbersAreValues() {
        assertEquals(new Word.Plain("-5"), table.classify("-5"));
        assertEquals(new Word.Plain("-0.5"), table.classify("-0.5"));
        assertEquals(new Word.Plain("-.5"), table.classify("-.5"));
        assertEquals(new Word.UnknownOption("-1e5"), table.classify("-1e5"));
    }

    @Test
    void wordWithASpaceIsAValueUnlessItNamesASwitch() {
        assertEquals(new Word.Plain("-my dir"), table.classify("-my dir"));
        assertEquals(new Word.Option(TestSwitches.STEPS, "-s", " 5"), table.classify("-s 5"));
    }

    @Test
    void wordsNotStartingWithADashOrALoneDashAreValues() {
        assertEquals(new Word.Plain("x"), table.classify("x"));
        assertEquals(new Word.Plain(""), table.classify(""));
        assertEquals(new Word.Plain("-"), table.classify("-"));
    }

    @Test
    void unknownSwitchIsReportedAsSuch() {
        assertEquals(new Word.UnknownOption("-I"), table.classify("-I"));
        assertEquals(new Word.UnknownOption("--fit"), table.classify("--fit"));
    }

    @Test
    void listsSwitchesInDeclarationOrderWithoutHelp() {
        assertEquals(List.of(TestSwitches.STEPS, TestSwitches.GRID, TestSwitches.SKIP_NORMALIZE,
                TestSwitches.SAVE_ORIGINAL), table.switches());
    }

    @Test
    void refusesANameDeclaredTwice() {
        Switch<Integer> clash = Switch.of(ValueType.INT, (request, value) -> { }, "-S", "--steps");
        assertThrows(IllegalArgumentException.class, () -> new SwitchTable(TestSwitches.HELP,
                List.of(new SwitchTable.Section("x", List.of(TestSwitches.STEPS, clash))), Set.of()));
    }

    @Test
    void refusesANameBothDeclaredAndNotReadYet() {
        assertThrows(IllegalArgumentException.class, () -> new SwitchTable(TestSwitches.HELP,
                List.of(new SwitchTable.Section("x", List.of(TestSwitches.STEPS))), Set.of("--steps")));
    }

    @Test
    void nameNotReadYetIsUnknownWhenTypedInFull() {
        assertEquals(new Word.UnknownOption("-G"), table.classify("-G"));
        assertEquals(new Word.UnknownOption("-fit"), table.classify("-fit"));
        assertEquals(new Word.UnknownOption("-fit=1"), table.classify("-fit=1"));
    }

    @Test
    void nameNotReadYetTakesNoPartInPrefixesOrAttachedValues() {
        assertEquals(new Word.UnknownOption("-G0.8"), table.classify("-G0.8"));
        assertEquals(new Word.UnknownOption("-fi"), table.classify("-fi"));
    }
}
