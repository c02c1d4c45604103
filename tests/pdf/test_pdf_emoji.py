"""Emoji drawn by pdf/emoji.py's fast path land exactly where WeasyPrint's own drawing puts them."""
from __future__ import annotations

import subprocess

from PIL import Image, ImageChops
from weasyprint.draw import text as draw_text

from pdf import renderer

from pdfcheck import reader


def _page_rgb(pdf: bytes, tmp_path, name: str) -> Image.Image:
    src = tmp_path / f"{name}.pdf"
    src.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile", str(src),
                    str(tmp_path / name)], check=True)
    return Image.open(tmp_path / f"{name}.png").convert("RGB")


def test_emoji_are_drawn_in_the_same_places_as_weasyprints_own_drawing(tmp_path, monkeypatch):
    # Emoji of two sizes, after text, between words, at line ends, in a table cell and in bold.
    html = ("<html lang='en'><head><title>t</title></head><body><h1>Rents 😀 rose</h1>"
            "<p>" + "We 📶🏡 ask 😂 " * 40 + "</p><table><tr><td>🏡</td><td><b>cap 😃 rents</b></td></tr></table>"
            "</body></html>")
    document = renderer.layout(html, ("base", "review"))
    fast = renderer.write(document)
    monkeypatch.setattr(draw_text, "draw_emojis", draw_text.draw_emojis.weasyprint_own)
    own = renderer.write(renderer.layout(html, ("base", "review")))

    coloured = sum(1 for r, g, b in _page_rgb(fast, tmp_path, "fast").get_flattened_data() if max(r, g, b) - min(r, g, b) > 60)
    assert coloured > 500  # the emoji are there, in colour
    difference = ImageChops.difference(_page_rgb(fast, tmp_path, "fast"), _page_rgb(own, tmp_path, "own"))
    assert difference.getbbox() is None  # not one pixel moved
    # Each emoji is still one image in the file, however often it is drawn.
    assert len(reader(fast).pages[0]["/Resources"]["/XObject"]) == 5
