"""A draft's two private links: the edit link (organizers) and the review link (sponsors).

Every page reached through one of them looks the draft up here, so a link that
matches nothing gives the same explaining 404 wherever it was opened.
"""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from flask import abort

from .db import get_session
from .models import Draft

NO_DRAFT = _l("There is no draft at this link. Check that you copied the whole edit link.")
NO_REVIEWED_PETITION = _l("There is no petition at this review link. Check that you copied the whole link, "
                          "or ask the organizer for it again.")


def draft_for_edit(token: str) -> Draft:
    draft = Draft.by_edit_token(get_session(), token)
    if draft is None:
        abort(404, description=str(NO_DRAFT))
    return draft


def draft_for_review(review_token: str) -> Draft:
    draft = Draft.by_review_token(get_session(), review_token)
    if draft is None:
        abort(404, description=str(NO_REVIEWED_PETITION))
    return draft
