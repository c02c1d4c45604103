"""What the drafting forms say when input is refused, by code. One place for the copy."""

MESSAGES = {
    "required": "Please fill in {field}.",
    "petitioners-required": "Say who is signing, for example \u201ccitizens and residents of Canada\u201d.",
    "too-long": "{field} can be at most {limit:,} characters; this has {length:,}. Shorten it a little.",
    "too-many-clauses": "A petition can have at most {limit} grievance clauses here. Merge or remove one first.",
    "minister-title": "Name the Minister's title or portfolio, for example \u201cMinister of Health\u201d.",
    "member-name": "Give the Member of Parliament's name.",
    "member-riding": "Give the Member of Parliament's riding (electoral district).",
    "paste-empty": "Paste the text of your draft petition, or choose \u201cWrite a new petition\u201d.",
    "paste-unused": "You pasted a draft but chose \u201cWrite a new petition\u201d, which would start empty. "
                    "Choose \u201cPaste an existing draft\u201d to use your text, or empty the box to start from nothing.",
    "choose": "Choose one of the options.",
    "addressee-kind": "Choose who the petition is addressed to: one of the four the House accepts.",
    "acknowledge": "Tick the box to confirm you have read every warning.",
}


def message(code: str, **values) -> str:
    return MESSAGES[code].format(**values)
