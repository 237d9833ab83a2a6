package io.invoke4j.host.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.invoke4j.api.CommandException;
import io.invoke4j.api.EngineOptions;
import io.invoke4j.api.InferenceEngine;
import io.invoke4j.api.InferenceSession;
import io.invoke4j.host.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Stable Diffusion 1.x model in the diffusers layout, opened once: the tokenizer, the schedule, and a
 * session per network, all through one {@link InferenceEngine}.
 *
 * <p>{@code vae_encoder/} is optional: a folder without it can still make images from text, and says so when an
 * init image is asked for ({@link #vaeEncoder()}).
 */
public final class StableDiffusionModel implements AutoCloseable {
    /** SD 1.x's VAE latent scale. */
    public static final float LATENT_SCALE = 0.18215f;

    private static final String VAE_ENCODER = "vae_encoder";

    private final Path folder;
    private final ClipTokenizer tokenizer;
    private final DiscreteSchedule schedule;
    private final InferenceSession textEncoder;
    private final InferenceSession unet;
    private final InferenceSession vaeDecoder;
    /** {@code null} when the folder has no {@code vae_encoder/}. */
    private final InferenceSession vaeEncoder;
    private final InferenceEngine engine;
    private final EngineOptions options;
    private final SessionWrapper wrap;
    /** A seamless view shares the text encoder of the model it was made from, which closes it. */
    private final boolean ownsTextEncoder;
    /** The seamless views opened so far, by {@link #axesIndex}: x only, y only, both. */
    private final StableDiffusionModel[] seamless = new StableDiffusionModel[3];

    private StableDiffusionModel(Path folder, ClipTokenizer tokenizer, DiscreteSchedule schedule,
                                 InferenceSession textEncoder, InferenceSession unet, InferenceSession vaeDecoder,
                                 InferenceSession vaeEncoder, InferenceEngine engine, EngineOptions options,
                                 SessionWrapper wrap, boolean ownsTextEncoder) {
        this.engine = engine;
        this.options = options;
        this.wrap = wrap;
        this.ownsTextEncoder = ownsTextEncoder;
        this.folder = folder;
        this.tokenizer = tokenizer;
        this.schedule = schedule;
        this.textEncoder = textEncoder;
        this.unet = unet;
        this.vaeDecoder = vaeDecoder;
        this.vaeEncoder = vaeEncoder;
    }

    /**
     * Opens the model in {@code folder}.
     *
     * @param wrap applied to every session as it is opened, with the part's folder name (the benchmark times
     *             them); {@link SessionWrapper#NONE} otherwise
     * @throws ConfigException when the folder lacks a part
     */
    public static StableDiffusionModel open(Path folder, InferenceEngine engine, EngineOptions options,
                                            SessionWrapper wrap) {
        checkFolder(folder);
        ClipTokenizer tokenizer = ClipTokenizer.load(folder.resolve("tokenizer"));
        DiscreteSchedule schedule = readSchedule(folder.resolve("scheduler/scheduler_config.json"));
        InferenceSession text = wrap.wrap("text_encoder", engine.open(folder.resolve("text_encoder"), options));
        try {
            return withImageNetworks(folder, tokenizer, schedule, text, engine, options, wrap, true);
        } catch (RuntimeException e) {
            text.close();
            throw e;
        }
    }

    /**
     * Checks that {@code folder} has the parts of a diffusers Stable Diffusion folder ({@code vae_encoder/} may be
     * missing), before anything is opened.
     *
     * @throws ConfigException naming the folder and the first part it lacks
     */
    public static void checkFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new ConfigException(folder + ": no such folder");
        }
        for (String part : List.of("tokenizer", "scheduler", "text_encoder", "unet", "vae_decoder")) {
            if (!Files.isDirectory(folder.resolve(part))) {
                throw new ConfigException(folder + ": not a diffusers Stable Diffusion folder (no " + part + "/)");
            }
        }
    }

    /** Opens the networks that work on images (UNet and VAE) with {@code options}, around a text encoder. */
    private static StableDiffusionModel withImageNetworks(Path folder, ClipTokenizer tokenizer, DiscreteSchedule schedule,
                                                          InferenceSession text, InferenceEngine engine,
                                                          EngineOptions options, SessionWrapper wrap,
                                                          boolean ownsTextEncoder) {
        List<InferenceSession> opened = new ArrayList<>();
        try {
            InferenceSession unet = track(opened, wrap.wrap("unet", engine.open(folder.resolve("unet"), options)));
            InferenceSession vae = track(opened, wrap.wrap("vae_decoder", engine.open(folder.resolve("vae_decoder"), options)));
            // small, so opened eagerly: a broken encoder then fails at start-up, not at the first -I
            InferenceSession encoder = Files.isDirectory(folder.resolve(VAE_ENCODER))
                    ? track(opened, wrap.wrap(VAE_ENCODER, engine.open(folder.resolve(VAE_ENCODER), options)))
                    : null;
            return new StableDiffusionModel(folder, tokenizer, schedule, text, unet, vae, encoder, engine, options,
                    wrap, ownsTextEncoder);
        } catch (RuntimeException e) {
            opened.forEach(InferenceSession::close);
            throw e;
        }
    }

    /**
     * The same model whose UNet and VAE convolutions pad circularly on both axes ({@code --seamless}).
     *
     * @see #seamless(boolean, boolean)
     */
    public StableDiffusionModel seamless() {
        return seamless(true, true);
    }

    /**
     * The same model whose UNet and VAE convolutions pad circularly along the width ({@code x}) and/or the height
     * ({@code y}) ({@code --seamless --seamless_axes}): each variant is opened on first use, then kept; it shares
     * this model's tokenizer, schedule and text encoder, and closes with it.
     *
     * @throws IllegalArgumentException when neither axis is asked for
     */
    public synchronized StableDiffusionModel seamless(boolean x, boolean y) {
        if (!x && !y) {
            throw new IllegalArgumentException("seamless needs at least one axis");
        }
        if (options.circularX() == x && options.circularY() == y) {
            return this;
        }
        int index = axesIndex(x, y);
        if (seamless[index] == null) {
            seamless[index] = withImageNetworks(folder, tokenizer, schedule, textEncoder, engine,
                    options.withCircularAxes(x, y), wrap, false);
        }
        return seamless[index];
    }

    private static int axesIndex(boolean x, boolean y) {
        return x && y ? 2 : x ? 0 : 1;
    }

    private static InferenceSession track(List<InferenceSession> opened, InferenceSession session) {
        opened.add(session);
        return session;
    }

    /** The training schedule from {@code scheduler_config.json} (SD 1.x: scaled_linear 0.00085..0.012). */
    private static DiscreteSchedule readSchedule(Path config) {
        try {
            JsonNode node = new ObjectMapper().readTree(config.toFile());
            String kind = node.path("beta_schedule").asText("scaled_linear");
            if (!"scaled_linear".equals(kind)) {
                throw new ConfigException(config + ": beta_schedule '" + kind + "' is not supported (scaled_linear)");
            }
            String prediction = node.path("prediction_type").asText("epsilon");
            if (!"epsilon".equals(prediction)) {
                throw new ConfigException(config + ": prediction_type '" + prediction + "' is not supported (epsilon)");
            }
            return DiscreteSchedule.scaledLinear(
                    node.path("beta_start").asDouble(0.00085),
                    node.path("beta_end").asDouble(0.012),
                    node.path("num_train_timesteps").asInt(1000));
        } catch (IOException e) {
            throw new ConfigException(config + ": cannot be read: " + e.getMessage(), e);
        }
    }

    public Path folder() {
        return folder;
    }

    public ClipTokenizer tokenizer() {
        return tokenizer;
    }

    public DiscreteSchedule schedule() {
        return schedule;
    }

    public InferenceSession textEncoder() {
        return textEncoder;
    }

    public InferenceSession unet() {
        return unet;
    }

    public InferenceSession vaeDecoder() {
        return vaeDecoder;
    }

    /** Whether the model can encode init images (it has a {@code vae_encoder/}). */
    public boolean hasVaeEncoder() {
        return vaeEncoder != null;
    }

    /**
     * The VAE encoder, for img2img and inpainting.
     *
     * @throws CommandException (one line) when the folder has no {@code vae_encoder/}
     */
    public InferenceSession vaeEncoder() {
        if (vaeEncoder == null) {
            throw new CommandException(folder + ": this model has no vae_encoder/, so it can only make images from "
                    + "text (-I/--init_img needs one)");
        }
        return vaeEncoder;
    }

    @Override
    public synchronized void close() {
        for (StableDiffusionModel view : seamless) {
            if (view != null) {
                view.close();
            }
        }
        if (ownsTextEncoder) {
            textEncoder.close();
        }
        unet.close();
        vaeDecoder.close();
        if (vaeEncoder != null) {
            vaeEncoder.close();
        }
    }
}
