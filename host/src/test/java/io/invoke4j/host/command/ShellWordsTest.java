package io.invoke4j.host.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.invoke4j.api.CommandException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    // --- writing a word for the canonical command: the split above must read it back

    @Test
    void plainTextIsWrittenBare() {
        assertEquals("foo.png", ShellWords.quoted("foo.png"));
        assertEquals("outputs/img-samples/000001.42.png", ShellWords.quoted("outputs/img-samples/000001.42.png"));
        assertEquals("C:/x=y,z@1%~+", ShellWords.quoted("C:/x=y,z@1%~+"));
        assertEquals("猫.png", ShellWords.quoted("猫.png"));
    }

    @Test
    void textASplitWouldChangeIsDoubleQuoted() {
        assertEquals("\"my dir/a.png\"", ShellWords.quoted("my dir/a.png"));
        assertEquals("\"x#1.png\"", ShellWords.quoted("x#1.png"));
        assertEquals("\"it's.png\"", ShellWords.quoted("it's.png"));
        assertEquals("\"C:\\\\img\\\\a.png\"", ShellWords.quoted("C:\\img\\a.png"));
        assertEquals("\"a\\\"b\"", ShellWords.quoted("a\"b"));
        assertEquals("\"\"", ShellWords.quoted(""));
        assertEquals("\"tab\there\"", ShellWords.quoted("tab\there"));
    }

    @Test
    void doubleQuotedEscapesOnlyQuoteAndBackslash() {
        assertEquals("\"plain\"", ShellWords.doubleQuoted("plain"));
        assertEquals("\"it's #1 \\\"x\\\" \\\\\"", ShellWords.doubleQuoted("it's #1 \"x\" \\"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"foo.png", "my dir/a.png", "x#1", "it's", "C:\\a\\b", "a\"b", "", " ", "\\",
        "\"", "'", "tab\there", "line\nbreak", "猫 😀", "-1", "--"})
    void splittingAWrittenWordGivesTheText(String text) {
        assertEquals(List.of(text), ShellWords.split(ShellWords.quoted(text)));
        assertEquals(List.of(text), ShellWords.split(ShellWords.doubleQuoted(text)));
    }
}
