package io.invoke4j.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoke4j.host.config.ModelCatalog;
import io.invoke4j.host.config.ModelEntry;
import io.invoke4j.host.config.PostprocessCatalog;
import io.invoke4j.host.output.PngText;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code !import_model}, {@code !edit_model} and {@code !del_model} in the built program over piped answers, on a
 * copy of the distribution's models.yaml (in {@code work/configs}, beside a link to its models), the file checked
 * after each step.
 */
class ModelCommandsIT {
    @TempDir
    Path work;

    private Launcher.Run invoke(Path config, String stdin) throws Exception {
        Launcher.Run run = Launcher.run(work, stdin, "invoke", "--config", config.toString(), "-o", "out");
        assertFalse(run.all().contains("Exception") || run.all().contains("\tat "), run::all);
        assertEquals(0, run.exitCode(), run::all);
        return run;
    }

    private static void assertContains(String text, String part) {
        assertTrue(text.contains(part), () -> "expected <" + part + "> in:\n" + text);
    }

    private List<String> models(Path config) {
        return ModelCatalog.load(config, work).entries().stream().map(ModelEntry::name).toList();
    }

    @Test
    void importSwitchGenerateEditAndDeleteAModel() throws Exception {
        Path dist = Launcher.dist().toAbsolutePath();
        Files.createSymbolicLink(work.resolve("models"), dist.resolve("models"));
        Path config = Files.copy(dist.resolve("configs/models.yaml"),
                Files.createDirectories(work.resolve("configs")).resolve("models.yaml"));
        String shipped = Files.readString(config);
        List<ModelEntry> before = ModelCatalog.load(config, work).entries();
        var postprocess = PostprocessCatalog.load(config, work).entries();

        // import under a new name (a bad name and a bad width asked again), switch to it, generate
        Launcher.Run first = invoke(config, "!import_model models/tiny-sd\nbad name\nmy-tiny\nImported tiny model\n"
                + "4000\n128\n\nn\ny\n!switch my-tiny\n!models\n\"a fox\" -s 1 -S 7 -W 64 -H 64\n");
        String out = first.stdout();
        assertContains(out, "** model name must contain only words, digits and the characters [._-] **\n");
        assertContains(out, "** Please enter a valid integer between 64 and 2048\n");
        assertContains(out, ">> New configuration:\nmy-tiny:\n  description: Imported tiny model\n"
                + "  path: models/tiny-sd\n  width: 128\n  height: 512\nOK to import [n]? y\n>> my-tiny imported\n");
        assertContains(out, ">> Loading my-tiny from ");
        assertContains(out, String.format("%-25s %10s  %s%n", "my-tiny", "active", "Imported tiny model"));
        assertEquals(List.of("tiny-sd", "tiny-sd-fp16", "tiny-sd-torchscript", "my-tiny"), models(config));
        ModelEntry imported = ModelCatalog.load(config, work).find("my-tiny").orElseThrow();
        assertEquals(new ModelEntry("my-tiny", "Imported tiny model", work.resolve("models/tiny-sd"), "diffusers-onnx",
                "onnx", "auto", null, 128, 512, null, null, false), imported);
        assertEquals(before, ModelCatalog.load(config, work).entries().subList(0, 3), "the other models are as they were");
        assertEquals(postprocess, PostprocessCatalog.load(config, work).entries());
        assertEquals(shipped, Files.readString(config.resolveSibling("models.yaml.bak")));
        Path image = work.resolve("out/000001.7.png");
        BufferedImage png = ImageIO.read(image.toFile());
        assertEquals(64, png.getWidth());
        assertContains(PngText.read(image).get("sd-metadata"), "\"model_id\": \"my-tiny\"");

        // edit its description in a later session; the imported model is not the one in use, so it is deletable
        Launcher.Run second = invoke(config, "!edit_model my-tiny\nEdited description\n\n\n\ny\n!models\n"
                + "!del_model tiny-sd\n!del_model my-tiny\n!models\n!switch my-tiny\n");
        out = second.stdout();
        assertContains(out, "description: Edited description\npath: models/tiny-sd\nwidth: 128\nheight: 512\n");
        assertContains(out, "OK to modify [n]? y\n>> my-tiny modified\n");
        assertContains(out, String.format("%-25s %10s  %s%n", "my-tiny", "not loaded", "Edited description"));
        assertContains(out, "** Can't delete active model. !switch to another model first. **\n");
        assertContains(out, "** my-tiny deleted\n");
        assertContains(out, "** \"my-tiny\" is not a known model name. Please check your models.yaml file\n");
        assertEquals(List.of("tiny-sd", "tiny-sd-fp16", "tiny-sd-torchscript"), models(config));
        assertEquals(before, ModelCatalog.load(config, work).entries());
        assertEquals(postprocess, PostprocessCatalog.load(config, work).entries());
        assertEquals(List.of("!import_model models/tiny-sd", "!switch my-tiny", "!models",
                "\"a fox\" -s 1 -S 7 -W 64 -H 64", "!edit_model my-tiny", "!models", "!del_model tiny-sd",
                "!del_model my-tiny", "!models", "!switch my-tiny"),
                Files.readAllLines(work.resolve("out/.invoke_history")), "the answers are not commands");
    }
}
