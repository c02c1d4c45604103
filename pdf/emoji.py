"""Colour emoji drawn from one image per glyph, not one per occurrence.

Noto Color Emoji keeps each emoji as a PNG. For every emoji it draws, WeasyPrint 70
(weasyprint/draw/text.py) opens that PNG with Pillow and builds a RasterImage, which
converts it and encodes it to PNG again: about 20 ms each, so a request of 2,000 emoji
took 40 s per page. The PDF then keeps a single copy anyway, because the images are named
by font and glyph. Here both steps are memoised per process, keyed by the image's name and
its bytes, so each distinct emoji costs that once; the PDF is the same.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from io import BytesIO

from weasyprint.draw import text as _draw_text

_MAX_GLYPHS = 512  # distinct emoji kept; each is a few KB


class _Memo:
    def __init__(self, make):
        self._make = make
        self._data: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, key, *args):
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                return self._data[key]
        value = self._make(*args)
        with self._lock:
            self._data[key] = value
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
        return self._open(data, data)

    def __getattr__(self, name):
        return getattr(self._image, name)


def install() -> None:
    """Memoise emoji images in WeasyPrint's text drawing (idempotent)."""
    if getattr(_draw_text, "_petition_emoji_memo", False):
        return
    raster = _draw_text.RasterImage
    images = _Memo(lambda pillow_image, image_id, image_data: raster(pillow_image, image_id, image_data))

    def raster_image(pillow_image, image_id, image_data, *args, **kwargs):
        if args or kwargs:
            return raster(pillow_image, image_id, image_data, *args, **kwargs)
        return images((image_id, image_data), pillow_image, image_id, image_data)

    _draw_text.Image = _PillowOpen(_draw_text.Image)
    _draw_text.RasterImage = raster_image
    _draw_text._petition_emoji_memo = True
