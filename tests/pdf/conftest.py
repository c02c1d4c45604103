"""Session fixtures for the PDF tests: one 50-sheet render serves many assertions."""
from __future__ import annotations

import pytest

from pdfcheck import broadband


@pytest.fixture(scope="session")
def petition_en():
    return broadband("en")


@pytest.fixture(scope="session")
def paper_50(petition_en):
    from pdf.paper import paper_pdf

    return paper_pdf(petition_en, sheets=50)
