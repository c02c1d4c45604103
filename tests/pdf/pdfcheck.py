"""PDF test helpers: read PDFs back with pypdf and rasterise pages with pdftoppm."""
from __future__ import annotations

import io
import subprocess

import pytest
from pypdf import PdfReader

from petition.model import Addressee, Petition


# WeasyPrint breaks a hyphenated word with U+2010 HYPHEN, never the typed U+002D.
AUTO_HYPHEN = "\u2010"


def norm(text: str) -> str:
    """Text extraction breaks lines where the layout did; compare collapsed whitespace, and words
    hyphenated at a line end (`hyphens: auto`) joined again."""
    return " ".join(text.split()).replace(AUTO_HYPHEN + " ", "")


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    return [norm(p.extract_text()) for p in reader(pdf).pages]


def png(pdf: bytes, tmp_path, page: int, dpi: int = 50):
    """Page `page` (1-based) as a greyscale Pillow image, rendered by poppler's pdftoppm."""
    from PIL import Image

    src = tmp_path / "in.pdf"
    src.write_bytes(pdf)
    out = tmp_path / f"p{page}"
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile",
                    str(src), str(out)], check=True)
    return Image.open(f"{out}.png").convert("L")


def broadband(language: str = "en", **changes) -> Petition:
    if language == "fr":
        petition = Petition(
            kind="paper", language="fr", addressee=Addressee(kind="house"),
            grievances=["L'accès à Internet haute vitesse coûte trop cher à Chéticamp, Rivière-du-Loup et Gaspé",
                        "Les élèves de Şəki, Ağdam et Gəncə qui s'établissent ici n'ont pas de réseau fiable"],
            prayer="garantir à chaque ménage un accès abordable d'ici 2030",
        )
    else:
        petition = Petition(
            kind="paper", language="en", addressee=Addressee(kind="government"),
            grievances=["Rural broadband costs too much in Tovuz, Şəki and Ağdam as in Gaspé and Chéticamp",
                        "Families like the Əliyev and Güneş households cannot work from home"],
            prayer="ensure every household has affordable high-speed internet by 2030",
        )
    for key, value in changes.items():
        setattr(petition, key, value)
    return petition


# Session fixtures (import them into a test module to use them): one 50-sheet render serves many assertions.

@pytest.fixture(scope="session")
def petition_en():
    return broadband("en")


@pytest.fixture(scope="session")
def paper_50(petition_en):
    from pdf.paper import paper_pdf

    return paper_pdf(petition_en, sheets=50)
