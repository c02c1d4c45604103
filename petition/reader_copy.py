"""What the reader says about a draft it read, by stable code: notes (what it assumed or
proposed), why a fragment was left out of the petition, and what the House's fixed
wording stands for (printed in the House's words, not lost).

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
    "ask-from-title": N_(
        "No sentence of the draft asks anyone to act; the request is taken from its title or heading, “%(said)s”. Check that it says what you ask, and who should do it."),
    "ask-inferred": N_(
        "The request is proposed from “%(said)s”, which does not ask anyone in so many words. Check that it says what you ask, and who should do it."),
    "ask-verb-added": N_(
        "“%(said)s” names what you want but not the action: the proposal asks to “%(verb)s” it. Choose the verb that says what should be done."),
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
    "unwrapped-html": N_(
        "Read as a web page (HTML): its tags were taken out and its text read."),
    "unwrapped-markdown": N_(
        "Read as Markdown: its headings, bold and link marks were taken out."),
    "unwrapped-word": N_(
        "Word's bullet symbols were read as list items."),
    "unwrapped-email": N_(
        "Read as an e-mail: its headers, greeting, quoted reply and sign-off are left out (listed below)."),
    "unwrapped-pdf": N_(
        "Read as a copy from a PDF: lines broken by the page and words hyphenated at a line's end were joined, and page headers and footers left out."),
    "link-words-check": N_(
        "A link was taken out of “%(said)s”; the words around it stay, so the sentence may read oddly now: check it."),
    "other-version-fr": N_(
        "Your text also holds the petition in French. The English version is read; the French one is listed as left out: keep it for the French version of the petition."),
    "other-version-en": N_(
        "Your text also holds the petition in English. The French version is read; the English one is listed as left out: keep it for the English version of the petition."),
}

REMOVED: dict[str, str] = {
    "greeting": N_(
        "A letter's greeting is not part of the House's form; the addressee goes in the heading."),
    "title": N_(
        "The House's format has no title."),
    "links": N_(
        "A petition may contain no links, e-mail addresses, hashtags or @handles."),
    "contact": N_(
        "Phone numbers, postal codes and other contact details go on the signature lines, never in the petition's text."),
    "campaign": N_(
        "A request for support or a campaign banner cannot appear on a petition."),
    "slogan": N_(
        "A slogan is neither a grievance nor a request."),
    "above-heading": N_(
        "The House's format starts with the heading; what is above it is left out."),
    "unplaced": N_(
        "The reader could not tell which part of the petition this belongs to, so it is left out: put it back where it belongs, or leave it out."),
    "request-lead-in": N_(
        "Words leading into the request are replaced by the House's formula (“We, the undersigned, … call upon … to”); if they say something the petition needs, add it as a grievance."),
    "refers-to-request": N_(
        "This sentence points back at the request (“These …”), which now comes last, so it no longer reads on its own as a grievance: add it back naming what it refers to, or leave it out."),
    "sources": N_(
        "A list of sources or links is not part of a petition: state the facts in the grievances; the sources can go on your campaign page."),
    "email-header": N_(
        "An e-mail's headers (From, Sent, To, Subject) are not part of the petition."),
    "email-quote": N_(
        "A quoted earlier message is not part of the petition."),
    "email-greeting": N_(
        "An e-mail's greeting is not part of the petition."),
    "email-intro": N_(
        "A line introducing the text (“here is the petition”) is not part of the petition."),
    "email-signoff": N_(
        "An e-mail's sign-off and signature are not part of the petition; signatures go on the signature lines."),
    "page-furniture": N_(
        "A page number, header or footer of a copied PDF is not part of the petition."),
    "picture": N_(
        "A petition may carry no pictures or logos."),
    "other-version-fr": N_(
        "The same petition in French: read the French version on its own to make the French petition."),
    "other-version-en": N_(
        "The same petition in English: read the English version on its own to make the English petition."),
    "section-heading": N_(
        "A section heading of a web page or a note (“Why this matters”) is not part of the House's form."),
    "heading-subject": N_(
        "The House's heading names only the addressee; what the petition is about goes in its grievances and request."),
    "after-prayer": N_(
        "Text after the prayer is not part of the House's form."),
}

# What the House's fixed wording stands for: not lost, printed in the House's words.
REPLACED: dict[str, str] = {
    "heading": N_(
        "The heading is printed in the House's own words: “Petition to …”."),
    "formula": N_(
        "Printed in the House's fixed wording (“Whereas:”, “We, the undersigned, … call upon … to …”)."),
    "list-marker": N_(
        "List numbering is set by the House's layout."),
    "petitioners-again": N_(
        "The petitioners are named once, in the House's formula “We, the undersigned, …”."),
    "request-put": N_(
        "Put in the House's form: the request is made of the petition's addressee, “call upon … to …”."),
    "other-addressee": N_(
        "A petition has one addressee: this request is addressed to the one the petition names."),
}
