"""Colour emoji drawn from one image per glyph, not one per occurrence.

Noto Color Emoji keeps each emoji as a PNG. For every emoji it draws, WeasyPrint 70
(weasyprint/draw/text.py) opens that PNG with Pillow and builds a RasterImage, which
converts it and encodes it to PNG again: about 20 ms each, so a request of 2,000 emoji
took 40 s per page. The PDF then keeps a single copy anyway, because the images are named
by font and glyph. Here both steps are memoised per process, keyed by the image's name and
its bytes, so each distinct emoji costs that once; the PDF is the same.

Drawing each occurrence then cost about 100 us more in pure Python: WeasyPrint saves the graphics state,
multiplies 3x3 matrices in lists (twice per emoji, to track a transformation it only reads for a `dpi`
option we never set) and formats the operators one by one, so a petition of 33,000 emoji spent 2.5 s
of its 3.3 s PDF write there. `_draw_emojis` writes the same operators straight into the page's stream
(`q`, the two `cm`, `Do`, `Q`) and falls back to WeasyPrint's own for anything else (an SVG or COLR
emoji font, a `dpi` option).
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from io import BytesIO

from weasyprint.draw import text as _draw_text

_MAX_GLYPHS = 512  # distinct emoji kept; each is a few KB


def _key(data: bytes) -> tuple:
    """A cheap key for an emoji's PNG: its length and its last bytes (the image data's checksums and the end
    chunk). Hashing the whole PNG for every occurrence cost more than the drawing; a hit is still checked
    against the whole bytes (a comparison, far cheaper than a hash), so two images never share an entry."""
    return len(data), data[-48:]


class _Memo:
    def __init__(self, make):
        self._make = make
        self._data: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, data: bytes, extra, *args):
        """make(*args), once per distinct (data, extra)."""
        key = (_key(data), extra)
        with self._lock:
            found = self._data.get(key)
            if found is not None and found[0] == data:
                self._data.move_to_end(key)
                return found[1]
        value = self._make(*args)
        with self._lock:
            self._data[key] = (data, value)
            while len(self._data) > _MAX_GLYPHS:
                self._data.popitem(last=False)
        return value


class _PillowOpen:
    """Stands in for the `PIL.Image` module inside draw/text.py, which only calls `Image.open`."""

    def __init__(self, image_module):
        self._image = image_module
        self._open = _Memo(self._load)

    def _load(self, data: bytes):
        image = self._image.open(BytesIO(data))
        image.load()  # decoded once, here: the threads sharing it afterwards only read it
        return image

    def open(self, stream, *args, **kwargs):
        if args or kwargs or not isinstance(stream, BytesIO):
            return self._image.open(stream, *args, **kwargs)
        data = stream.getvalue()
        return self._open(data, None, data)

    def __getattr__(self, name):
        return getattr(self._image, name)


def install() -> None:
    """Memoise emoji images in WeasyPrint's text drawing (idempotent)."""
    if getattr(_draw_text, "_petition_emoji_memo", False):
        return
    raster = _draw_text.RasterImage
    images = _Memo(lambda pillow_image, image_id, image_data: _kept_encodings(raster(pillow_image, image_id,
                                                                                      image_data)))

    def raster_image(pillow_image, image_id, image_data, *args, **kwargs):
        if args or kwargs:
            return raster(pillow_image, image_id, image_data, *args, **kwargs)
        return images(image_data, image_id, pillow_image, image_id, image_data)

    _draw_text.Image = _PillowOpen(_draw_text.Image)
    _draw_text.RasterImage = raster_image
    _draw_text.draw_emojis = _fast_draw_emojis(_draw_text.draw_emojis, raster)
    _draw_text._petition_emoji_memo = True


def _kept_encodings(image):
    """`image` (one emoji, kept for the process) re-encodes its pixels once, not in every PDF that draws it.

    Writing a PDF, WeasyPrint splits each emoji into colour and alpha and compresses both again (about 4 ms an
    emoji, so 80 different emoji cost 0.3 s per PDF). For one image the two results only depend on which
    of the two is asked for (its mode); the image's own pixels never change.
    """
    encode = image._get_png_data
    done: dict = {}

    def get_png_data(pillow_image):
        key = (pillow_image.mode, pillow_image.size)
        if key not in done:
            done[key] = encode(pillow_image)
        return done[key]

    image._get_png_data = get_png_data
    return image


def _number(value) -> bytes:
    """A number as pydyf writes it (pydyf._to_bytes: an integer without a point, else six decimals with the
    trailing zeros dropped), without its chain of type tests."""
    if value == int(value):
        return b"%d" % value
    return (b"%f" % value).rstrip(b"0")


def _fast_draw_emojis(original, raster_class):
    def draw_emojis(stream, style, x, y, emojis):
        if not all(isinstance(image, raster_class) and not image._dpi for image, *_ in emojis):
            return original(stream, style, x, y, emojis)
        size = style["font_size"]
        interpolate = style["image_rendering"] == "auto"
        # What images.RasterImage.draw writes once the emoji's matrix is set, then the restore: the same for
        # every occurrence of an image in this box. One item per emoji (pydyf joins the items with newlines).
        tails, heads = {}, {}
        out = stream.stream
        for image, _font, a, d, e, f in emojis:
            if image.width <= 0 or image.height <= 0:
                continue
            name = stream.add_image(image, interpolate, 1)
            tail = tails.get(name)
            if tail is None:
                tail = tails[name] = (b" cm\n" + b" ".join(map(_number, (size, 0, 0, -size, 0, size)))
                                      + b" cm\n/" + name.encode("ascii") + b" Do\nQ")
            head = heads.get((a, d))
            if head is None:
                head = heads[(a, d)] = b"q\n" + _number(a) + b" 0 0 " + _number(d) + b" "
            out.append(head + _number(x + e * size) + b" " + _number(y + f) + tail)

    draw_emojis.weasyprint_own = original
    return draw_emojis
