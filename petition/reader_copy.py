"""What the reader says about a draft it read, by stable code: notes (what it assumed or
proposed) and why a fragment was left out of the petition.

The English is the gettext msgid; the French is in translations/fr/LC_MESSAGES/messages.po.
Placeholders are %(name)s, filled in by the reader.
"""
from __future__ import annotations

from .catalogue import N_

NOTES: dict[str, str] = {
    "demand-reworded": N_(
        "“%(said)s” is a demand; the proposal asks instead (R-PRAY-4)."),
    "request-reworded": N_(
        "“%(said)s” is put in the House's form: “call upon ... to ...”."),
    "request-without-action": N_(
        "“%(said)s” says who is asked but not what they should do."),
    "no-request-freeform": N_(
        "No request found: nothing in the draft asks the Government of Canada, the House of Commons, a Minister or an MP to do something, so the prayer is left empty for you to write (R-PRAY-1)."),
    "french-demand-that": N_(
        "“%(said)s” demands rather than asks (R-PRAY-4), and its action cannot be carried over as it is. Write the request as “demandons au/à la … de <infinitive> …”, for example “de plafonner les loyers”."),
    "closest-sentence": N_(
        "The closest sentence is: “%(sentence)s”"),
    "addressee-from-mention": N_(
        "No one is asked to act; the draft mentions “%(mention)s”, so that is the proposed addressee."),
    "no-addressee-freeform": N_(
        "The draft names no addressee; the Government of Canada is proposed."),
    "request-wording-house": N_(
        "The request is worded “%(said)s ...”; the House's form is “call upon <addressee> to <action>” (“demandons <destinataire> de <mesure>”), so the prayer may need rewording."),
    "no-request-house": N_(
        "No request found: the text never asks its addressee to act ('call upon ... to ...' / 'demandons ... de ...')."),
    "heading-and-request-differ": N_(
        "The heading names %(heading)s but the request calls upon %(prayer)s; the House form uses the one asked to act in both places."),
    "no-addressee-house": N_(
        "No addressee found; the Government of Canada is assumed."),
    "language-chosen-differs": N_(
        "Your draft reads as %(draft)s, but you chose %(chosen)s: the House's fixed wording will be in %(chosen)s."),
}

REMOVED: dict[str, str] = {
    "greeting": N_(
        "A letter's greeting is not part of the House's form; the addressee goes in the heading."),
    "title": N_(
        "The House's format has no title."),
    "links": N_(
        "A petition may contain no links, e-mail addresses, hashtags or @handles."),
    "campaign": N_(
        "A request for support or a campaign banner cannot appear on a petition."),
    "slogan": N_(
        "A slogan is neither a grievance nor a request."),
    "above-heading": N_(
        "The House's format starts with the heading; what is above it is left out."),
    "after-prayer": N_(
        "Text after the prayer is not part of the House's form."),
}
