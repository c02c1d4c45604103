"""Every stored table, one module per area: drafts and their versions, the sponsor side, print runs, the open
e-petitions.

Callers import from here (`from web.models import Draft`); the submodules import each other only where a
query needs another area's table.
"""
from .drafts import (
    KEEP_LATEST_VERSIONS, TOKEN_BYTES, VERSION_BUDGET_BYTES, Draft, DraftVersion, FrozenDraft, StaleDraft,
    VersionBudgetExceeded, hash_token, new_token, pinned_versions, stored_version_sizes, thin_versions,
)
from .open_petitions import OpenEPetition
from .prints import RECORD_EVERY, PrintRun
from .sponsors import MAX_ANSWERS_KEPT, SponsorChoice, SponsorResponse, TimelineDates

__all__ = [
    "KEEP_LATEST_VERSIONS", "TOKEN_BYTES", "VERSION_BUDGET_BYTES", "Draft", "DraftVersion", "FrozenDraft", "StaleDraft",
    "VersionBudgetExceeded", "hash_token", "new_token", "pinned_versions", "stored_version_sizes", "thin_versions",
    "MAX_ANSWERS_KEPT", "SponsorChoice", "SponsorResponse", "TimelineDates",
    "RECORD_EVERY", "PrintRun", "OpenEPetition",
]
