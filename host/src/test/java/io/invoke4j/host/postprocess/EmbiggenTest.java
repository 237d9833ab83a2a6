package io.invoke4j.host.postprocess;

import io.invoke4j.host.generate.PillowResampler;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoke4j.api.CommandException;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** Embiggen's geometry, seeds, messages and compositing, with stand-in tile renderers. */
class EmbiggenTest {
    private final List<String> messages = new ArrayList<>();

    private Embiggen embiggen(double scale, double esrgan, double overlap, int tile) {
        return new Embiggen(new EmbiggenSettings(scale, esrgan, overlap), null, tile, tile, messages::add, () -> false);
    }

    private static BufferedImage flat(int width, int height, int rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    @Test
    void countsTilesAsInvokeAi() {
        // 1024x768 in tiles of 512 with a quarter overlap (128): ceil(512 / 384) + 1 = 3 across, 2 down
        assertEquals(new Embiggen.Layout(3, 2, 128, 128), embiggen(2, 0, 0.25, 512).layout(1024, 768));
        // an overlap of 1 or more is pixels
        assertEquals(new Embiggen.Layout(2, 1, 40, 40), embiggen(2, 0, 40, 512).layout(800, 512));
    }

    @Test
    void refusesWhatNeedsNoEmbiggen() {
        CommandException e = assertThrows(CommandException.class, () -> embiggen(1, 0, 0.25, 512).layout(512, 512));
        assertEquals("ERROR: Based on the requested dimensions of 512x512 and tiles of 512x512 you don't need to"
                + " Embiggen! Check your arguments.", e.getMessage());
        e = assertThrows(CommandException.class, () -> embiggen(1, 0, 0.25, 128).layout(300, 100));
        assertEquals("--embiggen: the enlarged image, 300x100, must be at least one tile (-W 128 -H 128) each way",
                e.getMessage());
    }

    @Test
    void identicalTilesGiveTheEnlargedImageBack() {
        BufferedImage image = PillowReferenceTest.pattern(96, 64, 0);
        BufferedImage out = embiggen(2, 0, 0.25, 64).run(image, 0.4, 7, (i, s, t) -> null, (tile, seed) -> tile);
        BufferedImage enlarged = PillowResampler.resize(image, 192, 128, PillowResampler.Filter.LANCZOS);
        assertEquals(192, out.getWidth());
        assertEquals(128, out.getHeight());
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 192; x++) {
                assertEquals(enlarged.getRGB(x, y), out.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
        assertTrue(messages.contains(">> Making 12 Embiggen tiles (4x3)..."), messages.toString());
        assertTrue(messages.contains("Starting 12 of 12 tiles"), messages.toString());
    }

    @Test
    void eachTileHasTheNextSeedWrappingPastTheLimit() {
        List<Long> seeds = new ArrayList<>();
        embiggen(2, 0, 0.25, 64).run(flat(64, 64, 0), 0.4, 4294967293L, (i, s, t) -> null, (tile, seed) -> {
            seeds.add(seed);
            return tile;
        });
        assertEquals(List.of(4294967293L, 4294967294L, 0L, 1L, 2L, 3L, 4L, 5L, 6L), seeds);
    }

    @Test
    void laterTilesFadeInOverTheOverlap() {
        // tile 0 black, tile 1 white: left of the overlap black, right of it white, a ramp between
        int[] colour = {0};
        BufferedImage out = embiggen(1.5, 0, 0.25, 64).run(flat(64, 64, 0x808080), 0.4, 0,
                (i, s, t) -> null, (tile, seed) -> flat(64, 64, colour[0]++ == 0 ? 0x000000 : 0xffffff));
        // 96 wide: tiles at 0 and 32, overlapping over [32, 64)
        assertEquals(0x000000, out.getRGB(10, 10) & 0xffffff);
        assertEquals(0xffffff, out.getRGB(90, 10) & 0xffffff);
        int previous = -1;
        for (int x = 32; x < 48; x++) {
            int v = out.getRGB(x, 5) & 0xff;
            assertTrue(v >= previous, "the band brightens left to right: " + v + " after " + previous);
            previous = v;
        }
        assertTrue(previous > 0 && previous < 255, String.valueOf(previous));
    }

    @Test
    void enlargesWithTheUpscalerAtFourAboveTwoElseAtTwo() {
        List<String> calls = new ArrayList<>();
        Embiggen.Enlarger upscaler = (image, scale, strength) -> {
            calls.add(scale + "@" + strength);
            return PillowResampler.resize(image, image.getWidth() * scale, image.getHeight() * scale,
                    PillowResampler.Filter.BICUBIC);
        };
        assertEquals(150, embiggen(2.5, 0.6, 0.25, 64).enlarge(flat(60, 30, 0), upscaler).getWidth());
        assertEquals(120, embiggen(2, 0.75, 0.25, 64).enlarge(flat(60, 30, 0), upscaler).getWidth());
        assertEquals(List.of("4@0.6", "2@0.75"), calls);
        assertTrue(messages.contains(">> ESRGAN upscaling init image prior to cutting with Embiggen with strength 0.6"));
        // no upscaler pass at strength 0, nothing at all at scale 1
        embiggen(2, 0, 0.25, 64).enlarge(flat(60, 30, 0), upscaler);
        BufferedImage same = flat(60, 30, 0);
        assertEquals(same, embiggen(1, 0.75, 0.25, 64).enlarge(same, upscaler));
        assertEquals(2, calls.size());
    }

    @Test
    void warnsAboutMirrorMotifsFromHalfStrength() {
        embiggen(2, 0, 0.25, 64).run(flat(64, 64, 0), 0.5, 0, (i, s, t) -> null, (tile, seed) -> tile);
        assertTrue(messages.contains("* WARNING: Embiggen may produce mirror motifs if the strength (-f) is too high"
                + " (currently 0.5). Try values between 0.35-0.45."), messages.toString());
    }

    @Test
    void stopsBetweenTilesWhenCancelled() {
        int[] rendered = {0};
        Embiggen stopping = new Embiggen(new EmbiggenSettings(2, 0, 0.25), null, 64, 64, messages::add,
                () -> rendered[0] >= 2);
        assertThrows(CancellationException.class, () -> stopping.run(flat(64, 64, 0), 0.4, 0, (i, s, t) -> null,
                (tile, seed) -> {
                    rendered[0]++;
                    return tile;
                }));
        assertEquals(2, rendered[0]);
    }

    @Test
    void settingsAreCompletedAndCorrectedWithInvokeAisMessages() {
        assertEquals(List.of(3.0, 0.75, 0.25), EmbiggenSettings.of(List.of(3.0), messages::add).values());
        assertEquals(List.of(2.0, 0.5, 0.25), EmbiggenSettings.of(List.of(2.0, 0.5), messages::add).values());
        assertTrue(messages.isEmpty());
        assertEquals(List.of(1.0, 0.75, 0.25), EmbiggenSettings.of(List.of(-2.0, 1.5, -1.0), messages::add).values());
        assertEquals(List.of(
                ">> Embiggen scaling factor cannot be negative, fell back to the default of 1.0 !",
                ">> Embiggen upscaling strength for ESRGAN must be between 0 and 1, fell back to the default of 0.75 !",
                ">> Overlap size for Embiggen must be a positive ratio between 0 and 1 OR a number of pixels, fell back"
                        + " to the default of 0.25 !"), messages);
    }

    // --- --embiggen_tiles

    private Embiggen redoing(List<Integer> tiles) {
        return new Embiggen(new EmbiggenSettings(2, 0, 0.25), tiles, 64, 64, messages::add, () -> false);
    }

    @Test
    void onlyTheNamedTilesChangeTheRestIsTheEnlargedImage() {
        BufferedImage image = PillowReferenceTest.pattern(64, 64, 0);
        List<Long> seeds = new ArrayList<>();
        // 128x128 in tiles of 64 overlapping by 16: 3x3 tiles at 0, 48 and 64; tiles 1 and 2 redone white
        BufferedImage out = redoing(List.of(2, 1)).run(image, 0.4, 100, (i, s, t) -> null, (tile, seed) -> {
            seeds.add(seed);
            return flat(64, 64, 0xffffff);
        });
        BufferedImage enlarged = PillowResampler.resize(image, 128, 128, PillowResampler.Filter.LANCZOS);
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 128; x++) {
                if (y >= 64 || x >= 112) {
                    assertEquals(enlarged.getRGB(x, y), out.getRGB(x, y), "pixel " + x + "," + y);
                }
            }
        }
        // tile 1 is opaque but for the bottom band, where tile 4 was not redone
        assertEquals(0xffffff, out.getRGB(5, 5) & 0xffffff);
        assertEquals(0xffffff, out.getRGB(60, 40) & 0xffffff);
        assertTrue(out.getRGB(5, 62) != 0xffffffff, "tile 1 fades out over tile 4");
        assertEquals(List.of(100L, 101L), seeds);
        assertEquals(List.of(">> Making 2 Embiggen tiles...", "Making tile #1 (1 of 2 requested)",
                "Making tile #2 (2 of 2 requested)"), messages);
    }

