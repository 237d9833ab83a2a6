"""Makes pillow_resize.json: Pillow's own LANCZOS and NEAREST resizes of a test pattern, for PillowResizeTest."""
import hashlib, json, sys
import PIL
from PIL import Image

def pattern(w, h, c):
    return bytes((x * 37 + y * 91 + c * 53 + ((x * y) % 17) * 13) % 256 for y in range(h) for x in range(w))

def case(kind, w, h, ow, oh, full):
    img = Image.frombytes('L', (w, h), pattern(w, h, 0))
    out = img.resize((ow, oh), resample=Image.Resampling.LANCZOS if kind == 'lanczos' else Image.Resampling.NEAREST).tobytes()
    d = {'filter': kind, 'in': [w, h], 'out': [ow, oh], 'sha256': hashlib.sha256(out).hexdigest(), 'first64': list(out[:64])}
    if full:
        d['values'] = list(out)
    return d

cases = [
    case('lanczos', 100, 70, 64, 64, True),
    case('lanczos', 40, 30, 128, 64, True),
    case('lanczos', 130, 64, 64, 64, True),
    case('lanczos', 64, 130, 64, 64, True),
    case('lanczos', 700, 500, 640, 448, False),
    case('lanczos', 333, 517, 448, 704, False),
    case('nearest', 64, 128, 8, 16, True),
    case('nearest', 100, 70, 13, 9, True),
]
# an RGB image is resized channel by channel with the same coefficients
rgb = Image.merge('RGB', [Image.frombytes('L', (100, 70), pattern(100, 70, c)) for c in range(3)])
rgb_out = rgb.resize((64, 64), resample=Image.Resampling.LANCZOS)
json.dump({'about': 'Pillow ' + PIL.__version__ + ' Image.resize of the pattern (x*37 + y*91 + c*53 + ((x*y) % 17)*13) % 256, mode L (channel c = 0)',
           'cases': cases,
           'rgb_100x70_to_64x64_sha256_interleaved': hashlib.sha256(rgb_out.tobytes()).hexdigest()},
          sys.stdout)
