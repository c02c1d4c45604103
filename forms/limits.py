"""How much each drafting field may hold. Far above what a good petition needs,
low enough that a form submission stays well under MAX_CONTENT_LENGTH."""

MAX_PASTE_CHARS = 20_000
MAX_CLAUSE_CHARS = 1_000
MAX_CLAUSES = 30
MAX_PRAYER_CHARS = 2_000
MAX_PETITIONERS_CHARS = 300
MAX_ADDRESSEE_FIELD_CHARS = 200
