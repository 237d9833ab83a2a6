package io.invoke4j.host.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.invoke4j.api.CommandException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected words are Python 3.11's {@code shlex.split(text, comments=True)}. */
class ShellWordsTest {

    @Test
    void whitespaceOfAnyKindSeparatesWords() {
        assertEquals(List.of("-s", "5", "-S", "42"), ShellWords.split("  -s 5\t-S\r\n42  "));
    }

    @Test
    void emptyAndBlankTextHaveNoWords() {
        assertEquals(List.of(), ShellWords.split(""));
        assertEquals(List.of(), ShellWords.split("   "));
    }

    @Test
    void doubleQuotesGroupWordsAndJoinAdjacentText() {
        assertEquals(List.of("a big cat", "-s", "5"), ShellWords.split("\"a big cat\" -s 5"));
        assertEquals(List.of("a catdog"), ShellWords.split("\"a cat\"dog"));
    }

    @Test
    void singleQuotesAreQuotesToo() {
        assertEquals(List.of("my dir", "x"), ShellWords.split("'my dir' x"));
        assertEquals(List.of("a \\\" b"), ShellWords.split("'a \\\" b'"));
    }

    @Test
    void apostropheInsideDoubleQuotesIsLiteral() {
        assertEquals(List.of("there's a fly"), ShellWords.split("\"there's a fly\""));
    }

    @Test
    void insideDoubleQuotesBackslashEscapesOnlyQuoteAndBackslash() {
        assertEquals(List.of("a \"b\" \\ \\n"), ShellWords.split("\"a \\\"b\\\" \\\\ \\n\""));
    }

    @Test
    void outsideQuotesBackslashEscapesAnything() {
        assertEquals(List.of("a b", "#c", "n"), ShellWords.split("a\\ b \\#c \\n"));
    }

    @Test
    void emptyQuotedWordIsAWord() {
        assertEquals(List.of("", "x", ""), ShellWords.split("\"\" x ''"));
    }

    @Test
    void hashStartsACommentEvenInsideAWord() {
        assertEquals(List.of("-s", "5"), ShellWords.split("-s 5 # twenty steps"));
        assertEquals(List.of("-s", "5"), ShellWords.split("-s 5#comment"));
        assertEquals(List.of("", "x"), ShellWords.split("\"\"# c\nx"));
    }

    @Test
    void hashInsideQuotesIsText() {
        assertEquals(List.of("a # b", "c#d"), ShellWords.split("\"a # b\" 'c#d'"));
    }

    @Test
    void commentEndsAtNewline() {
        assertEquals(List.of("a", "b"), ShellWords.split("a # c\nb"));
    }

    @Test
    void unclosedQuoteIsOneLine() {
        assertEquals("No closing quotation",
                assertThrows(CommandException.class, () -> ShellWords.split("-o \"x")).getMessage());
        assertEquals("No closing quotation",
                assertThrows(CommandException.class, () -> ShellWords.split("-o 'x")).getMessage());
    }

    @Test
    void trailingBackslashIsOneLine() {
        assertEquals("No escaped character",
                assertThrows(CommandException.class, () -> ShellWords.split("-o x\\")).getMessage());
        assertEquals("No escaped character",
                assertThrows(CommandException.class, () -> ShellWords.split("\"x\\")).getMessage());
    }
}