    @Test
    void aSkippedTileStillTakesItsSeed() {
        List<Long> seeds = new ArrayList<>();
        redoing(List.of(9, 3, 3)).run(flat(64, 64, 0), 0.4, 4294967293L, (i, s, t) -> null, (tile, seed) -> {
            seeds.add(seed);
            return tile;
        });
        // tile 3 has the base seed + 2 (past the limit, 0); tile 9 six more
        assertEquals(List.of(0L, 6L), seeds);
    }

    @Test
    void aLoneTileFadesInOnEverySide() {
        BufferedImage out = redoing(List.of(5)).run(flat(64, 64, 0), 0.4, 0, (i, s, t) -> null,
                (tile, seed) -> flat(64, 64, 0xffffff));
        // tile 5 lies at (48, 48): white in its middle, black around it, the edges in between
        assertEquals(0xffffff, out.getRGB(80, 80) & 0xffffff);
        assertEquals(0, out.getRGB(40, 80) & 0xffffff);
        int left = out.getRGB(49, 80) & 0xff;
        int right = out.getRGB(110, 80) & 0xff;
        int top = out.getRGB(80, 49) & 0xff;
        assertTrue(left < 128 && right < 128 && top < 128, left + " " + right + " " + top);
        assertEquals(EmbiggenMasks.Redo.AA, Embiggen.redoLayer(4, new Embiggen.Layout(3, 3, 16, 16),
                java.util.Set.of(4)));
    }

