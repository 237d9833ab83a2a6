package io.invoke4j.host.generate;

/**
 * The size InvokeAI 2.0 works an init image at ({@code Generate._squeeze_image}, {@code _fit_image} and
 * {@code image_util.InitImageResizer}): always multiples of 64, and the image is resized only when it is not
 * already that size.
 *
 * @param width  the work width
 * @param height the work height
 */
record WorkSize(int width, int height) {

    /**
     * Without {@code --fit}: the image's own size floored to multiples of 64. When that changes it, the resizer
     * keeps the aspect ratio from one side: a landscape (or square) image gets the floored width and
     * {@code int(width / aspect)} floored, a portrait one the floored height and {@code int(height * aspect)}
     * floored, so a 1000x520 image becomes 960x448, not 960x512.
     */
    static WorkSize squeeze(int imageWidth, int imageHeight) {
        int width = floor64(imageWidth);
        int height = floor64(imageHeight);
        if (width == imageWidth && height == imageHeight) {
            return new WorkSize(imageWidth, imageHeight);
        }
        return resizer(imageWidth, imageHeight, width, height);
    }

    /**
     * With {@code --fit}, into the box {@code -W x -H} as v2.0.x does it: a landscape image takes the box width
     * and the height its aspect gives, a portrait one the box height and the matching width, a square one
     * {@code boxWidth x boxWidth} even when the box is less high; then floored to multiples of 64. It may scale
     * up as well as down.
     */
    static WorkSize fit(int imageWidth, int imageHeight, int boxWidth, int boxHeight) {
        if (imageWidth > imageHeight) {
            return resizer(imageWidth, imageHeight, boxWidth, null);
        }
        if (imageHeight > imageWidth) {
            return resizer(imageWidth, imageHeight, null, boxHeight);
        }
        return resizer(imageWidth, imageHeight, boxWidth, boxHeight);
    }

    /** {@code InitImageResizer.resize(width, height)}, a missing side taken from the aspect ratio. */
    private static WorkSize resizer(int imageWidth, int imageHeight, Integer width, Integer height) {
        double aspect = imageWidth / (double) imageHeight;
        int w;
        int h;
        if (height == null) {
            w = width;
            h = (int) (width / aspect);
        } else if (width == null) {
            w = (int) (height * aspect);
            h = height;
        } else {
            w = width;
            h = height;
        }
        // the size the image is resized to keeps the aspect from one side; it need not fill w x h
        int resizeWidth = imageWidth >= imageHeight ? w : (int) (h * aspect);
        int resizeHeight = imageWidth >= imageHeight ? (int) (w / aspect) : h;
        if (imageWidth == floor64(w) && imageHeight == floor64(h)) {
            return new WorkSize(imageWidth, imageHeight);
        }
        return new WorkSize(floor64(resizeWidth), floor64(resizeHeight));
    }

    private static int floor64(int value) {
        return value - value % 64;
    }

    /** Whether this is a usable size (at least 64 each way). */
    boolean isUsable() {
        return width >= 64 && height >= 64;
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
