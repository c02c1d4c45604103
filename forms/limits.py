"""How much each drafting field may hold (far above what a good petition needs), and the
request size limit that follows from them."""

MAX_PASTE_CHARS = 20_000
MAX_CLAUSE_CHARS = 1_000
MAX_CLAUSES = 30
MAX_PRAYER_CHARS = 2_000
MAX_PETITIONERS_CHARS = 300
MAX_ADDRESSEE_FIELD_CHARS = 200

# Percent-encoding (forms) or \u-escaping (JSON) turns one character into at most 12 bytes
# (a 4-byte UTF-8 character: %F0%9F%98%80, or a surrogate pair \ud83d\ude00). The largest valid
# submission, a whole petition with every field full of such characters, must fit under the
# request size limit: otherwise a draft within every field's limit is refused as "too large",
# and a 413 cannot show the typed text again. 16 KB covers field names, tokens and JSON syntax.
_WORST_BYTES_PER_CHAR = 12
_LARGEST_PETITION_CHARS = (MAX_CLAUSES * MAX_CLAUSE_CHARS + MAX_PRAYER_CHARS + MAX_PETITIONERS_CHARS
                           + 3 * MAX_ADDRESSEE_FIELD_CHARS)
MAX_REQUEST_BYTES = -(-(max(_LARGEST_PETITION_CHARS, MAX_PASTE_CHARS) * _WORST_BYTES_PER_CHAR + 16 * 1024)
                      // 1024) * 1024

# The organizer's own details on a draft (the settings step): never part of the petition.
MAX_DRAFT_NAME_CHARS = 120
MAX_ORGANIZER_CONTACT_CHARS = 500
MAX_RETURN_ADDRESS_CHARS = 500
