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
        "report": "Compliance report",
        "words": "Words (grievances and request)",
        "words_of": "{counted} of {limit}",
        "words_upper": "up to {upper} if hyphenated words and elisions count twice",
        "words_paper": "{counted}; no word limit on paper (R-LEN-2)",
        "summary": "{errors} error(s), {warnings} warning(s)",
        "checklist": "Checklist",
        "findings": "Findings",
        "no_findings": "No findings.",
        "removed": "Left out of the petition",
        "no_removed": "Nothing was left out.",
        "rule": "Rule", "severity": "Severity", "excerpt": "Excerpt", "explanation": "Explanation",
        "suggestion": "Suggestion:",
        "status": {"pass": "\u2714 passes", "check": "? check", "fail": "\u2718 fails"},
        "severities": {"error": "error", "warning": "warning", "info": "note"},
        "checks": {
            "addressee": "Addressed to the House, the Government, a Minister or a Member",
            "request": "Worded as a request, not a demand",
            "temperate": "Respectful, temperate language",
            "federal": "A federal subject, not before the courts",
            "extraneous": "No URLs, attachments or contact details",
            "length": "Within the {limit}-word limit",
            "length_paper": "No word limit on paper; the whole text fits on page 1 with signature rows",
        },
    },
    "fr": {
        "col_number": "N\u00b0",
        "col_name": "Nom en lettres moul\u00e9es",
        "col_signature": "Signature",
        "col_address": "Adresse (ville ou village et province ou territoire, ou \u00ab\u00a0sans adresse fixe\u00a0\u00bb)",
        "paper_title": "P\u00e9tition\u00a0: feuilles de signatures",
        "instructions_title": "Consignes aux b\u00e9n\u00e9voles qui recueillent des signatures",
        "review_title": "Examen par le parrain",
        "report": "Rapport de conformit\u00e9",
        "words": "Mots (consid\u00e9rants et demande)",
        "words_of": "{counted} sur {limit}",
        "words_upper": "jusqu'\u00e0 {upper} si les mots compos\u00e9s et les \u00e9lisions comptent double",
        "words_paper": "{counted}; aucune limite de mots sur papier (R-LEN-2)",
        "summary": "{errors} erreur(s), {warnings} avertissement(s)",
        "checklist": "Liste de contr\u00f4le",
        "findings": "Constats",
        "no_findings": "Aucun constat.",
        "removed": "Retir\u00e9 de la p\u00e9tition",
        "no_removed": "Rien n'a \u00e9t\u00e9 retir\u00e9.",
        "rule": "R\u00e8gle", "severity": "Gravit\u00e9", "excerpt": "Extrait", "explanation": "Explication",
        "suggestion": "Suggestion\u00a0:",
        "status": {"pass": "\u2714 conforme", "check": "? \u00e0 v\u00e9rifier", "fail": "\u2718 non conforme"},
        "severities": {"error": "erreur", "warning": "avertissement", "info": "note"},
        "checks": {
            "addressee": "Adress\u00e9e \u00e0 la Chambre, au gouvernement, \u00e0 un ministre ou \u00e0 un d\u00e9put\u00e9",
            "request": "Formul\u00e9e comme une demande, non une exigence",
            "temperate": "Langage respectueux et mod\u00e9r\u00e9",
            "federal": "Sujet de comp\u00e9tence f\u00e9d\u00e9rale, non soumis aux tribunaux",
            "extraneous": "Ni adresse Web, ni pi\u00e8ce jointe, ni coordonn\u00e9es",
            "length": "Dans la limite de {limit} mots",
            "length_paper": "Aucune limite de mots sur papier ; le texte entier tient en page 1 avec des lignes de signature",
        },
    },
}


def labels(language: str) -> dict:
    return LABELS["fr" if language == "fr" else "en"]