    @Test
    void theLayerLooksAheadRightAndDown() {
        Embiggen.Layout grid = new Embiggen.Layout(3, 3, 16, 16);
        assertEquals(EmbiggenMasks.Redo.OPAQUE, Embiggen.redoLayer(0, grid, java.util.Set.of(0, 1, 3)));
        assertEquals(EmbiggenMasks.Redo.B, Embiggen.redoLayer(0, grid, java.util.Set.of(0, 1)));
        assertEquals(EmbiggenMasks.Redo.R, Embiggen.redoLayer(0, grid, java.util.Set.of(0, 3)));
        assertEquals(EmbiggenMasks.Redo.RBC, Embiggen.redoLayer(0, grid, java.util.Set.of(0)));
        assertEquals(EmbiggenMasks.Redo.LTC, Embiggen.redoLayer(8, grid, java.util.Set.of(8)));
        assertEquals(EmbiggenMasks.Redo.LTAC, Embiggen.redoLayer(4, grid, java.util.Set.of(4, 5, 7)));
        assertEquals(EmbiggenMasks.Redo.ABB, Embiggen.redoLayer(7, grid, java.util.Set.of(7)));
    }

    @Test
    void aTileNumberPastTheLastIsRefused() {
        CommandException e = assertThrows(CommandException.class, () -> redoing(List.of(1, 10))
                .run(flat(64, 64, 0), 0.4, 0, (i, s, t) -> null, (tile, seed) -> tile));
        assertEquals("--embiggen_tiles: there is no tile 10; this embiggen makes 9 tiles (3x3), numbered 1 to 9 row"
                + " by row", e.getMessage());
    }
}
