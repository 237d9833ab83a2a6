package io.invoke4j.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.GeneratedImage;
import io.invoke4j.api.GenerationListener;
import io.invoke4j.api.GenerationRequest;
import io.invoke4j.api.Latents;
import io.invoke4j.api.Sampler;
import io.invoke4j.api.Tensor;
import io.invoke4j.host.config.ModelEntry;
import io.invoke4j.host.generate.ClipTokenizer;
import io.invoke4j.host.generate.SamplingProgress;
import io.invoke4j.host.prompt.PromptConditioning;
import io.invoke4j.host.prompt.TokenizationLog;
import io.invoke4j.host.generate.Txt2ImgPipeline;
import io.invoke4j.host.noise.SeedChain;
import io.invoke4j.host.plugins.ExtensionRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.invoke4j.host.config.ModelCatalog;
import io.invoke4j.host.model.LoadedModel;
import io.invoke4j.host.model.ModelCache;
import io.invoke4j.host.model.Pipelines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostInvokerTest {
    @TempDir
    Path out;

    private final StartupOptions options = new StartupOptions();
    private final List<Txt2ImgPipeline.Txt2ImgParams> runs = new ArrayList<>();
    private Txt2ImgPipeline pipeline;
    private Pipelines seamlessPipelines;
    private final List<String> seamlessAxes = new ArrayList<>();

    @BeforeEach
    void setUp() {
        pipeline = mock(Txt2ImgPipeline.class);
        when(pipeline.generate(any(), any(), any())).thenAnswer(invocation -> {
            Txt2ImgPipeline.Txt2ImgParams p = invocation.getArgument(0);
            runs.add(p);
            SamplingProgress progress = invocation.getArgument(2);
            Latents x = new Latents(new float[4 * (p.height() / 8) * (p.width() / 8)], 1, 4, p.height() / 8, p.width() / 8);
            progress.stepDone(0, 1, x, x);
            return new Txt2ImgPipeline.Result(x, Tensor.ofFloats(new float[3 * p.height() * p.width()], 1, 3, p.height(), p.width()));
        });
    }

    private HostInvoker invoker(String modelSampler) {
        ModelEntry model = new ModelEntry("tiny", null, out, "diffusers-onnx", "onnx", "auto", modelSampler, 128, 192, null, null, true);
        Sampler lms = mock(Sampler.class);
        Sampler euler = mock(Sampler.class);
        when(lms.scheduleKind()).thenReturn(io.invoke4j.api.ScheduleKind.SIGMAS);
        ExtensionRegistry<Sampler> samplers = ExtensionRegistry.of("sampler",
                List.of(Map.entry(lms, "samplers"), Map.entry(euler, "samplers")),
                s -> s == lms ? "k_lms" : "k_euler");
        ClipTokenizer tokenizer = ClipTokenizer.load(
                Path.of(System.getProperty("invoke4j.root", "..")).resolve("models/tiny-sd/tokenizer"));
        PromptConditioning prompts = new PromptConditioning(text -> Tensor.ofFloats(new float[77 * 4], 1, 77, 4));
        Pipelines pipelines = new Pipelines(pipeline, mock(io.invoke4j.host.generate.Img2ImgPipeline.class),
                image -> { throw new AssertionError("no init image here"); });
        LoadedModel loaded = new LoadedModel(model, "abc", pipelines, axes -> {
            seamlessAxes.add(axes);
            return seamlessPipelines;
        }, prompts,
                new TokenizationLog(tokenizer, false), () -> { });
        ModelCatalog catalog = mock(ModelCatalog.class);
        when(catalog.entries()).thenReturn(List.of(model));
        return new HostInvoker(options, out, new ModelCache(catalog, loaded, (e, messages) -> loaded, 2), samplers,
                new SeedChain(42));
    }

    @Test
    void absentSwitchesTakeTheStartupAndModelDefaults() {
        GenerationRequest r = invoker(null).resolve(GenerationRequest.builder().prompt("cat").build());
        assertEquals(50, r.steps());
        assertEquals(7.5, r.cfgScale());
        assertEquals(128, r.width());
        assertEquals(192, r.height());
        assertEquals("k_lms", r.sampler());
        assertEquals(1, r.iterations());
        assertEquals(out.toString(), r.outdir());
        assertEquals(null, r.seed());
    }

    @Test
    void theSamplerComesFromTheLineThenStartupThenTheModel() {
        GenerationRequest plain = GenerationRequest.builder().prompt("cat").build();
        assertEquals("k_euler", invoker("k_euler").resolve(plain).sampler());
        options.sampler = "k_lms";
        assertEquals("k_lms", invoker("k_euler").resolve(plain).sampler());
        assertEquals("k_euler", invoker(null).resolve(plain.toBuilder().sampler("k_euler").build()).sampler());
        CommandException unknown = assertThrows(CommandException.class,
                () -> invoker(null).resolve(plain.toBuilder().sampler("ddim").build()));
        assertEquals("unknown sampler 'ddim' (known: k_euler, k_lms)", unknown.getMessage());
    }

    @Test
    void sizesRunFlooredToMultiplesOf64AndAreRecordedAsTyped() {
        List<String> messages = new ArrayList<>();
        GenerationListener listener = new GenerationListener() {
            @Override
            public void message(String line) {
                messages.add(line);
            }
        };
        List<GeneratedImage> images = invoker(null).generate(
                GenerationRequest.builder().prompt("cat").seed(3L).width(600).height(130).steps(1).build(), listener);
        assertEquals(576, runs.get(0).width());
        assertEquals(128, runs.get(0).height());
        assertTrue(messages.contains(">> Provided width and height must be multiples of 64. Auto-resizing to 576x128"), messages::toString);
        assertEquals("\"cat\" -s 1 -S 3 -W 600 -H 130 -C 7.5 -A k_lms", images.get(0).command());
    }

    @Test
    void aCancelledCommandKeepsAndLogsTheImagesAlreadyWritten() throws Exception {
        GenerationListener cancelDuringSecond = new GenerationListener() {
            private int started;

            @Override
            public void imageStarted(int index, int count, long seed, int steps) {
                started++;
            }

            @Override
            public boolean cancelRequested() {
                return started == 2;
            }
        };
        List<String> messages = new ArrayList<>();
        List<GeneratedImage> images = invoker(null).generate(
                GenerationRequest.builder().prompt("cat").seed(42L).iterations(3).steps(1).build(),
                new GenerationListener() {
                    @Override
                    public void imageStarted(int index, int count, long seed, int steps) {
                        cancelDuringSecond.imageStarted(index, count, seed, steps);
                    }

                    @Override
                    public boolean cancelRequested() {
                        return cancelDuringSecond.cancelRequested();
                    }

                    @Override
                    public void message(String line) {
                        messages.add(line);
                    }
                });
        assertEquals(1, images.size());
        assertEquals(out.resolve("000001.42.png"), images.get(0).path());
        assertTrue(Files.exists(images.get(0).path()));
        assertTrue(messages.contains("**Interrupted** Partial results will be returned."), messages::toString);
        assertEquals(List.of(images.get(0).path() + ": " + images.get(0).command()),
                Files.readAllLines(out.resolve("invoke_log.txt")));
        try (var files = Files.list(out)) {
            assertEquals(List.of("000001.42.png", "invoke_log.md", "invoke_log.txt"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no partial image");
        }
    }

    @Test
    void theSeedChainGoesOnAcrossCommands() {
        HostInvoker invoker = invoker(null);
        invoker.generate(GenerationRequest.builder().prompt("cat").seed(42L).steps(1).build(), GenerationListener.NONE);
        List<GeneratedImage> next = invoker.generate(GenerationRequest.builder().prompt("cat").steps(1).build(),
                GenerationListener.NONE);
        assertEquals(478163327L, next.get(0).seed());
        assertEquals(2, runs.size());
    }

    @Test
    void impossibleCombinationsAreRefusedInOneLine() {
        HostInvoker invoker = invoker(null);
        GenerationRequest cat = GenerationRequest.builder().prompt("cat").build();
        assertEquals("--hires_fix makes its own init image: it does not combine with -I/--init_img",
                assertThrows(CommandException.class, () -> invoker.generate(
                        cat.toBuilder().hiresFix(true).initImage("x.png").build(), GenerationListener.NONE)).getMessage());
        assertEquals("--hires_fix needs the ddim sampler, and no plugin provides it", assertThrows(CommandException.class,
                () -> invoker.generate(cat.toBuilder().hiresFix(true).build(), GenerationListener.NONE)).getMessage());
        assertTrue(runs.isEmpty());
    }

    @Test
    void initColorMatchesEachImageToTheReferenceFoundInTheOutputFolderAndIsRecorded() throws Exception {
        // the fake pipeline decodes one flat grey: matched, it takes the reference's (flat) colour
        java.awt.image.BufferedImage reference = new java.awt.image.BufferedImage(8, 8,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                reference.setRGB(x, y, 0xc81e3c);
            }
        }
        javax.imageio.ImageIO.write(reference, "png", out.resolve("ref.png").toFile());

        List<GeneratedImage> images = invoker(null).generate(GenerationRequest.builder().prompt("cat").seed(3L)
                .steps(1).width(64).height(64).initColor("ref.png").build(), GenerationListener.NONE);

        java.awt.image.BufferedImage written = javax.imageio.ImageIO.read(images.get(0).path().toFile());
        assertEquals(0xc81e3c, written.getRGB(5, 7) & 0xffffff);
        assertEquals("\"cat\" -s 1 -S 3 -W 64 -H 64 -C 7.5 -A k_lms --init_color " + out.resolve("ref.png"),
                images.get(0).command());
    }

    @Test
    void aMissingInitColorFileIsOneLineAndNothingRuns() {
        CommandException e = assertThrows(CommandException.class, () -> invoker(null).generate(
                GenerationRequest.builder().prompt("cat").steps(1).width(64).height(64).initColor("nope.png").build(),
                GenerationListener.NONE));
        assertEquals(">> nope.png: File not found", e.getMessage());
        assertTrue(runs.isEmpty());
    }

    @Test
    void aGridIsOneSheetWhoseCommandListsEverySeed() throws Exception {
        // the seed chain of the reference manual's grid example
        List<String> messages = new ArrayList<>();
        List<GeneratedImage> images = invoker(null).generate(
                GenerationRequest.builder().prompt("cat").seed(2685670268L).iterations(3).steps(1).width(64).height(64).grid(true).build(),
                new GenerationListener() {
                    @Override
                    public void message(String line) {
                        messages.add(line);
                    }
                });
        assertEquals(1, images.size());
        assertEquals(out.resolve("000001.2685670268.png"), images.get(0).path());
        java.awt.image.BufferedImage sheet = javax.imageio.ImageIO.read(images.get(0).path().toFile());
        assertEquals(3 * 64, sheet.getWidth());
        assertEquals(64, sheet.getHeight());
        assertTrue(images.get(0).command().endsWith("-n 3 --grid -A k_lms # [2685670268, 1216708065, 2335773498]"), images.get(0).command());
        assertTrue(messages.contains("seeds for individual rows: [2685670268, 1216708065, 2335773498]"), messages::toString);
        String metadata = io.invoke4j.host.output.PngText.read(images.get(0).path()).get("sd-metadata");
        assertTrue(metadata.contains("\"images\": [{"), metadata);
        assertTrue(metadata.contains("\"seed\": 2335773498"), metadata);
    }

    @Test
    void seamlessRunsOnTheSeamlessNetworks() {
        Txt2ImgPipeline seamless = mock(Txt2ImgPipeline.class);
        when(seamless.generate(any(), any(), any())).thenAnswer(invocation -> pipeline.generate(
                invocation.getArgument(0), invocation.getArgument(1), invocation.getArgument(2)));
        seamlessPipelines = new Pipelines(seamless, null, null);
        HostInvoker invoker = invoker(null);
        invoker.generate(GenerationRequest.builder().prompt("cat").seed(1L).steps(1).build(), GenerationListener.NONE);
        org.mockito.Mockito.verifyNoInteractions(seamless);
        List<GeneratedImage> tiled = invoker.generate(
                GenerationRequest.builder().prompt("cat").seed(1L).steps(1).seamless(true).build(), GenerationListener.NONE);
        org.mockito.Mockito.verify(seamless).generate(any(), any(), any());
        assertTrue(tiled.get(0).command().contains(" --seamless -A k_lms"), tiled.get(0).command());
    }

    @Test
    void seamlessAxesPickTheNetworksThatWrapOnThem() {
        Txt2ImgPipeline seamless = mock(Txt2ImgPipeline.class);
        when(seamless.generate(any(), any(), any())).thenAnswer(invocation -> pipeline.generate(
                invocation.getArgument(0), invocation.getArgument(1), invocation.getArgument(2)));
        seamlessPipelines = new Pipelines(seamless, null, null);
        HostInvoker invoker = invoker(null);
        GenerationRequest cat = GenerationRequest.builder().prompt("cat").seed(1L).steps(1).build();
        invoker.generate(cat.toBuilder().seamlessAxes("x").build(), GenerationListener.NONE);
        invoker.generate(cat.toBuilder().seamless(true).seamlessAxes("x").build(), GenerationListener.NONE);
        invoker.generate(cat.toBuilder().seamless(true).seamlessAxes("y").build(), GenerationListener.NONE);
        invoker.generate(cat.toBuilder().seamless(true).build(), GenerationListener.NONE);
        // without --seamless the axes change nothing, as in InvokeAI
        assertEquals(List.of("x", "y", "x,y"), seamlessAxes);
    }

    @Test
    void perlinAndThresholdReachTheTxt2ImgRunTheCommandAndTheMetadata() throws Exception {
        HostInvoker invoker = invoker(null);
        GenerationRequest cat = GenerationRequest.builder().prompt("cat").seed(3L).steps(1).width(128).height(64)
                .build();
        invoker.generate(cat, GenerationListener.NONE);
        List<GeneratedImage> shaped = invoker.generate(cat.toBuilder().perlin(0.5).threshold(3.0).build(),
                GenerationListener.NONE);

        assertEquals(0.0, runs.get(0).threshold());
        assertEquals(3.0, runs.get(1).threshold());
        float[] expected = new float[4 * 8 * 16];
        io.invoke4j.host.noise.TorchGenerator generator = new io.invoke4j.host.noise.TorchGenerator(3);
        generator.randn(expected);
        io.invoke4j.host.noise.PerlinNoise.blend(expected, 4, 8, 16, 0.5, generator);
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, runs.get(1).noise());
        assertTrue(!java.util.Arrays.equals(runs.get(0).noise(), runs.get(1).noise()), "perlin changes the noise");

        String command = shaped.get(0).command();
        assertEquals("\"cat\" -s 1 -S 3 -W 128 -H 64 -C 7.5 --perlin 0.5 --threshold 3.0 -A k_lms", command);
        String metadata = io.invoke4j.host.output.PngText.read(shaped.get(0).path()).get("sd-metadata");
        assertTrue(metadata.contains("\"threshold\": 3.0, \"perlin\": 0.5"), metadata);
        // !fetch gives the command back, and it reads back to the same switches
        String fetched = invoker.fetchCommand(shaped.get(0).path().getFileName().toString());
        assertEquals(command, fetched);
        GenerationRequest again = invoker.parse(fetched);
        assertEquals(0.5, again.perlin());
        assertEquals(3.0, again.threshold());
    }

    @Test
    void saveIntermediatesDecodesTheStartOfEveryNthStepAndTheLast() throws Exception {
        when(pipeline.decodeImage(any())).thenAnswer(invocation -> {
            Latents latents = invocation.getArgument(0);
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 8,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            int grey = (int) latents.data()[0];
            image.setRGB(0, 0, grey << 16 | grey << 8 | grey);
            return image;
        });
        org.mockito.Mockito.doAnswer(invocation -> {
            Txt2ImgPipeline.Txt2ImgParams p = invocation.getArgument(0);
            SamplingProgress progress = invocation.getArgument(2);
            Latents x = new Latents(new float[4 * 8 * 8], 1, 4, 8, 8);
            progress.samplingStarts(x);
            for (int step = 0; step < p.steps(); step++) {
                // the sampler moves x in place: after step i, x holds 10 * (i + 1)
                java.util.Arrays.fill(x.data(), 10 * (step + 1));
                progress.stepDone(step, p.steps(), x, x);
            }
            return new Txt2ImgPipeline.Result(x, Tensor.ofFloats(new float[3 * 64 * 64], 1, 3, 64, 64));
        }).when(pipeline).generate(any(), any(), any());
        List<String> messages = new ArrayList<>();
        GenerationListener listener = new GenerationListener() {
            @Override
            public void message(String line) {
                messages.add(line);
            }
        };
        List<GeneratedImage> images = invoker(null).generate(GenerationRequest.builder().prompt("cat").seed(3L)
                .steps(6).width(64).height(64).saveIntermediates(4).build(), listener);

        Path folder = out.resolve("intermediates").resolve("000001");
        assertTrue(messages.contains(">> Intermediate images will be written into " + folder), messages::toString);
        try (var files = Files.list(folder)) {
            assertEquals(List.of("0000.png", "0004.png", "0005.png"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        // each file shows the latents its step started from: 0 before step 0, step 3's result before step 4
        assertEquals(0, javax.imageio.ImageIO.read(folder.resolve("0000.png").toFile()).getRGB(0, 0) & 0xFF);
        assertEquals(40, javax.imageio.ImageIO.read(folder.resolve("0004.png").toFile()).getRGB(0, 0) & 0xFF);
        assertEquals(50, javax.imageio.ImageIO.read(folder.resolve("0005.png").toFile()).getRGB(0, 0) & 0xFF);
        assertTrue(!images.get(0).command().contains("intermediates"), images.get(0).command());
    }

    @Test
    void fetchReadsTheStoredCommandByNameFromTheOutputFolderOrByPath() throws Exception {
        HostInvoker invoker = invoker(null);
        List<GeneratedImage> images = invoker.generate(
                GenerationRequest.builder().prompt("a \"quoted\" cat").seed(7L).steps(1).width(64).height(64).build(),
                GenerationListener.NONE);
        String command = images.get(0).command();
        assertEquals(command, invoker.fetchCommand("000001.7.png"));
        assertEquals(command, invoker.fetchCommand(images.get(0).path().toString()));
        assertEquals("nope.png: file could not be read",
                assertThrows(CommandException.class, () -> invoker.fetchCommand("nope.png")).getMessage());
        Files.writeString(out.resolve("text.png"), "not a png");
        assertEquals("text.png: file could not be read",
                assertThrows(CommandException.class, () -> invoker.fetchCommand("text.png")).getMessage());
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", out.resolve("bare.png").toFile());
        assertEquals("bare.png: file has no metadata",
                assertThrows(CommandException.class, () -> invoker.fetchCommand("bare.png")).getMessage());
    }

    @Test
    void fetchRebuildsTheCommandOfAnA1111Png() throws Exception {
        writeWithText(out.resolve("a1111.png"), "parameters", "a cat on a mat\nNegative prompt: dog\n"
                + "Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 99, Size: 512x768, Model hash: 6ce0161689");
        assertEquals("\"a cat on a mat [dog]\" -s 20 -S 99 -W 512 -H 768 -C 7.0 -A k_euler_a",
                invoker(null).fetchCommand("a1111.png"));
        writeWithText(out.resolve("partial.png"), "parameters", "cat\nSteps: 20, Sampler: Euler, CFG scale: 7, Size: 8x8");
        assertEquals("partial.png: file could not be processed (A1111 parameters have no Seed)",
                assertThrows(CommandException.class, () -> invoker(null).fetchCommand("partial.png")).getMessage());
    }

    /** A PNG with one tEXt chunk, written by ImageIO's PNG writer (not invoke4j's). */
    private static void writeWithText(Path file, String keyword, String text) throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 8,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("png").next();
        javax.imageio.metadata.IIOMetadata metadata = writer.getDefaultImageMetadata(
                javax.imageio.ImageTypeSpecifier.createFromRenderedImage(image), null);
        javax.imageio.metadata.IIOMetadataNode entry = new javax.imageio.metadata.IIOMetadataNode("tEXtEntry");
        entry.setAttribute("keyword", keyword);
        entry.setAttribute("value", text);
        javax.imageio.metadata.IIOMetadataNode tEXt = new javax.imageio.metadata.IIOMetadataNode("tEXt");
        tEXt.appendChild(entry);
        javax.imageio.metadata.IIOMetadataNode root = new javax.imageio.metadata.IIOMetadataNode("javax_imageio_png_1.0");
        root.appendChild(tEXt);
        metadata.mergeTree("javax_imageio_png_1.0", root);
        try (javax.imageio.stream.ImageOutputStream stream = javax.imageio.ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(stream);
            writer.write(new javax.imageio.IIOImage(image, null, metadata));
        } finally {
            writer.dispose();
        }
    }

    @Test
    void aSizeBelow64IsOneLineEvenWhenItComesFromTheModel() {
        // the parser refuses typed sizes below 64; a models.yaml default can still be that small
        CommandException e = assertThrows(CommandException.class, () -> invoker(null).generate(
                GenerationRequest.builder().prompt("cat").width(32).height(512).build(), GenerationListener.NONE));
        assertEquals("-W/-H must be at least 64 (got 32x512)", e.getMessage());
        assertTrue(runs.isEmpty());
    }

    @Test
    void startupGridAndSeamlessTurnTheFlagOnForEveryCommand() {
        GenerationRequest plain = GenerationRequest.builder().prompt("cat").build();
        assertEquals(null, invoker(null).resolve(plain).grid());
        options.grid = true;
        options.seamless = true;
        GenerationRequest r = invoker(null).resolve(plain);
        assertEquals(Boolean.TRUE, r.grid());
        assertEquals(Boolean.TRUE, r.seamless());
        // -i on the line still opts out of the grid
        assertEquals(Boolean.TRUE, invoker(null).resolve(plain.toBuilder().individual(true).build()).individual());
    }

    @Test
    void promptAsDirWritesEachCommandIntoItsPromptsFolder() throws Exception {
        options.promptAsDir = true;
        List<String> messages = new ArrayList<>();
        List<GeneratedImage> images = invoker(null).generate(
                GenerationRequest.builder().prompt("a cat: on a mat?").seed(7L).steps(1).width(64).height(64).build(),
                new GenerationListener() {
                    @Override
                    public void message(String line) {
                        messages.add(line);
                    }
                });
        Path dir = out.toAbsolutePath().resolve("a cat_ on a mat_");
        assertTrue(messages.contains("Writing files to directory: \"" + dir + "\""), messages::toString);
        assertEquals(dir.resolve("000001.7.png"), images.get(0).path());
        assertTrue(Files.exists(dir.resolve("invoke_log.txt")), "the log goes with the images");
    }

    // --- --karras_max on the line

    @Test
    void karrasMaxOnTheLineMovesTheThresholdForThatCommandAndSaysWhichScheduleRuns() {
        HostInvoker invoker = invoker(null);
        List<String> messages = new ArrayList<>();
        GenerationListener listener = new GenerationListener() {
            @Override
            public void message(String line) {
                messages.add(line);
            }
        };
        List<GeneratedImage> images = invoker.generate(invoker.parse("cat -s 10 -S 1 -W 64 -H 64 --karras_max 5"),
                listener);
        assertEquals(5, runs.get(0).karrasMax());
        assertTrue(messages.contains(">> Ksampler using model noise schedule (steps >= 5)"), messages.toString());
        assertEquals("\"cat\" -s 10 -S 1 -W 64 -H 64 -C 7.5 --karras_max 5 -A k_lms", images.get(0).command());

        messages.clear();
        images = invoker.generate(invoker.parse("cat -s 10 -S 1 -W 64 -H 64"), listener);
        assertEquals(30, runs.get(1).karrasMax(), "the start-up value again");
        assertTrue(messages.contains(">> Ksampler using karras noise schedule (steps < 30)"), messages.toString());
        assertEquals("\"cat\" -s 10 -S 1 -W 64 -H 64 -C 7.5 -A k_lms", images.get(0).command());
    }

    @Test
    void theScheduleLineIsForKSamplersOnly() {
        HostInvoker invoker = invoker(null);
        List<String> messages = new ArrayList<>();
        GenerationListener listener = new GenerationListener() {
            @Override
            public void message(String line) {
                messages.add(line);
            }
        };
        invoker.generate(invoker.parse("cat -s 10 -S 1 -W 64 -H 64 -A k_euler --karras_max 5"), listener);
        assertTrue(messages.stream().noneMatch(line -> line.startsWith(">> Ksampler")), messages.toString());
    }

    @Test
    void fnformatAndPngCompressionComeFromTheLineElseFromStartUp() {
        GenerationRequest plain = GenerationRequest.builder().prompt("cat").build();
        GenerationRequest defaults = invoker(null).resolve(plain);
        assertEquals("{prefix}.{seed}.png", defaults.fnformat());
        assertEquals(6, defaults.pngCompression());
        options.fnformat = "{seed}.png";
        options.pngCompression = 9;
        GenerationRequest startup = invoker(null).resolve(plain);
        assertEquals("{seed}.png", startup.fnformat());
        assertEquals(9, startup.pngCompression());
        GenerationRequest line = invoker(null).resolve(plain.toBuilder().fnformat("{steps}.png").pngCompression(0).build());
        assertEquals("{steps}.png", line.fnformat());
        assertEquals(0, line.pngCompression());
    }

    @Test
    void imagesAreNamedByTheFnformatOfTheLineElseOfStartUp() {
        options.fnformat = "{prefix}-{seed:08d}.png";
        GenerationRequest cat = GenerationRequest.builder().prompt("cat").seed(7L).steps(1).width(64).height(64).build();
        assertEquals(out.resolve("000001-00000007.png"), invoker(null).generate(cat, GenerationListener.NONE).get(0).path());
        List<GeneratedImage> images = invoker(null).generate(cat.toBuilder().iterations(2)
                .fnformat("{prefix}.{seed}.s{steps}.{sampler_name}.png").build(), GenerationListener.NONE);
        // as in InvokeAI, the counter only counts names like 000001.x.png: 000001-00000007.png is not one
        assertEquals(out.resolve("000001.7.s1.k_lms.png"), images.get(0).path());
        assertTrue(images.get(1).path().getFileName().toString().matches("000001\\.\\d+\\.s1\\.k_lms\\.png"),
                images.get(1).path()::toString);
    }

    @Test
    void anUnknownKeyIsNoticedOnceAndTheDefaultNameUsed() {
        List<String> messages = new ArrayList<>();
        List<GeneratedImage> images = invoker(null).generate(GenerationRequest.builder().prompt("cat").seed(7L)
                .iterations(2).steps(1).width(64).height(64).fnformat("{prefix}.{nope}.png").build(),
                new GenerationListener() {
                    @Override
                    public void message(String line) {
                        messages.add(line);
                    }
                });
        assertEquals(out.resolve("000001.7.png"), images.get(0).path());
        assertEquals(1, messages.stream().filter(line -> line.equals("** The filename format contains an unknown key"
                + " 'nope'. Will use '{prefix}.{seed}.png' instead")).count(), messages::toString);
    }

    @Test
    void aPatternThatCannotNameTheFilesRefusesTheCommandBeforeItRuns() {
        GenerationRequest cat = GenerationRequest.builder().prompt("a/b").seed(7L).steps(1).width(64).height(64)
                .fnformat("{prompt}.png").build();
        assertEquals("--fnformat '{prompt}.png': gives the file name 'a/b.png', and a file name cannot contain '/'",
                assertThrows(CommandException.class, () -> invoker(null).generate(cat, GenerationListener.NONE))
                        .getMessage());
        assertTrue(runs.isEmpty());
    }

    @Test
    void aGridKeepsItsOwnNameButTakesTheCompression() throws Exception {
        GenerationRequest grid = GenerationRequest.builder().prompt("cat").seed(7L).iterations(2).steps(1).width(64)
                .height(64).grid(true).fnformat("{seed}.{nope}.png").build();
        Path stored = invoker(null).generate(grid.toBuilder().pngCompression(0).build(), GenerationListener.NONE).get(0)
                .path();
        Path packed = invoker(null).generate(grid.toBuilder().pngCompression(9).build(), GenerationListener.NONE).get(0)
                .path();
        assertEquals(out.resolve("000001.7.png"), stored);
        assertEquals(out.resolve("000002.7.png"), packed);
        assertTrue(Files.size(stored) > Files.size(packed), Files.size(stored) + " > " + Files.size(packed));
    }

    @Test
    void startUpDefaultsFillWhatTheLineLeavesOutAndTheLineWins() {
        options.steps = 20;
        options.cfgScale = 5.0;
        options.width = 320;
        options.height = 256;
        options.strength = 0.5;
        options.fit = true;
        GenerationRequest plain = invoker(null).resolve(GenerationRequest.builder().prompt("cat").initImage("in.png").build());
        assertEquals(20, plain.steps());
        assertEquals(5.0, plain.cfgScale());
        assertEquals(320, plain.width(), "the start-up -W, not the model's 128");
        assertEquals(256, plain.height());
        assertEquals(0.5, plain.strength());
        assertEquals(Boolean.TRUE, plain.fit());
        GenerationRequest typed = invoker(null).resolve(GenerationRequest.builder().prompt("cat").initImage("in.png")
                .steps(3).cfgScale(9.0).width(64).height(64).strength(0.25).fit(false).build());
        assertEquals(3, typed.steps());
        assertEquals(9.0, typed.cfgScale());
        assertEquals(64, typed.width());
        assertEquals(64, typed.height());
        assertEquals(0.25, typed.strength());
        assertEquals(Boolean.FALSE, typed.fit());
        options.width = null;
        assertEquals(128, invoker(null).resolve(GenerationRequest.builder().prompt("cat").build()).width(),
                "without a start-up -W, the model's width");
    }
}
