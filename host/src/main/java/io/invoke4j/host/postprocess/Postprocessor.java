package io.invoke4j.host.postprocess;

import io.invoke4j.host.generate.PillowResampler;
import io.invoke4j.api.CommandException;
import io.invoke4j.api.FaceRestorer;
import io.invoke4j.api.GenerationListener;
import io.invoke4j.api.GenerationRequest;
import io.invoke4j.api.MissingModelFileException;
import io.invoke4j.api.Upscaler;
import io.invoke4j.host.config.ModelEntry;
import io.invoke4j.host.config.PostprocessCatalog;
import io.invoke4j.host.config.PostprocessEntry;
import io.invoke4j.host.plugins.ExtensionRegistry;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;

/**
 * Runs {@code -G} and {@code -U} on an image as InvokeAI 2.2.5's {@code upscale_and_reconstruct} does: the face
 * restorer first (when {@code -G} is above 0), then the upscaler (when {@code -U} is given), each blended with the
 * original by its strength ({@link StrengthBlend}). The tools are the plugins models.yaml picks: {@code -ft} (else
 * the model entry's {@code face_restorer:}, else {@code gfpgan}) names a {@code face_restorer} entry, the model
 * entry's {@code upscaler:} (else {@code realesrgan}) an {@code upscaler} entry or an upscaler directly.
 *
 * <p>A tool that cannot run (a missing model file, a model its engine cannot open) is reported in one line naming
 * the switch, the tool and the file, and the image goes on without it.
 */
public final class Postprocessor {
    /** InvokeAI's upscaler. */
    public static final String DEFAULT_UPSCALER = "realesrgan";
    /** InvokeAI's {@code -ft} default. */
    public static final String DEFAULT_FACE_RESTORER = "gfpgan";
    /** {@code -U}'s strength when not given. */
    public static final double DEFAULT_UPSCALE_STRENGTH = 0.75;

    private final ExtensionRegistry<Upscaler> upscalers;
    private final ExtensionRegistry<FaceRestorer> faceRestorers;
    private final PostprocessCatalog catalog;
    private final PostprocessModels models;

    public Postprocessor(ExtensionRegistry<Upscaler> upscalers, ExtensionRegistry<FaceRestorer> faceRestorers,
                         PostprocessCatalog catalog, PostprocessModels models) {
        this.upscalers = upscalers;
        this.faceRestorers = faceRestorers;
        this.catalog = catalog;
        this.models = models;
    }

    /**
     * What post-processing did to an image.
     *
     * @param image the image after every tool that ran
     * @param tools InvokeAI's names of the tools that ran, in order: the face tool ({@code gfpgan},
     *              {@code codeformer}, ...) and {@code upscale}
     */
    public record Outcome(BufferedImage image, List<String> tools) {
        public Outcome {
            tools = List.copyOf(tools);
        }

        /** Whether any tool ran. */
        public boolean changed() {
            return !tools.isEmpty();
        }
    }

    /** This post-processor with a setting of a models.yaml entry changed, sharing the opened models. */
    public Postprocessor withSetting(String entry, String key, String value) {
        return new Postprocessor(upscalers, faceRestorers, catalog.withSetting(entry, key, value), models);
    }

    /** Whether a request asks for {@code -G} above 0 or for {@code -U}. */
    public static boolean requested(GenerationRequest r) {
        return faceStrength(r) > 0 || r.upscale() != null;
    }

    /** {@code -G}, 0 when not given. */
    public static double faceStrength(GenerationRequest r) {
        return r.facetoolStrength() != null ? r.facetoolStrength() : 0.0;
    }

    /** The face tool of a request: {@code -ft}, else the model entry's {@code face_restorer:}, else gfpgan. */
    public static String faceTool(GenerationRequest r, ModelEntry model) {
        if (r.facetool() != null) {
            return r.facetool();
        }
        return model.faceRestorer() != null ? model.faceRestorer() : DEFAULT_FACE_RESTORER;
    }

    /** {@code -U} with InvokeAI's default strength appended, as it records the command. */
    public static List<Double> withUpscaleStrength(List<Double> upscale) {
        if (upscale == null || upscale.size() >= 2) {
            return upscale;
        }
        return List.of(upscale.get(0), DEFAULT_UPSCALE_STRENGTH);
    }

    /**
     * Refuses, before anything is generated, a face tool or an upscaler that no plugin provides.
     *
     * @param r the request with its defaults filled in
     * @throws CommandException one line naming the known ones
     */
    public void check(GenerationRequest r, ModelEntry model) {
        if (faceStrength(r) > 0) {
            faceRestorer(faceTool(r, model));
        }
        if (r.upscale() != null) {
            upscaler(model);
        }
    }

