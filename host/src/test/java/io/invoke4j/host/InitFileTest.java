package io.invoke4j.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoke4j.host.config.ConfigException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitFileTest {
    @TempDir
    Path home;

    private InitFile file(String text) throws Exception {
        Files.writeString(home.resolve(".invokeai"), text);
        return new InitFile(home.resolve(".invokeai"));
    }

    @Test
    void isTheDotInvokeaiFileOfHomeAsPythonFindsIt() {
        assertEquals(Path.of("/h/.invokeai"), InitFile.inHome(Map.of("HOME", "/h"), "/account").path());
        assertEquals(Path.of("/account/.invokeai"), InitFile.inHome(Map.of(), "/account").path());
        assertEquals(Path.of("/account/.invokeai"), InitFile.inHome(Map.of("HOME", ""), "/account").path());
    }

    @Test
    void splitsEachLineAsAShellDoesWithComments() throws Exception {
        InitFile init = file("# my defaults\n--outdir \"my pictures\"  # where they go\n-s 20 -W 640\n\n--sampler='k_euler'\n");
        assertEquals(List.of("--outdir", "my pictures", "-s", "20", "-W", "640", "--sampler=k_euler"), init.switches());
        assertEquals(">> Initialization file " + init.path() + " found. Loading...", init.notice());
    }

    @Test
    void noFileMeansNoSwitchesAndSaysSo() {
        InitFile init = new InitFile(home.resolve(".invokeai"));
        assertEquals(List.of(), init.switches());
        assertEquals(">> Initialization file " + init.path() + " not found. Applying default settings...", init.notice());
    }

    @Test
    void aQuoteThatDoesNotCloseNamesTheFileAndLine() throws Exception {
        InitFile init = file("-s 20\n--outdir \"my pictures\n");
        assertEquals(init.path() + ", line 2: No closing quotation",
                assertThrows(ConfigException.class, init::switches).getMessage());
    }

    @Test
    void aBadSwitchInTheFileIsOneLineNamingTheFile() throws Exception {
        InitFile init = file("--steps 20 --no_such_switch\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[0], init, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Main.EXIT_USAGE, status);
        assertEquals("invoke: error: " + init.path() + ": Unknown option: '--no_such_switch'",
                err.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void theCommandLineWinsOverTheFile() throws Exception {
        InitFile init = file("-s 20 --help\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // --help from the file still shows the help; a value from the command line replaces the file's
        int status = Main.run(new String[] {"-s", "0"}, init, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()));
        assertEquals(Main.EXIT_USAGE, status, "-s 0 from the command line replaced the file's 20 and was refused");
        status = Main.run(new String[0], init, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()));
        assertEquals(0, status);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Usage: invoke"), out.toString(StandardCharsets.UTF_8));
    }
}
