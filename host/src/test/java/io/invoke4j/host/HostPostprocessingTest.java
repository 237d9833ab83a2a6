package io.invoke4j.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.EngineOptions;
import io.invoke4j.api.FaceRestorer;
import io.invoke4j.api.GeneratedImage;
import io.invoke4j.api.GenerationListener;
import io.invoke4j.api.GenerationRequest;
import io.invoke4j.api.InferenceEngine;
import io.invoke4j.api.InferenceSession;
import io.invoke4j.api.Latents;
import io.invoke4j.api.PostprocessContext;
import io.invoke4j.api.Sampler;
import io.invoke4j.api.Tensor;
import io.invoke4j.api.Upscaler;
import io.invoke4j.host.config.ModelCatalog;
import io.invoke4j.host.config.ModelEntry;
import io.invoke4j.host.config.PostprocessCatalog;
import io.invoke4j.host.config.PostprocessEntry;
import io.invoke4j.host.generate.ClipTokenizer;
import io.invoke4j.host.generate.Img2ImgPipeline;
import io.invoke4j.host.generate.SamplingProgress;
import io.invoke4j.host.generate.SessionWrapper;
import io.invoke4j.host.generate.Txt2ImgPipeline;
import io.invoke4j.host.model.LoadedModel;
import io.invoke4j.host.model.ModelCache;
import io.invoke4j.host.model.Pipelines;
import io.invoke4j.host.noise.SeedChain;
import io.invoke4j.host.output.PngText;
import io.invoke4j.host.plugins.ExtensionRegistry;
import io.invoke4j.host.postprocess.PostprocessModels;
import io.invoke4j.host.postprocess.Postprocessor;
import io.invoke4j.host.prompt.PromptConditioning;
import io.invoke4j.host.prompt.TokenizationLog;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * -G, -U, --save_original and !fix through the Invoker, on a stand-in pipeline (grey 64x64 images) and stand-in
 * tools: a x2 nearest upscaler and a face restorer that inverts the image. Names, outputs, logs and metadata as
 * output-and-metadata.md §1.4, §2 and §3.3 describe them.
 */
class HostPostprocessingTest {
    /** Read once: its vocabulary takes a second to load. */
    private static final ClipTokenizer TOKENIZER = ClipTokenizer.load(
            Path.of(System.getProperty("invoke4j.root", "..")).resolve("models/tiny-sd/tokenizer"));

    @TempDir
    Path out;

    private final List<String> messages = new ArrayList<>();
    private final GenerationListener listener = new GenerationListener() {
        @Override
        public void message(String line) {
            messages.add(line);
        }

        @Override
        public void imageStarted(int index, int count, long seed, int steps) {
            tileSteps.add(steps);
        }
    };
    private final List<String> ran = new ArrayList<>();
    private final List<String> encoded = new ArrayList<>();
    private final List<Img2ImgPipeline.Img2ImgParams> tiles = new ArrayList<>();
    private final List<Integer> tileSteps = new ArrayList<>();
    private Txt2ImgPipeline pipeline;
    private Img2ImgPipeline img2img;
    private Path modelFile;

    @BeforeEach
    void setUp() throws Exception {
        modelFile = Files.writeString(out.resolve("weights.onnx"), "x");
        pipeline = mock(Txt2ImgPipeline.class);
        when(pipeline.generate(any(), any(), any())).thenAnswer(invocation -> {
            Txt2ImgPipeline.Txt2ImgParams p = invocation.getArgument(0);
            SamplingProgress progress = invocation.getArgument(2);
            Latents x = new Latents(new float[4 * (p.height() / 8) * (p.width() / 8)], 1, 4, p.height() / 8,
                    p.width() / 8);
            progress.stepDone(0, 1, x, x);
            return new Txt2ImgPipeline.Result(x, Tensor.ofFloats(new float[3 * p.height() * p.width()], 1, 3,
                    p.height(), p.width()));
        });
        // embiggen's tiles: each comes back white
        img2img = mock(Img2ImgPipeline.class);
        when(img2img.generate(any(), any(), any())).thenAnswer(invocation -> {
            Img2ImgPipeline.Img2ImgParams p = invocation.getArgument(0);
            tiles.add(p);
            int[] shape = p.initLatents().shape();
            float[] white = new float[3 * shape[2] * 8 * shape[3] * 8];
            java.util.Arrays.fill(white, 1f);
            return new Txt2ImgPipeline.Result(p.initLatents(), Tensor.ofFloats(white, 1, 3, shape[2] * 8,
                    shape[3] * 8));
        });
    }

