package io.invoke4j.host.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UniquePrefixTest {
    @TempDir
    Path dir;

    @Test
    void emptyFolderStartsAtOne() {
        assertEquals("000001", ImageWriter.uniquePrefix(dir));
    }

    @Test
    void missingFolderStartsAtOne() {
        assertEquals("000001", ImageWriter.uniquePrefix(dir.resolve("not-yet")));
    }

    @Test
    void nextAfterTheHighestNumberedImage() throws IOException {
        touch("000001.42.png", "000002.7.png", "000002.9.png", "invoke_log.txt", "invoke_log.md");
        assertEquals("000003", ImageWriter.uniquePrefix(dir));
    }

    @Test
    void aNameWithOneDotDoesNotCount() throws IOException {
        touch("000005.png");
        assertEquals("000001", ImageWriter.uniquePrefix(dir));
    }

    @Test
    void theRegexIsAnchoredAtTheStartOnly() throws IOException {
        touch("000123.x.png.bak", "abc.000200.1.png");
        assertEquals("000124", ImageWriter.uniquePrefix(dir));
    }

    @Test
    void postprocessedNamesCount() throws IOException {
        touch("000003.42.gfpgan-01.png");
        assertEquals("000004", ImageWriter.uniquePrefix(dir));
    }

    @Test
    void subfoldersCountLikeFiles() throws IOException {
        Files.createDirectory(dir.resolve("000007.a.png"));
        assertEquals("000008", ImageWriter.uniquePrefix(dir));
    }

    @Test
    void reverseStringOrderLetsAShortNumberWin() throws IOException {
        touch("9.x.png", "000010.x.png", "000011.x.png");
        assertEquals("000010", ImageWriter.uniquePrefix(dir));
    }

    @Test
    void afterNineHundredNinetyNineThousandItStaysAtOneMillion() throws IOException {
        touch("999999.1.png");
        assertEquals("1000000", ImageWriter.uniquePrefix(dir));
        touch("1000000.2.png", "1000000.3.png");
        assertEquals("1000000", ImageWriter.uniquePrefix(dir));
    }

    @Test
    void aWriterTemporaryFileIsNotCounted() throws IOException {
        touch("000002.1.png", ".000009.1.png.5f3a.tmp");
        assertEquals("000003", ImageWriter.uniquePrefix(dir));
    }

    @Test
    void namesSortByCodePointNotUtf16Unit() {
        // MATHEMATICAL BOLD DIGIT NINE (U+1D7D7) sorts after FULLWIDTH DIGIT ONE (U+FF11) by code point, as in
        // Python, but before it by UTF-16 unit (a surrogate 0xD835 < 0xFF11)
        String boldNine = new String(Character.toChars(0x1D7D7));
        assertEquals("000010", UniquePrefix.next(List.of("\uFF11.x.png", boldNine + ".x.png")));
    }

    @Test
    void numbersBeyondLongStillCount() {
        assertEquals("100000000000000000000", UniquePrefix.next(List.of("99999999999999999999.1.png")));
    }

    private void touch(String... names) throws IOException {
        for (String name : names) {
            Files.createFile(dir.resolve(name));
        }
    }
}
