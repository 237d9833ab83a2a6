"""Makes pillow_canvas.json: the init images of InvokeAI 2.0.1's !fix outpaint (-D, ldm/invoke/restoration/
outpaint.py _create_outpaint_image) and outcrop (-c, ldm/invoke/restoration/outcrop.py _extend_all), restated here
in Pillow as generation-semantics.md section 10.2 describes them, on the pattern of pillow_postprocess.py, for the
canvas tests. Run with Pillow 9.x-12.x: python3 pillow_canvas.py > pillow_canvas.json"""
import hashlib, json, math
import PIL
from PIL import Image, ImageFilter


def pattern(w, h, c, k=0):
    return bytes((x * 37 + y * 91 + c * 53 + ((x * y) % 17) * 13 + k * 29) % 256 for y in range(h) for x in range(w))


def rgb(w, h, k=0):
    return Image.merge('RGB', [Image.frombytes('L', (w, h), pattern(w, h, c, k)) for c in range(3)])


def digest(img):
    b = img.tobytes()
    return {'size': list(img.size), 'mode': img.mode, 'sha256': hashlib.sha256(b).hexdigest()}


TO_TOP = {'left': Image.Transpose.ROTATE_270, 'bottom': Image.Transpose.ROTATE_180, 'right': Image.Transpose.ROTATE_90}
BACK = {'left': Image.Transpose.ROTATE_90, 'bottom': Image.Transpose.ROTATE_180, 'right': Image.Transpose.ROTATE_270}


def outpaint(image, direction, pixels=None):
    image = image.convert('RGBA')
    if direction in TO_TOP:
        image = image.transpose(TO_TOP[direction])
    pixels = image.height // 2 if pixels is None else pixels
    top = image.transpose(Image.Transpose.FLIP_TOP_BOTTOM).convert('RGBA')
    top = top.crop((0, top.height - pixels, top.width, top.height))
    alpha = top.getchannel('A')
    alpha.paste(0, (0, 0, top.width, top.height))
    top.putalpha(alpha)
    bottom = image.crop((0, 0, image.width, image.height - pixels))
    new_img = image.copy()
    new_img.paste(top, (0, 0))
    new_img.paste(bottom, (0, pixels))
    dither = min(image.height // 10, pixels)
    for x in range(0, image.width, 2):
        for y in range(pixels - dither, min(pixels + dither, image.height)):
            (r, g, b, a) = new_img.getpixel((x, y))
            new_img.putpixel((x, y), (r, g, b, 0))
    if direction in BACK:
        new_img = new_img.transpose(BACK[direction])
    return new_img


def extend(image, pixels):
    extended_img = Image.new('RGBA', (image.width, image.height + pixels))
    top_slice = image.crop(box=(0, 0, image.width, pixels // 2))
    top_slice = top_slice.resize((image.width, pixels))
    extended_img.paste(top_slice, box=(0, 0))
    extended_img.paste(image, box=(0, pixels))
    extended_img = extended_img.filter(filter=ImageFilter.GaussianBlur(radius=pixels // 2))
    extended_img.paste(image, box=(0, pixels))
    alpha = extended_img.getchannel('A')
    alpha.paste(0, (0, 0, extended_img.width, pixels * 2))
    extended_img.putalpha(alpha)
    return extended_img


def outcrop(image, words):
    extents = {}
    for direction, pixels in zip(words[0::2], words[1::2]):
        extents[direction] = int(pixels)
    for direction, pixels in extents.items():
        pixels = math.ceil(pixels / 64) * 64
        if direction in TO_TOP:
            image = image.transpose(TO_TOP[direction])
        image = extend(image, pixels)
        if direction in BACK:
            image = image.transpose(BACK[direction])
    return image


outpaints = []
for (w, h, words) in [(64, 64, ['top', '32']), (48, 40, ['left']), (48, 40, ['bottom', '7']), (48, 40, ['right', '45']),
                      (40, 64, ['top', '63'])]:
    d = digest(outpaint(rgb(w, h), words[0], int(words[1]) if len(words) > 1 else None))
    d.update({'in': [w, h], 'words': words})
    outpaints.append(d)

outcrops = []
for (w, h, words) in [(64, 64, ['right', '64']), (48, 40, ['top', '10']), (48, 40, ['bottom', '64', 'left', '100']),
                      (40, 30, ['top', '64', 'right', '1', 'top', '200'])]:
    d = digest(outcrop(rgb(w, h), words))
    d.update({'in': [w, h], 'words': words})
    outcrops.append(d)

print(json.dumps({'pillow': PIL.__version__, 'outpaint': outpaints, 'outcrop': outcrops}, indent=1))