    private final Upscaler twice = new Upscaler() {
        @Override
        public String name() {
            return "realesrgan";
        }

        @Override
        public BufferedImage upscale(BufferedImage image, int scale, PostprocessContext context) {
            ran.add("upscale");
            context.session();
            BufferedImage big = new BufferedImage(image.getWidth() * 2, image.getHeight() * 2,
                    BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < big.getHeight(); y++) {
                for (int x = 0; x < big.getWidth(); x++) {
                    big.setRGB(x, y, image.getRGB(x / 2, y / 2));
                }
            }
            return big;
        }
    };

    private final FaceRestorer inverting = new FaceRestorer() {
        @Override
        public String name() {
            return "gfpgan";
        }

        @Override
        public BufferedImage restore(BufferedImage image, PostprocessContext context) {
            ran.add("faces");
            context.session();
            BufferedImage inverted = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    inverted.setRGB(x, y, ~image.getRGB(x, y) & 0xffffff);
                }
            }
            return inverted;
        }
    };

    private HostInvoker invoker(Path upscalerFile) {
        ModelEntry model = new ModelEntry("tiny", null, out, "diffusers-onnx", "onnx", "auto", null, 64, 64, null, null,
                true);
        Sampler lms = mock(Sampler.class);
        Sampler ddim = mock(Sampler.class);
        ExtensionRegistry<Sampler> samplers = ExtensionRegistry.of("sampler",
                List.of(Map.entry(lms, "samplers"), Map.entry(ddim, "samplers")), s -> s == lms ? "k_lms" : "ddim");
        PromptConditioning prompts = new PromptConditioning(text -> {
            encoded.add(text);
            return Tensor.ofFloats(new float[77 * 4], 1, 77, 4);
        });
        Pipelines pipelines = new Pipelines(pipeline, img2img,
                image -> new Latents(new float[4 * (image.getHeight() / 8) * (image.getWidth() / 8)], 1, 4,
                        image.getHeight() / 8, image.getWidth() / 8));
        LoadedModel loaded = new LoadedModel(model, "abc", pipelines, axes -> pipelines, prompts,
                new TokenizationLog(TOKENIZER, false), () -> { });
        ModelCatalog catalog = mock(ModelCatalog.class);
        when(catalog.entries()).thenReturn(List.of(model));
        InferenceEngine engine = new InferenceEngine() {
            @Override
            public String name() {
                return "onnx";
            }

            @Override
            public InferenceSession open(Path file, EngineOptions options) {
                return mock(InferenceSession.class);
            }
        };
        PostprocessCatalog entries = PostprocessCatalog.of(List.of(
                new PostprocessEntry("realesrgan", PostprocessCatalog.UPSCALER, "realesrgan", upscalerFile, null,
                        Map.of()),
                new PostprocessEntry("gfpgan", PostprocessCatalog.FACE_RESTORER, "gfpgan", modelFile, null,
                        Map.of("detector", "retinaface"))));
        Postprocessor postprocessor = new Postprocessor(
                ExtensionRegistry.of("upscaler", List.of(Map.entry(twice, "test")), Upscaler::name),
                ExtensionRegistry.of("face restorer", List.of(Map.entry(inverting, "test")), FaceRestorer::name),
                entries, new PostprocessModels(ExtensionRegistry.of("inference engine",
                        List.of(Map.entry(engine, "test")), InferenceEngine::name), SessionWrapper.NONE));
        return new HostInvoker(new StartupOptions(), out, new ModelCache(catalog, loaded, (e, messages) -> loaded, 2), samplers,
                new SeedChain(42), postprocessor);
    }

    private static GenerationRequest.Builder cat() {
        return GenerationRequest.builder().prompt("cat").seed(3L).steps(1);
    }

    private static BufferedImage read(Path file) throws Exception {
        return ImageIO.read(file.toFile());
    }

    private List<String> files() throws Exception {
        try (var files = Files.list(out)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted().toList();
        }
    }

    // --- in a generation

    @Test
    void upscaleReplacesTheImageUnderItsOwnName() throws Exception {
        List<GeneratedImage> images = invoker(modelFile).generate(cat().upscale(List.of(2.0)).build(), listener);
        assertEquals(1, images.size());
        assertEquals(out.resolve("000001.3.png"), images.get(0).path());
        assertEquals("\"cat\" -s 1 -S 3 -W 64 -H 64 -C 7.5 -A k_lms -U 2.0 0.75", images.get(0).command());
        assertEquals(128, read(images.get(0).path()).getWidth());
        assertEquals(List.of("000001.3.png"), files());
        assertTrue(messages.contains(">> Real-ESRGAN Upscaling seed:3, scale:2x"), messages.toString());
        String metadata = PngText.read(images.get(0).path()).get("sd-metadata");
        assertTrue(metadata.contains("\"facetool\": \"gfpgan\", \"facetool_strength\": 0.0, \"upscale\": [2.0, 0.75], "
                + "\"postprocessing\": [{\"tool\": \"upscale\", \"dream_command\": \"\\\"cat\\\" -s 1 -S 3 -W 64 -H 64"
                + " -C 7.5 -A k_lms -U 2.0 0.75\"}]"), metadata);
        assertEquals(List.of(images.get(0).path() + ": " + images.get(0).command()),
                Files.readAllLines(out.resolve("invoke_log.txt")));
    }

    @Test
    void facesComeFirstThenTheUpscale() throws Exception {
        List<GeneratedImage> images = invoker(modelFile).generate(
                cat().facetoolStrength(1.0).upscale(List.of(2.0, 1.0)).build(), listener);
        assertEquals(List.of("faces", "upscale"), ran);
        assertEquals("\"cat\" -s 1 -S 3 -W 64 -H 64 -C 7.5 -A k_lms -G 1.0 -ft gfpgan -U 2.0 1.0",
                images.get(0).command());
        // the stand-in pipeline's grey 127, inverted
        assertEquals(0x808080, read(images.get(0).path()).getRGB(5, 5) & 0xffffff);
        assertEquals(List.of(">> GFPGAN - Restoring Faces for image seed:3", ">> Real-ESRGAN Upscaling seed:3, scale:2x"),
                messages.subList(1, 3), "after the sampling line");
    }

    @Test
    void saveOriginalKeepsTheRawImageAndNamesThePostprocessedOne() throws Exception {
        List<GeneratedImage> images = invoker(modelFile).generate(cat().facetoolStrength(0.8).saveOriginal(true).build(),
                listener);
        assertEquals(List.of(out.resolve("000001.3.png"), out.resolve("000001.3.postprocessed.png")),
                images.stream().map(GeneratedImage::path).toList());
        assertEquals(0x7f7f7f, read(images.get(0).path()).getRGB(0, 0) & 0xffffff, "the raw image");
        assertTrue(PngText.read(images.get(0).path()).get("sd-metadata").contains("\"postprocessing\": null"));
        assertTrue(PngText.read(images.get(1).path()).get("sd-metadata")
                .contains("\"postprocessing\": [{\"tool\": \"gfpgan\""));
        assertEquals(2, Files.readAllLines(out.resolve("invoke_log.txt")).size());
        // the next command's name moves on past both
        invoker(modelFile).generate(cat().facetoolStrength(0.8).saveOriginal(true).build(), listener);
        assertEquals(List.of("000001.3.png", "000001.3.postprocessed.png", "000002.3.png",
                "000002.3.postprocessed.png"), files());
    }

    @Test
    void aMissingModelFileIsOneLineAndTheImageIsSavedUnprocessed() throws Exception {
        Path missing = out.resolve("models/realesr-general-x4v3.onnx");
        List<GeneratedImage> images = invoker(missing).generate(cat().upscale(List.of(4.0)).build(), listener);
        assertEquals(1, images.size());
        assertEquals(64, read(images.get(0).path()).getWidth());
        assertTrue(messages.contains("** -U realesrgan: model file not found: " + missing
                + "; the image is kept without upscaling"), messages.toString());
        assertTrue(PngText.read(images.get(0).path()).get("sd-metadata").contains("\"postprocessing\": null"));
    }

    @Test
    void aGridIsMadeOfThePostprocessedImages() throws Exception {
        List<GeneratedImage> images = invoker(modelFile).generate(
                cat().iterations(2).grid(true).upscale(List.of(2.0)).build(), listener);
        assertEquals(1, images.size());
        BufferedImage sheet = read(images.get(0).path());
        assertEquals(256, sheet.getWidth(), "two 128-wide cells");
        assertEquals(List.of("upscale", "upscale"), ran);
    }

    @Test
    void anUnknownFaceToolIsRefusedBeforeGenerating() {
        CommandException e = assertThrows(CommandException.class, () -> invoker(modelFile).generate(
                cat().facetoolStrength(0.5).facetool("restoreformer").build(), listener));
        assertEquals("-ft restoreformer: no face restorer of that name (known: gfpgan)", e.getMessage());
        assertTrue(ran.isEmpty());
    }

    @Test
    void embiggenInAGenerationTakesNoMask() {
        CommandException e = assertThrows(CommandException.class, () -> invoker(modelFile).generate(
                cat().initImage("x.png").initMask("m.png").embiggen(List.of(2.0)).build(), listener));
        assertEquals("--embiggen re-diffuses the whole init image: it does not combine with -M/--init_mask",
                e.getMessage());
        e = assertThrows(CommandException.class, () -> invoker(modelFile).generate(
                cat().initImage("nope.png").embiggen(List.of(2.0)).build(), listener));
        assertEquals(">> nope.png: File not found", e.getMessage());
    }

    // --- !fix

    private Path source(HostInvoker invoker) {
        return invoker.generate(cat().build(), GenerationListener.NONE).get(0).path();
    }

    @Test
    void fixWritesANewFileWithTheSourcesPrefixSeedAndTool() throws Exception {
        HostInvoker invoker = invoker(modelFile);
        Path source = source(invoker);
        byte[] before = Files.readAllBytes(source);
        List<GeneratedImage> fixed = invoker.generate(invoker.parse("!fix 000001.3.png -U 2"), listener);
        assertEquals(List.of(out.resolve("000001.3.upscale.png")), fixed.stream().map(GeneratedImage::path).toList());
        assertArrayEquals(before, Files.readAllBytes(source), "the source is never written");
        assertEquals(128, read(fixed.get(0).path()).getWidth());
        String command = "!fix \"" + source + "\" -s 50 -S 3 -W 64 -H 64 -C 7.5 -A k_lms -U 2.0 0.75";
        assertEquals(command, fixed.get(0).command());
        assertEquals(3, fixed.get(0).seed());
        assertTrue(messages.contains(">> fixing " + source), messages.toString());
        assertTrue(messages.contains(">> using seed 3 and prompt \"cat\" for " + source), messages.toString());

        Map<String, String> chunks = PngText.read(fixed.get(0).path());
        assertEquals(command, chunks.get("Dream"));
        String sourceMetadata = PngText.read(source).get("sd-metadata");
        assertEquals(sourceMetadata.replace("\"postprocessing\": null", "\"postprocessing\": [{\"tool\": \"upscale\", "
                + "\"dream_command\": \"" + command.replace("\"", "\\\"") + "\"}]"), chunks.get("sd-metadata"));
        assertEquals(PngText.read(source).get("parameters"), chunks.get("parameters"));
        assertTrue(Files.readAllLines(out.resolve("invoke_log.txt")).contains(fixed.get(0).path() + ": " + command));
    }

    @Test
    void fnformatNamesTheImageButNotThePostprocessedOneNorAFix() throws Exception {
        HostInvoker invoker = invoker(modelFile);
        invoker.generate(cat().upscale(List.of(2.0)).fnformat("{prefix}.{seed}.s{steps}.png").build(), listener);
        invoker.generate(cat().facetoolStrength(0.8).saveOriginal(true).fnformat("{prefix}.{seed}.s{steps}.png")
                .build(), listener);
        invoker.generate(invoker.parse("!fix 000002.3.s1.png -U 2 --fnformat {seed}.png"), listener);
        // InvokeAI's choose_postprocess_name names the --save_original copy and the !fix result
        assertEquals(List.of("000001.3.s1.png", "000002.3.postprocessed.png", "000002.3.s1.png",
                "000002.3.upscale.png"), files());
    }

    @Test
    void fixWritesWithTheLinesPngCompression() throws Exception {
        HostInvoker invoker = invoker(modelFile);
        source(invoker);
        Path stored = invoker.generate(invoker.parse("!fix 000001.3.png -U 2 -z 0"), listener).get(0).path();
        Path packed = invoker.generate(invoker.parse("!fix 000001.3.png -U 2 -z 9"), listener).get(0).path();
        assertTrue(Files.size(stored) > Files.size(packed), Files.size(stored) + " > " + Files.size(packed));
    }

    @Test
    void fixingAgainNumbersTheNameAndNeverOverwrites() throws Exception {
        HostInvoker invoker = invoker(modelFile);
        source(invoker);
        invoker.generate(invoker.parse("!fix 000001.3.png -U 2"), listener);
        Path first = out.resolve("000001.3.upscale.png");
        byte[] firstBytes = Files.readAllBytes(first);
        List<GeneratedImage> again = invoker.generate(invoker.parse("!fix 000001.3.png -U 2"), listener);
        assertEquals(out.resolve("000001.3.upscale-01.png"), again.get(0).path());
        // fixing the fixed file: its own name is taken, so the next one is chosen
        List<GeneratedImage> ofFixed = invoker.generate(invoker.parse("!fix 000001.3.upscale.png -U 2"), listener);
        assertEquals(out.resolve("000001.3.upscale-02.png"), ofFixed.get(0).path());
        assertArrayEquals(firstBytes, Files.readAllBytes(first));
        // its metadata now lists both steps
        assertTrue(PngText.read(ofFixed.get(0).path()).get("sd-metadata")
                .matches(".*\"postprocessing\": \\[\\{\"tool\": \"upscale\".*\\}, \\{\"tool\": \"upscale\".*"));
    }

    @Test
    void fixWithFacesIsNamedAfterTheFaceToolAndRunsTheUpscaleToo() throws Exception {
        HostInvoker invoker = invoker(modelFile);
        source(invoker);
        List<GeneratedImage> fixed = invoker.generate(invoker.parse("!fix 000001.3.png -G 0.8 -U 2 -S 9"), listener);
        assertEquals(out.resolve("000001.9.gfpgan.png"), fixed.get(0).path(), "-S names the result");
        assertEquals(List.of("faces", "upscale"), ran);
    }

    @Test
    void aNegativeSeedAsksFixForANewOne() throws Exception {
        HostInvoker invoker = invoker(modelFile);
        source(invoker);
        List<GeneratedImage> fixed = invoker.generate(invoker.parse("!fix 000001.3.png -U 2 -S -1"), listener);
        long seed = fixed.get(0).seed();
        assertTrue(seed >= 0 && seed != 3, String.valueOf(seed));
        assertEquals(out.resolve("000001." + seed + ".upscale.png"), fixed.get(0).path());
        assertTrue(fixed.get(0).command().contains(" -S " + seed + " "), fixed.get(0).command());
    }

    @Test
    void fixOfAFileWithoutMetadataMakesFreshMetadata() throws Exception {
        HostInvoker invoker = invoker(modelFile);
        BufferedImage plain = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
        Path photo = out.resolve("photo.png");
        ImageIO.write(plain, "png", photo.toFile());
        List<GeneratedImage> fixed = invoker.generate(invoker.parse("!fix photo.png -U 2"), listener);
        long seed = fixed.get(0).seed();
        assertEquals(out.resolve("photo." + seed + ".upscale.png"), fixed.get(0).path());
        assertTrue(messages.contains(">> using seed " + seed + " and prompt \"\" for " + photo), messages.toString());
        String metadata = PngText.read(fixed.get(0).path()).get("sd-metadata");
        assertTrue(metadata.contains("\"prompt\": [{\"prompt\": \"" + photo + "\", \"weight\": 1.0}]"), metadata);
        assertTrue(metadata.contains("\"postprocessing\": [{\"tool\": \"upscale\""), metadata);
    }

    @Test
    void fixOfAMissingFileIsOneLine() {
        HostInvoker invoker = invoker(modelFile);
        CommandException e = assertThrows(CommandException.class,
                () -> invoker.generate(invoker.parse("!fix nothing.png -U 2"), listener));
        assertEquals(out.resolve("nothing.png") + ": file could not be read", e.getMessage());
    }

    @Test
    void fixThatCannotRunItsToolWritesNothing() throws Exception {
        HostInvoker invoker = invoker(out.resolve("missing.onnx"));
        source(invoker);
        assertEquals(List.of(), invoker.generate(invoker.parse("!fix 000001.3.png -U 2"), listener));
        assertEquals(List.of("000001.3.png"), files());
        assertTrue(messages.contains("** -U realesrgan: model file not found: " + out.resolve("missing.onnx")
                + "; the image is kept without upscaling"), messages.toString());
    }

    // --- !fix with --embiggen and its switches

    @Test
    void embiggenStrengthSetsTheTilesStrengthAndSoTheirStartStep() throws Exception {
        HostInvoker invoker = invoker(modelFile);
        source(invoker);
        invoker.generate(invoker.parse("!fix 000001.3.png --embiggen 2 0 -s 10 -S 5"), listener);
        assertTrue(messages.contains(">> Setting img2img strength to 0.4 for happy embiggening"), messages.toString());
        assertEquals(9, tiles.size());
        assertTrue(tiles.stream().allMatch(p -> p.strength() == 0.4));
        // each tile starts int(0.4 * 10) steps before the end
        assertEquals(List.of(4, 4, 4, 4, 4, 4, 4, 4, 4), tileSteps);

        tiles.clear();
        tileSteps.clear();
        List<GeneratedImage> fixed = invoker.generate(
                invoker.parse("!fix 000001.3.png --embiggen 2 0 -s 10 -S 5 --embiggen_strength 0.3"), listener);
        assertTrue(messages.contains(">> Setting img2img strength to 0.3 for happy embiggening"), messages.toString());
        assertTrue(tiles.stream().allMatch(p -> p.strength() == 0.3));
        assertEquals(List.of(3, 3, 3, 3, 3, 3, 3, 3, 3), tileSteps);
        assertTrue(fixed.get(0).command().endsWith(" --embiggen 2.0 0.0 0.25 --embiggen_strength 0.3"),
                fixed.get(0).command());
    }

    @Test
    void embiggenTilesRedoesOnlyTheNamedTilesWithTheirOwnSeeds() throws Exception {
        HostInvoker invoker = invoker(modelFile);
        source(invoker);
        List<GeneratedImage> fixed = invoker.generate(
                invoker.parse("!fix 000001.3.png --embiggen 2 0 -s 2 -S 5 --embiggen_tiles 3 1"), listener);
        assertEquals(2, tiles.size());
        assertTrue(messages.contains(">> Making 2 Embiggen tiles..."), messages.toString());
        assertTrue(messages.contains("Making tile #3 (2 of 2 requested)"), messages.toString());
        BufferedImage image = read(fixed.get(0).path());
        assertEquals(128, image.getWidth());
        // tile 1 is white inside; outside tiles 1 and 3 the image is the source enlarged
        assertEquals(0xffffff, image.getRGB(8, 8) & 0xffffff);
        BufferedImage enlarged = io.invoke4j.host.generate.PillowResampler.resize(read(out.resolve("000001.3.png")),
                128, 128, io.invoke4j.host.generate.PillowResampler.Filter.LANCZOS);
        for (int y = 64; y < 128; y++) {
            for (int x = 0; x < 128; x++) {
                assertEquals(enlarged.getRGB(x, y), image.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
        assertTrue(fixed.get(0).command().endsWith(" --embiggen 2.0 0.0 0.25 --embiggen_tiles 3 1"),
                fixed.get(0).command());
    }

    @Test
    void newPromptConditionsTheTilesAndIsRecorded() throws Exception {
        HostInvoker invoker = invoker(modelFile);
        Path source = source(invoker);
        encoded.clear();
        List<GeneratedImage> fixed = invoker.generate(
                invoker.parse("!fix 000001.3.png --embiggen 2 0 -s 2 -S 5 --new_prompt \"a dog\""), listener);
        assertEquals(List.of("a dog"), encoded.stream().distinct().filter(t -> !t.isEmpty()).toList());
        assertTrue(messages.contains(">> using seed 5 and prompt \"a dog\" for " + source), messages.toString());
        String command = fixed.get(0).command();
        assertTrue(command.endsWith(" --embiggen 2.0 0.0 0.25 --new_prompt \"a dog\""), command);
        assertEquals(command, PngText.read(fixed.get(0).path()).get("Dream"));
        assertTrue(PngText.read(fixed.get(0).path()).get("sd-metadata").contains("--new_prompt \\\"a dog\\\""));

        // without it, the tiles are conditioned on the source's prompt
        encoded.clear();
        invoker.generate(invoker.parse("!fix 000001.3.png --embiggen 2 0 -s 2 -S 5"), listener);
        assertEquals(List.of("cat"), encoded.stream().distinct().filter(t -> !t.isEmpty()).toList());
    }

    @Test
    void aTileNumberPastTheLastTileIsOneLine() throws Exception {
        HostInvoker invoker = invoker(modelFile);
        source(invoker);
        CommandException e = assertThrows(CommandException.class, () -> invoker.generate(
                invoker.parse("!fix 000001.3.png --embiggen 2 0 -s 2 --embiggen_tiles 10"), listener));
        assertEquals("--embiggen_tiles: there is no tile 10; this embiggen makes 9 tiles (3x3), numbered 1 to 9 row"
                + " by row", e.getMessage());
        assertTrue(tiles.isEmpty());
    }

    // --- !fix with -D (outpaint) and -c (outcrop)

    /** The seed a generator was made with, told by its first draws. */
    private static boolean seededWith(io.invoke4j.host.noise.TorchGenerator generator, long seed) {
        float[] drawn = new float[8];
        float[] expected = new float[8];
        generator.randn(drawn);
        new io.invoke4j.host.noise.TorchGenerator(seed).randn(expected);
        return java.util.Arrays.equals(drawn, expected);
    }

    @Test
    void outpaintInpaintsTheMirroredBandWithTheSourcesPromptAndSeedAtStrength083() throws Exception {
        HostInvoker invoker = invoker(modelFile);
        Path source = source(invoker);
        encoded.clear();
        List<GeneratedImage> fixed = invoker.generate(invoker.parse("!fix 000001.3.png -D top 32 -s 4"), listener);

        assertEquals(List.of(out.resolve("000001.3.outpaint.png")), fixed.stream().map(GeneratedImage::path).toList());
        assertEquals(1, tiles.size());
        Img2ImgPipeline.Img2ImgParams p = tiles.get(0);
        assertEquals(0.83, p.strength());
        assertEquals(4, p.steps());
        assertTrue(seededWith(p.generator(), 3));
        assertTrue(p.mask() != null, "an inpainting run");
        assertEquals(List.of("cat"), encoded.stream().distinct().filter(t -> !t.isEmpty()).toList());
        assertTrue(messages.contains(">> Initial image has transparent areas. Will inpaint in these regions."),
                messages.toString());
        assertTrue(messages.contains(">> target t_enc is 3 steps"), messages.toString());

        // the canvas keeps its size; the band is repainted (white here), the shifted picture is kept
        BufferedImage image = read(fixed.get(0).path());
        assertEquals(64, image.getWidth());
        assertEquals(64, image.getHeight());
        assertEquals(0xffffff, image.getRGB(1, 0) & 0xffffff);
        assertEquals(read(source).getRGB(1, 31), image.getRGB(1, 63));

        String command = "!fix \"" + source + "\" -s 4 -S 3 -W 64 -H 64 -C 7.5 -A k_lms -D top 32";
        assertEquals(command, fixed.get(0).command());
        Map<String, String> chunks = PngText.read(fixed.get(0).path());
        assertEquals(command, chunks.get("Dream"));
        assertTrue(chunks.get("sd-metadata").contains("\"postprocessing\": [{\"tool\": \"outpaint\", "
                + "\"dream_command\": \"" + command.replace("\"", "\\\"") + "\"}]"), chunks.get("sd-metadata"));
        // round trip: !fetch gives the command back, and it reads to the same request
        assertEquals(command, invoker.fetchCommand("000001.3.outpaint.png"));
        assertEquals(List.of("top", "32"), invoker.parse(invoker.fetchCommand("000001.3.outpaint.png")).outDirection());
    }

    @Test
    void outpaintPixelsThatDoNotFitAreOneLineAndNothingRuns() throws Exception {
        HostInvoker invoker = invoker(modelFile);
        source(invoker);
        CommandException e = assertThrows(CommandException.class,
                () -> invoker.generate(invoker.parse("!fix 000001.3.png -D left 64"), listener));
        assertEquals("-D/--out_direction left 64: the image is 64 pixels wide, so the pixels must be from 1 to 63",
                e.getMessage());
        assertTrue(tiles.isEmpty());
    }

    @Test
    void outcropGrowsTheCanvasAndInpaintsWithANewSeedButIsNamedAfterTheSource() throws Exception {
        HostInvoker invoker = invoker(modelFile);
        Path source = source(invoker);
        List<GeneratedImage> fixed = invoker.generate(invoker.parse("!fix 000001.3.png -c right 10 -s 4 -f 0.5"),
                listener);

        assertEquals(List.of(out.resolve("000001.3.outcrop.png")), fixed.stream().map(GeneratedImage::path).toList());
        assertTrue(messages.contains(">> extending image rightward by 64 pixels"), messages.toString());
        assertTrue(messages.contains(">> Using recommended DDIM sampler for inpainting."), messages.toString());
        Img2ImgPipeline.Img2ImgParams p = tiles.get(0);
        assertEquals(0.5, p.strength());
        assertEquals(List.of(1, 4, 8, 16), java.util.Arrays.stream(p.initLatents().shape()).boxed().toList());
        assertTrue(!seededWith(p.generator(), 3), "outcrop draws a new seed");
        BufferedImage image = read(fixed.get(0).path());
        assertEquals(128, image.getWidth());
        assertEquals(64, image.getHeight());
        assertEquals(0xffffff, image.getRGB(127, 10) & 0xffffff);
        assertEquals(3, fixed.get(0).seed());
        String command = "!fix \"" + source + "\" -s 4 -S 3 -W 64 -H 64 -C 7.5 -A k_lms -c right 10";
        assertEquals(command, fixed.get(0).command());
        assertTrue(PngText.read(fixed.get(0).path()).get("sd-metadata").contains("{\"tool\": \"outcrop\""));
        assertEquals(command, invoker.fetchCommand("000001.3.outcrop.png"));

        // without -f, 0.75
        tiles.clear();
        invoker.generate(invoker.parse("!fix 000001.3.png -c top 64 -s 4"), listener);
        assertEquals(0.75, tiles.get(0).strength());
        assertTrue(Files.exists(out.resolve("000001.3.outcrop-01.png")));
    }

    @Test
    void theToolsOrderPutsUpscaleBeforeTheCanvasTools() throws Exception {
        HostInvoker invoker = invoker(modelFile);
        source(invoker);
        List<GeneratedImage> fixed = invoker.generate(invoker.parse("!fix 000001.3.png -U 2 -D top -c top 64"),
                listener);
        assertEquals(List.of(out.resolve("000001.3.upscale.png")), fixed.stream().map(GeneratedImage::path).toList());
        assertTrue(tiles.isEmpty());
        fixed = invoker.generate(invoker.parse("!fix 000001.3.png -c top 64 -D top"), listener);
        assertEquals(List.of(out.resolve("000001.3.outpaint.png")), fixed.stream().map(GeneratedImage::path).toList());
    }
}
