"""Small builders for check tests: a structured petition analysed the way the web form's is."""
from petition.analysis import analyze_petition
from petition.model import Addressee, Petition

PLAIN_PRAYER = "fund rural broadband"


def analyse(grievances=(), prayer=PLAIN_PRAYER, kind="e-petition", language="en", addressee=None, petitioners=None):
    petition = Petition(
        kind=kind,
        language=language,
        addressee=addressee or Addressee(kind="government"),
        petitioners=petitioners,
        grievances=list(grievances),
        prayer=prayer,
    )
    return analyze_petition(petition)


def codes(analysis):
    return [f.code for f in analysis.findings]


def only(analysis, code):
    found = [f for f in analysis.findings if f.code == code]
    assert found, f"no {code!r} finding in {codes(analysis)}"
    return found


def assert_span_is_excerpt(analysis, finding):
    """The span points at the words the finding quotes."""
    assert " ".join(analysis.source[finding.start:finding.end].split()) == finding.excerpt
