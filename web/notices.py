"""Messages more than one area shows (each area keeps its own otherwise), and how an area answers with
another's page."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from .models import VERSION_BUDGET_BYTES

VERSIONS_FULL = _l(
    "This draft cannot keep another version: the versions it must keep (every one printed, answered by a "
    "sponsor or marked ready) fill the %(megabytes)s MB a draft may store. Your text is still here but was not "
    "saved: copy it into a new draft from the start page.",
    megabytes=VERSION_BUDGET_BYTES // 1_000_000,
)


class ShowReview(Exception):
    """Answer with the draft's review page, saying `notice` (web/drafting.py renders it): for a route of another
    area that must send the organizer back there, e.g. sheets not handed out because their print record could
    not be written. `download` is the paper size and page count asked for, shown again."""

    def __init__(self, draft, token: str, notice: str, status: int, download: dict | None = None):
        super().__init__(notice)
        self.draft, self.token, self.notice, self.status, self.download = draft, token, notice, status, download
