"""The answers a sponsor can give through the review link: the stored code and how the screens name it.

The answer form offers them and the pages show them; the table stores the code (`web.models.SponsorResponse`).
"""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

ANSWERS = {
    "ready": _l("Ready to sponsor or present"),
    "changes": _l("Needs changes"),
}
