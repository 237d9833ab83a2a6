package io.invoke4j.host.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridImageTest {

    @Test
    void layoutIsFloorSqrtRowsByEnoughColumns() {
        assertArrayEquals(new int[] {1, 1}, GridImage.layout(1));
        assertArrayEquals(new int[] {1, 2}, GridImage.layout(2));
        assertArrayEquals(new int[] {1, 3}, GridImage.layout(3));
        assertArrayEquals(new int[] {2, 2}, GridImage.layout(4));
        assertArrayEquals(new int[] {2, 3}, GridImage.layout(5));
        assertArrayEquals(new int[] {2, 3}, GridImage.layout(6));
        assertArrayEquals(new int[] {3, 3}, GridImage.layout(9));
        assertArrayEquals(new int[] {3, 4}, GridImage.layout(10));
        assertThrows(IllegalArgumentException.class, () -> GridImage.layout(0));
    }

    private static BufferedImage filled(int rgb) {
        BufferedImage image = new BufferedImage(2, 3, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 2; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    @Test
    void imagesGoRowByRowAndEmptyCellsStayBlack() {
        List<BufferedImage> images = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            images.add(filled(0x101010 * i));
        }
        BufferedImage grid = GridImage.of(images);
        assertEquals(6, grid.getWidth());
        assertEquals(6, grid.getHeight());
        assertEquals(0x101010, grid.getRGB(0, 0) & 0xffffff);
        assertEquals(0x202020, grid.getRGB(2, 2) & 0xffffff);
        assertEquals(0x303030, grid.getRGB(5, 0) & 0xffffff);
        assertEquals(0x404040, grid.getRGB(1, 3) & 0xffffff);
        assertEquals(0x505050, grid.getRGB(3, 5) & 0xffffff);
        assertEquals(0, grid.getRGB(4, 4) & 0xffffff);
    }
}
