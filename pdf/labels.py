"""Words the PDFs print around the petition, English and French.

The petition's own wording comes from petition.formulae; these are only column
headings, page labels and report headings. Column headings follow the suggested
paper template (petition-rules.md 2.4; R-SIG-3 printed name beside signature,
R-SIG-4 address with locality and province or territory, "no fixed address").
"""
from __future__ import annotations

LABELS = {
    "en": {
        "col_number": "No.",
        "col_name": "Printed name",
        "col_signature": "Signature",
        "col_address": "Address (city or town and province or territory, or \u201cno fixed address\u201d)",
        "paper_title": "Petition: signature sheets",
        "instructions_title": "Instructions for volunteers collecting signatures",
        "review_title": "Sponsor review",
    },
    "fr": {
        "col_number": "No",
        "col_name": "Nom en lettres moul\u00e9es",
        "col_signature": "Signature",
        "col_address": "Adresse (ville ou village et province ou territoire, ou \u00ab\u00a0sans adresse fixe\u00a0\u00bb)",
        "paper_title": "P\u00e9tition\u00a0: feuilles de signatures",
        "instructions_title": "Consignes aux b\u00e9n\u00e9voles qui recueillent des signatures",
        "review_title": "Examen par le parrain",
    },
}


def labels(language: str) -> dict:
    return LABELS["fr" if language == "fr" else "en"]
