package io.invoke4j.host.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** InvokeAI 2.0's init-image sizes ({@code _squeeze_image}, {@code _fit_image}, {@code InitImageResizer}). */
class WorkSizeTest {

    @Test
    void withoutFitASizeOfMultiplesOf64IsKept() {
        assertEquals(new WorkSize(512, 512), WorkSize.squeeze(512, 512));
        assertEquals(new WorkSize(1024, 320), WorkSize.squeeze(1024, 320));
    }

    @Test
    void withoutFitTheSizeIsFlooredKeepingTheAspectFromOneSide() {
        // landscape: the floored width, int(640 / 1.4) = 457 floored
        assertEquals(new WorkSize(640, 448), WorkSize.squeeze(700, 500));
        // the height follows the aspect, not the floored height: 960 / (1000 / 520) = 499.2 -> 448, not 512
        assertEquals(new WorkSize(960, 448), WorkSize.squeeze(1000, 520));
        // portrait: the floored height, int(640 * 500 / 700) = 457 floored
        assertEquals(new WorkSize(448, 640), WorkSize.squeeze(500, 700));
        // square
        assertEquals(new WorkSize(576, 576), WorkSize.squeeze(600, 600));
    }

    @Test
    void fitTakesTheBoxWidthForLandscapeTheBoxHeightForPortrait() {
        assertEquals(new WorkSize(512, 384), WorkSize.fit(1024, 768, 512, 512));
        assertEquals(new WorkSize(256, 512), WorkSize.fit(300, 600, 512, 512));
        // it scales up too
        assertEquals(new WorkSize(768, 512), WorkSize.fit(300, 200, 768, 768));
        // the landscape height follows the aspect even past the box height: 768 / (4 / 3) = 576
        assertEquals(new WorkSize(768, 576), WorkSize.fit(400, 300, 768, 512));
    }

    @Test
    void fitGivesASquareImageTheBoxWidthBothWays() {
        // v2.0.x: (W_box, W_box) even when the box is less high
        assertEquals(new WorkSize(512, 512), WorkSize.fit(300, 300, 512, 384));
        assertEquals(new WorkSize(640, 640), WorkSize.fit(1000, 1000, 640, 768));
    }

    @Test
    void anImageAlreadyAtTheBoxSizeIsNotResized() {
        assertEquals(new WorkSize(512, 384), WorkSize.fit(512, 384, 512, 512));
    }

    @Test
    void tinyImagesComeToUnusableSizes() {
        assertFalse(WorkSize.squeeze(50, 80).isUsable());
        assertFalse(WorkSize.fit(2000, 60, 512, 512).isUsable());
    }
}
