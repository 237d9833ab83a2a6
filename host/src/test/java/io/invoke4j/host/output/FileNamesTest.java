package io.invoke4j.host.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.GenerationRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileNamesTest {
    private final List<String> notices = new ArrayList<>();

    /** A request as the host runs it: every switch InvokeAI fills in, filled in. */
    private static GenerationRequest.Builder resolved(String fnformat) {
        return GenerationRequest.builder().prompt("a red fox [blurry]").steps(20).cfgScale(7.5).width(512)
                .height(448).sampler("k_euler_a").iterations(2).outdir("outputs/img-samples").pngCompression(6)
                .fnformat(fnformat);
    }

    private String name(GenerationRequest.Builder request, long seed) {
        return FileNames.forCommand(request.build(), "000007", notices::add).name(seed);
    }

    private String refusal(GenerationRequest.Builder request) {
        return assertThrows(CommandException.class,
                () -> FileNames.forCommand(request.build(), "000007", notices::add)).getMessage();
    }

    @Test
    void withoutAPatternTheNameIsPrefixDotSeed() {
        assertEquals("000007.416354203.png", name(resolved(null), 416354203L));
        assertEquals(List.of(), notices);
    }

    @Test
    void thePatternFormatsTheOptionsAsPythonPrintsThem() {
        assertEquals("000007-0000000042-s20-C7.5-k_euler_a-512x448-n2-z6.png",
                name(resolved("{prefix}-{seed:010d}-s{steps}-C{cfg_scale}-{sampler_name}-{width}x{height}"
                        + "-n{iterations}-z{png_compression}.png"), 42));
        assertEquals("a red fox .42.None.False.0.0.png",
                name(resolved("{prompt:.10}.{seed}.{strength}.{grid}.{variation_amount}.png"), 42));
        assertEquals("000007.42.0.60.png", name(resolved("{prefix}.{seed}.{strength:.2f}.png").strength(0.6), 42));
        assertEquals(List.of(), notices);
    }

    @Test
    void anUnknownKeyPrintsInvokeAisNoticeAndTheDefaultIsUsed() {
        assertEquals("000007.42.png", name(resolved("{prefix}.{model}.{threshold}.png"), 42));
        assertEquals(List.of("** The filename format contains an unknown key 'model'. Will use '{prefix}.{seed}.png'"
                + " instead"), notices);
    }

    @Test
    void aPatternThatCannotNameTheFilesRefusesTheCommandInOneLine() {
        assertEquals("--fnformat '{strength:.2f}.png': {strength:.2f}: unsupported format string passed to"
                + " NoneType.__format__ (the value is None)", refusal(resolved("{strength:.2f}.png")));
        assertEquals("--fnformat '{init_img}.png': gives the file name 'in/x.png.png', and a file name cannot"
                + " contain '/'", refusal(resolved("{init_img}.png").initImage("in/x.png")));
        assertEquals("--fnformat '{prompt}': gives '', which is not a file name",
                refusal(resolved("{prompt}").prompt("")));
        assertEquals("--fnformat '{seed!r}': {seed!r}: conversions such as !r or !s are not supported",
                refusal(resolved("{seed!r}")));
    }
}
