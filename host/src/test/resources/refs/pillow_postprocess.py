"""Makes pillow_postprocess.json: Pillow's RGB resizes (BICUBIC, LANCZOS), Image.blend, alpha_composite and the
alpha layers of InvokeAI 2.2.5's embiggen (its code, ldm/invoke/generator/embiggen.py, lines as there), for the
post-processing tests."""
import hashlib, json, sys
import numpy as np
import PIL
from PIL import Image


def pattern(w, h, c, k=0):
    return bytes((x * 37 + y * 91 + c * 53 + ((x * y) % 17) * 13 + k * 29) % 256 for y in range(h) for x in range(w))


def rgb(w, h, k=0):
    return Image.merge('RGB', [Image.frombytes('L', (w, h), pattern(w, h, c, k)) for c in range(3)])


def digest(img):
    b = img.tobytes()
    return {'size': list(img.size), 'mode': img.mode, 'sha256': hashlib.sha256(b).hexdigest(), 'first48': list(b[:48])}


resizes = []
for (w, h, ow, oh) in [(40, 30, 160, 120), (100, 70, 64, 48), (64, 130, 100, 64), (37, 53, 74, 106)]:
    for name, f in [('bicubic', Image.Resampling.BICUBIC), ('lanczos', Image.Resampling.LANCZOS)]:
        d = digest(rgb(w, h).resize((ow, oh), resample=f))
        d.update({'filter': name, 'in': [w, h]})
        resizes.append(d)

blends = []
for alpha in [0.0, 0.3, 0.75, 1.0]:
    d = digest(Image.blend(rgb(50, 40, 0), rgb(50, 40, 3), alpha))
    d['alpha'] = alpha
    blends.append(d)

# alpha_composite of an RGBA overlay with varying alpha over a half-transparent background
bg = rgb(64, 48, 1).convert('RGBA')
bg.putalpha(Image.frombytes('L', (64, 48), bytes((x * 7 + y * 3) % 256 for y in range(48) for x in range(64))))
fg = rgb(32, 24, 2).convert('RGBA')
fg.putalpha(Image.frombytes('L', (32, 24), bytes((x * 11 + y * 5) % 256 for y in range(24) for x in range(32))))
composite = bg.copy()
composite.alpha_composite(fg, (10, 7))


def layers(width, height, overlap_size_x, overlap_size_y):
    agradientL = Image.linear_gradient('L').rotate(90).resize((overlap_size_x, height))
    agradientT = Image.linear_gradient('L').resize((width, overlap_size_y))
    agradientC = Image.new('L', (256, 256))
    for y in range(256):
        for x in range(256):
            distanceToLR = np.sqrt([(255 - x) ** 2 + (255 - y) ** 2])[0]
            if distanceToLR > 255:
                distanceToLR = 255
            agradientC.putpixel((x, y), round(255 - distanceToLR))
    agradientAsymC = Image.new('L', (256, 256))
    for y in range(256):
        for x in range(256):
            value = round(max(0, x - (255 - y)) * (255 / max(1, y)))
            value = max(0, value)
            value = min(255, value)
            agradientAsymC.putpixel((x, y), value)
    alphaLayerL = Image.new("L", (width, height), 255)
    alphaLayerT = Image.new("L", (width, height), 255)
    alphaLayerLTC = Image.new("L", (width, height), 255)
    alphaLayerL.paste(agradientL, (0, 0))
    alphaLayerT.paste(agradientT, (0, 0))
    alphaLayerLTC.paste(agradientL, (0, 0))
    alphaLayerLTC.paste(agradientT, (0, 0))
    alphaLayerLTC.paste(agradientC.resize((overlap_size_x, overlap_size_y)), (0, 0))
    alphaLayerTaC = alphaLayerT.copy()
    alphaLayerTaC.paste(agradientAsymC.rotate(270).resize((overlap_size_x, overlap_size_y)), (width - overlap_size_x, 0))
    alphaLayerLTaC = alphaLayerLTC.copy()
    alphaLayerLTaC.paste(agradientAsymC.rotate(270).resize((overlap_size_x, overlap_size_y)), (width - overlap_size_x, 0))
    return {'width': width, 'height': height, 'overlap': [overlap_size_x, overlap_size_y],
            'L': list(alphaLayerL.tobytes()), 'T': list(alphaLayerT.tobytes()), 'LTC': list(alphaLayerLTC.tobytes()),
            'TaC': list(alphaLayerTaC.tobytes()), 'LTaC': list(alphaLayerLTaC.tobytes())}


json.dump({'about': 'Pillow ' + PIL.__version__ + '; RGB pattern channel c: (x*37 + y*91 + c*53 + ((x*y) % 17)*13 + k*29) % 256',
           'resizes': resizes, 'blends': blends,
           'composite': {'background_pattern_k': 1, 'overlay_pattern_k': 2, 'at': [10, 7], **digest(composite)},
           'embiggen_layers': [layers(32, 32, 8, 8), layers(48, 32, 12, 8)]},
          sys.stdout)
