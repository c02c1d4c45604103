"""The hand-off page's two forms: "sent to supporters" (with its confirmation) and "make a new draft"."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, SubmitField


class SentForm(FlaskForm):
    # The version the organizer read on the page: the one the House's site received.
    version = HiddenField()
    confirm = BooleanField(_l("I have submitted this text on the House's site and it went to my supporters. I "
                              "understand that the House allows no change to it from now on."))
    sent = SubmitField(_l("Mark as sent to supporters"))


class CopyForm(FlaskForm):
    copy = SubmitField(_l("Make a new draft copied from this one"))