    /**
     * Runs the request's {@code -G} and {@code -U} on one image.
     *
     * @param r     the request with its defaults filled in ({@code -ft}, the {@code -U} strength)
     * @param seed  the image's seed, for the messages
     * @throws CancellationException when the listener asked to stop
     */
    public Outcome apply(BufferedImage image, GenerationRequest r, ModelEntry model, long seed,
                         GenerationListener listener) {
        BufferedImage current = image;
        List<String> tools = new ArrayList<>();
        double strength = faceStrength(r);
        if (strength > 0) {
            String tool = faceTool(r, model);
            BufferedImage restored = restoreFaces(current, tool, strength, r.codeformerFidelity(), model, seed,
                    listener);
            if (restored != null) {
                current = restored;
                tools.add(tool);
            }
        }
        List<Double> upscale = withUpscaleStrength(r.upscale());
        if (upscale != null) {
            BufferedImage upscaled = upscale(current, (int) Math.floor(upscale.get(0)), upscale.get(1), model, seed,
                    "-U", listener);
            if (upscaled != null) {
                current = upscaled;
                tools.add("upscale");
            }
        }
        return new Outcome(current, tools);
    }

    /**
     * One face restoration at a strength.
     *
     * @return the blended result, or {@code null} when the tool could not run (said in one line)
     */
    public BufferedImage restoreFaces(BufferedImage image, String tool, double strength, Double fidelity, ModelEntry model,
                               long seed, GenerationListener listener) {
        FaceRestorer restorer = faceRestorer(tool);
        PostprocessEntry entry = catalog.find(tool, PostprocessCatalog.FACE_RESTORER).orElse(null);
        Map<String, String> switches = fidelity != null ? Map.of("fidelity", String.valueOf(fidelity)) : Map.of();
        listener.message(">> " + displayName(restorer.name()) + " - Restoring Faces for image seed:" + seed);
        try {
            BufferedImage restored = restorer.restore(image,
                    new EntryContext(tool, entry, catalog, models, model.engine(), switches, listener));
            return StrengthBlend.apply(image, intRgb(restored), strength);
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            listener.message(skipped("-G " + tool, e, "face restoration"));
            return null;
        }
    }

    /**
     * One upscale at a scale and strength, the result exactly {@code scale} times the input each way.
     *
     * @param switchName the switch that asked for it, for the messages ({@code -U}, {@code --embiggen})
     * @return the blended result, or {@code null} when the upscaler could not run (said in one line)
     */
    public BufferedImage upscale(BufferedImage image, int scale, double strength, ModelEntry model, long seed,
                                 String switchName, GenerationListener listener) {
        String name = model.upscaler() != null ? model.upscaler() : DEFAULT_UPSCALER;
        PostprocessEntry entry = catalog.find(name, PostprocessCatalog.UPSCALER).orElse(null);
        try {
            Upscaler upscaler = upscaler(model);
            listener.message(">> " + displayName(upscaler.name()) + " Upscaling seed:" + seed + ", scale:" + scale
                    + "x");
            BufferedImage upscaled = intRgb(upscaler.upscale(image, scale,
                    new EntryContext(name, entry, catalog, models, model.engine(), Map.of(), listener)));
            int width = image.getWidth() * scale;
            int height = image.getHeight() * scale;
            if (upscaled.getWidth() != width || upscaled.getHeight() != height) {
                // Real-ESRGAN's outscale: the model's own scale, resized to the one asked for
                upscaled = PillowResampler.resize(upscaled, width, height, PillowResampler.Filter.LANCZOS);
            }
            return StrengthBlend.apply(image, upscaled, strength);
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            listener.message(skipped(switchName + " " + name, e, "upscaling"));
            return null;
        }
    }

    private FaceRestorer faceRestorer(String tool) {
        String type = catalog.find(tool, PostprocessCatalog.FACE_RESTORER).map(PostprocessEntry::type).orElse(tool);
        return faceRestorers.find(type).orElseThrow(() -> new CommandException("-ft " + tool
                + ": no face restorer of that name (known: " + known(PostprocessCatalog.FACE_RESTORER,
                faceRestorers.names()) + ")"));
    }

    private Upscaler upscaler(ModelEntry model) {
        String name = model.upscaler() != null ? model.upscaler() : DEFAULT_UPSCALER;
        String type = catalog.find(name, PostprocessCatalog.UPSCALER).map(PostprocessEntry::type).orElse(name);
        return upscalers.find(type).orElseThrow(() -> new CommandException("-U: no upscaler '" + name
                + "' for model " + model.name() + " (known: " + known(PostprocessCatalog.UPSCALER, upscalers.names())
                + ")"));
    }

    /** The entries of a format and the plugin names, sorted. */
    private String known(String format, List<String> plugins) {
        TreeSet<String> names = new TreeSet<>(plugins);
        catalog.entries().stream().filter(e -> e.format().equals(format)).forEach(e -> names.add(e.name()));
        return names.isEmpty() ? "none loaded" : String.join(", ", names);
    }

    private static String skipped(String what, RuntimeException e, String without) {
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        String kind = e instanceof MissingModelFileException ? "" : "cannot run: ";
        return "** " + what + ": " + kind + message + "; the image is kept without " + without;
    }

    /** InvokeAI's names in its messages. */
    static String displayName(String tool) {
        return switch (tool) {
            case "gfpgan" -> "GFPGAN";
            case "codeformer" -> "CodeFormer";
            case "realesrgan" -> "Real-ESRGAN";
            default -> tool;
        };
    }

    /** {@code image} as {@link BufferedImage#TYPE_INT_RGB}: a copy when it is of another type. */
    static BufferedImage intRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        copy.setRGB(0, 0, image.getWidth(), image.getHeight(),
                image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth()), 0, image.getWidth());
        return copy;
    }
}
