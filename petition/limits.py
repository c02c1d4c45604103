"""Every number the House's rules set, in one place (petition-rules.md section 3)."""

from .catalogue import N_

E_PETITION_WORD_LIMIT = 250          # R-LEN-1: grievances + prayer
WORD_LIMIT_WARN_AT = 240             # R-LEN-1 says the House's tokeniser is unknown: keep a margin
MIN_PAPER_SIGNATURES = 25            # R-SIG-1
ADVISED_PAPER_SIGNATURES = (30, 35)  # R-SIG-1: some signatures get disqualified
MIN_E_SIGNATURES = 500               # R-EP-11
REQUIRED_SUPPORTERS = 5              # R-EP-5
MAX_SPONSOR_CHOICES = 5              # R-EP-8: Members approached in turn
SPONSOR_DAYS = 30                    # R-EP-8: days a Member has to accept
OPEN_PERIOD_DAYS = (30, 60, 90, 120)  # R-EP-6
GOVERNMENT_RESPONSE_DAYS = 45        # R-RESP-1: calendar days after presentation
MIN_SIGNATURE_ROWS_ON_FIRST_PAGE = 3  # R-PAP-4
MIN_SHEETS, MAX_SHEETS = 1, 200      # what one print run may ask for
SLOGAN_MAX_WORDS = 8                 # a short "...!" line with no request reads as a slogan or title (R-ATT-1, R-STR-1)

# R-PAP-2: from 5.5x8.5 in to 11x17 in; Letter is the safe default.
# CSS sizes are spelled out because WeasyPrint silently gives A4 for 'tabloid'.
# `label` (in a sentence or a menu) and `short` (in a list of sizes) are English msgids: the words are
# translated where they are shown (petition.catalogue), the sizes and names here.
PAPER_SIZES = {
    "letter": {"css": "8.5in 11in", "points": (612.0, 792.0), "label": N_("Letter (8.5 x 11 in)"),
               "short": N_("letter")},
    "legal": {"css": "8.5in 14in", "points": (612.0, 1008.0), "label": N_("Legal (8.5 x 14 in)"),
              "short": N_("legal")},
    "half-letter": {"css": "5.5in 8.5in", "points": (396.0, 612.0), "label": N_("Half-letter (5.5 x 8.5 in)"),
                    "short": N_("half-letter")},
    "tabloid": {"css": "11in 17in", "points": (792.0, 1224.0), "label": N_("Tabloid (11 x 17 in)"),
                "short": N_("tabloid")},
}
DEFAULT_PAPER_SIZE = "letter"
