"""Every reason the checker reports, by stable code: the House rule it rests on
(petition-rules.md id), how sure the software is (severity), and what the organizer
should do, in English.

The English is the gettext msgid; the French is in translations/fr/LC_MESSAGES/messages.po
with every other piece of copy, and `petition.rules.message` picks the language.
Placeholders are %(name)s, filled in by the check.

severity: error   = the House would refuse it and the software is sure;
          warning = a person should look (context decides);
          info    = for the record.
"""
from __future__ import annotations

from typing import NamedTuple

from .catalogue import N_


class Code(NamedTuple):
    rule: str
    severity: str
    message: str  # English; the msgid


CODES: dict[str, Code] = {
    # ---- length (R-LEN)
    "over-limit": Code("R-LEN-1", "error", N_(
        "This e-petition has %(counted)s words in its grievances and request; the House accepts at most %(limit)s. Cut at least %(over)s words. The words past the limit start here.")),
    "cut-suggestion": Code("R-LEN-1", "info", N_(
        "To come under %(limit)s words, consider cutting or shortening this clause (%(words)s words): of your clauses, it shares the fewest words with your request. The %(count)s clauses marked this way together bring the petition to %(after)s words.")),
    "near-limit": Code("R-LEN-1", "warning", N_(
        "%(counted)s words by the House's usual count (%(upper)s if every hyphenated word or elision counted twice); the limit is %(limit)s. The House does not publish how it counts, so trim a few words to be safe.")),
    "paper-no-limit": Code("R-LEN-2", "info", N_(
        "Paper petitions have no word limit (%(counted)s words here). The whole text plus at least three signature lines must still fit on the first page.")),
    # ---- paper sheets (R-PAP, R-PRAY-5), measured on the real layout
    "paper-first-page-full": Code("R-PAP-4", "error", N_(
        "On %(size)s paper the text leaves room for %(rows)s of the %(need)s signature rows the first page must hold with the whole text. Shorten the text or choose a larger paper size (%(larger)s).")),
    "paper-first-page-full-largest": Code("R-PAP-4", "error", N_(
        "Even on %(size)s paper, the largest the House accepts, the text leaves room for %(rows)s of the %(need)s signature rows the first page must hold with the whole text. Shorten the text.")),
    "paper-prayer-too-long-to-repeat": Code("R-PRAY-5", "error", N_(
        "On %(size)s paper the addressee line and the prayer, which every continuation sheet must repeat, leave room for %(rows)s of the %(need)s signature rows a sheet should hold. Shorten the prayer or choose a larger paper size (%(larger)s).")),
    "paper-prayer-too-long-to-repeat-largest": Code("R-PRAY-5", "error", N_(
        "Even on %(size)s paper, the largest the House accepts, the addressee line and the prayer, which every continuation sheet must repeat, leave room for %(rows)s of the %(need)s signature rows a sheet should hold. Shorten the prayer.")),
    "paper-fits-larger-size": Code("R-PAP-4", "warning", N_(
        "On %(size)s paper, the usual size, the first page has no room for the whole text and three signature rows; on %(fits)s paper it has. Print on %(fits)s paper, or shorten the text.")),
    # ---- the request (R-PRAY)
    "no-prayer": Code("R-PRAY-1", "error", N_(
        "There is no request. A petition must ask the addressee to do, or stop doing, something specific: write what you call upon them to do.")),
    "prayer-long": Code("R-PRAY-3", "info", N_(
        "The request has %(count)s words. The Clerk looks for a request that is clear, direct and to the point; explanations can go in the grievances.")),
    "many-asks": Code("R-PRAY-3", "info", N_(
        "The request lists %(count)s separate asks. A short, specific request is easier to certify and to answer; consider keeping the most important ones.")),
    "demand-framing": Code("R-PRAY-4", "error", N_(
        'The request is worded as a demand ("%(excerpt)s"). The House certifies only petitions worded as a request: write "We, the undersigned, ... call upon the ... to ..." instead.')),
    "demand-wording": Code("R-PRAY-4", "warning", N_(
        '"%(excerpt)s" reads as a demand put to the addressee. A petition must request, not demand: rephrase it as a request or as a statement of fact.')),
    "ultimatum": Code("R-PRAY-4", "warning", N_(
        '"%(excerpt)s" reads as an ultimatum or a threat. A petition must be a respectful request; remove the condition or the threat.')),
    "demand-imperative": Code("R-PRAY-4", "warning", N_(
        '"%(excerpt)s" opens an order ("Demand ...", "Exigez ..."). A petition requests: put what you want as "We, the undersigned, ... call upon the ... to ...".')),
    "personal-request": Code("R-SUBJ-5", "warning", N_(
        '"%(excerpt)s" asks for something for one person or one family. The House has refused petitions about one individual\'s matter: ask for a measure for everyone in the same situation, and take a single file to your Member of Parliament\'s office.')),
    "addressee-must": Code("R-PRAY-4", "warning", N_(
        '"%(excerpt)s" tells the addressee what it must do, which can read as a demand. Certified petitions use "must" freely about facts; when it is aimed at the addressee, consider asking instead.')),
    # ---- addressee (R-ADDR)
    "addressee-not-allowed": Code("R-ADDR-1", "error", N_(
        'A petition to the House of Commons can only be addressed to the House of Commons, the Government of Canada, a Minister of the Crown or a Member of Parliament. "%(excerpt)s" is none of these.')),
    "addressee-department": Code("R-ADDR-1", "warning", N_(
        '"%(excerpt)s" is a department or agency, not one of the four addressees the House allows (the House of Commons, the Government of Canada, a Minister of the Crown, a Member of Parliament). Address the Minister responsible for it.')),
    "addressee-unknown": Code("R-ADDR-1", "warning", N_(
        'We could not tell whether "%(excerpt)s" is one of the four allowed addressees (the House of Commons, the Government of Canada, a Minister of the Crown, a Member of Parliament). Name one of them.')),
    "addressee-missing": Code("R-ADDR-1", "error", N_(
        "The petition names no addressee. Address it to the House of Commons, the Government of Canada, a Minister of the Crown or a Member of Parliament.")),
    "minister-untitled": Code("R-ADDR-1", "warning", N_(
        'Say which Minister: give the portfolio, for example "the Minister of Health".')),
    "member-incomplete": Code("R-ADDR-1", "warning", N_(
        'Name the Member of Parliament and the riding they represent, for example "Jane Doe, Member of Parliament for Ottawa Centre".')),
    "addressee-mismatch": Code("R-ADDR-1", "warning", N_(
        "The heading is addressed to %(heading)s, but the request calls upon %(prayer)s. The House has certified such petitions, but using the same addressee in both avoids questions.")),
    "several-addressees": Code("R-ADDR-2", "warning", N_(
        '"%(excerpt)s" names more than one addressee. The guides disagree on whether that is allowed; addressing one of them is safest.')),
    # ---- subject (R-SUBJ)
    "provincial-municipal": Code("R-SUBJ-1", "warning", N_(
        '"%(excerpt)s" suggests a provincial or municipal matter. The House accepts only subjects within federal authority: make sure the request is something Parliament or the Government of Canada can do.')),
    "provincial-topic": Code("R-SUBJ-1", "warning", N_(
        '"%(excerpt)s" is usually decided by the provinces, so the Clerk may find this is a provincial matter. Ask for something the Government of Canada or Parliament can do (federal law, funding or transfers), or send the petition to your provincial legislature.')),
    "municipal-topic": Code("R-SUBJ-1", "warning", N_(
        '"%(excerpt)s" is usually decided by cities and towns, so the Clerk may find this is a municipal matter. Ask for something the Government of Canada or Parliament can do, or take it to your city council.')),
    "court-matter": Code("R-SUBJ-2", "warning", N_(
        '"%(excerpt)s" suggests a matter before a court or tribunal. A petition may not deal with a case before the courts (sub judice); check that it does not.')),
    "accusation-named-person": Code("R-SUBJ-5", "warning", N_(
        '"%(excerpt)s" puts a name beside an accusation. Strong charges against a named person have been refused, and may be defamatory (R-LANG-4): describe the policy or the facts instead.')),
    "private-person-accused": Code("R-LANG-4", "warning", N_(
        '"%(excerpt)s" names a private person beside an accusation. A petition may carry nothing potentially libellous or defamatory, and a private person cannot answer in the House: leave the name out and describe the problem.')),
    "similar-open-petition": Code("R-SUBJ-4", "warning", N_(
        'This petition is close to the open e-petition %(number)s ("%(title)s"): similarity %(score)s out of 100. The House does not publish an e-petition that is substantially the same as one already open for signature; the Clerk decides. Read the two side by side: if it asks the same thing, consider supporting it instead, or make clear what yours asks that it does not.')),
    "child-details": Code("R-LANG-4", "warning", N_(
        "\"%(excerpt)s\" puts a person's name beside a child's age or circumstances. A petition may not carry information protected by a court order, such as the identity of children in custody disputes: leave the name out.")),
    # ---- language and tone (R-LANG)
    "unparliamentary": Code("R-LANG-1", "warning", N_(
        '"%(excerpt)s" has been ruled unparliamentary in the House. Context decides, but the Clerk may refuse disrespectful language: say what happened in neutral words.')),
    "intemperate": Code("R-LANG-1", "warning", N_(
        '"%(excerpt)s" is heated wording. A petition must be temperate; strong criticism is allowed, but a sponsor or the Clerk may ask you to state the facts more calmly.')),
    "profanity": Code("R-LANG-1", "warning", N_(
        '"%(excerpt)s" is improper language for a petition. Replace it with a neutral word.')),
    "shouting-caps": Code("R-LANG-1", "warning", N_(
        '"%(excerpt)s" is written in capitals, which reads as shouting. A petition must be temperate: use ordinary capitalization.')),
    "shouting-exclamation": Code("R-LANG-1", "warning", N_(
        'Repeated exclamation marks ("%(excerpt)s") read as shouting. A petition must be temperate: end the sentence with a full stop.')),
    "charge-against-authority": Code("R-LANG-2", "warning", N_(
        "\"%(excerpt)s\" may read as a charge against Parliament, the courts, the Crown or another constituted authority, which a petition may not make. Criticize the policy, not the institution's character.")),
    "charge-against-government": Code("R-LANG-1", "warning", N_(
        '"%(excerpt)s" charges the government or its ministers with wrongdoing. Criticism of the government and its policies is allowed and has been certified, but a charge against its honesty or character may be refused: criticize the decision, not the people.')),
    "charge-wording": Code("R-LANG-1", "warning", N_(
        '"%(excerpt)s" charges someone with a crime or wrongdoing. A petition must be temperate: say what happened (the decision, the law, the figures) in neutral words, so a sponsor and the Clerk can accept it.')),
    "not-english-or-french": Code("R-LANG-3", "error", N_(
        "The text is not in English or French. The House accepts petitions in English, French or both.")),
    "language-unclear": Code("R-LANG-3", "warning", N_(
        "We could not tell whether this text is in English or French. The House accepts petitions in English, French or both; check the wording.")),
    "formula-language-mismatch": Code("R-LANG-3", "warning", N_(
        "Your grievances and request are in %(words)s, but the petition's fixed wording (\"Petition to ...\", \"We, the undersigned ...\") is set to %(formula)s, so the published sentence would mix the two. Set the petition's language to %(words)s, or write your text in %(formula)s.")),
    "petitioners-other-language": Code("R-LANG-3", "warning", N_(
        "\"%(excerpt)s\" is the usual description of the petitioners in the other language, but the petition's fixed wording is in %(formula)s: the published sentence would mix the two. Use the same description in %(formula)s.")),
    "addressee-other-language": Code("R-LANG-3", "warning", N_(
        "The Minister's title \"%(excerpt)s\" is in the other language, but the petition's fixed wording is in %(formula)s: the heading would mix the two. Write the title in %(formula)s.")),
    "other-script": Code("R-LANG-3", "warning", N_(
        '"%(excerpt)s" is not in English or French. The petition must be in English, French or both: translate it or leave it out.')),
    # ---- links, contacts, attachments (R-URL, R-CONTACT, R-ATT)
    "url": Code("R-URL-1", "error", N_(
        '"%(excerpt)s" is a web address. An e-petition may contain no URLs, links or other web-based references: remove it.')),
    "web-reference": Code("R-URL-1", "warning", N_(
        '"%(excerpt)s" looks like a web reference (a site, an @handle or a #hashtag). An e-petition may contain no web-based references: remove it unless it is not one.')),
    "url-on-paper": Code("R-URL-2", "warning", N_(
        '"%(excerpt)s" is a web reference. Paper petitions may carry no explanatory material or requests for support, and a web address is treated the same way: remove it.')),
    "email": Code("R-CONTACT-1", "warning", N_(
        '"%(excerpt)s" is an e-mail address. Contact details belong in the account or signature fields, never in the petition text; e-mail addresses may also count as web references.')),
    "phone": Code("R-CONTACT-1", "warning", N_(
        '"%(excerpt)s" looks like a phone number. Contact details belong in the account or signature fields, never in the petition text.')),
    "postal-code": Code("R-CONTACT-1", "warning", N_(
        '"%(excerpt)s" looks like a postal code. Personal details belong in the account or signature fields, never in the petition text.')),
    "support-request": Code("R-ATT-1", "error", N_(
        '"%(excerpt)s" asks readers for support. A petition may carry no requests for support: keep that for your campaign page, not the petition.')),
    "support-cue": Code("R-ATT-1", "warning", N_(
        '"%(excerpt)s" may be a request for support or promotional matter, which a petition may not carry. Remove it unless it is part of what you ask the addressee to do.')),
    "attachment-reference": Code("R-ATT-1", "warning", N_(
        '"%(excerpt)s" refers to an attachment, appendix or note. A petition may carry no attachments, appendices, footnotes or explanatory statements: keep everything in the grievances and the request.')),
    # ---- plain text
    "control-characters": Code("R-TEXT-1", "warning", N_(
        "The text contains %(count)s invisible control or direction characters (first at this spot). They do not survive the House's form and can change how the text reads: they will be removed when printing; retype the passage if it looks wrong.")),
    "title-as-grievance": Code("R-STR-1", "warning", N_(
        "\"%(excerpt)s\" reads like a title or a slogan, not a reason for the request. The House's format has no title: remove it, or state the fact behind it.")),
    # ---- what the converter left out
    "removed": Code("R-ATT-1", "info", N_(
        'Left out of the petition: "%(excerpt)s" (%(reason)s).')),
}

# Rules the catalogue cites that petition-rules.md does not define.
PROJECT_RULES: dict[str, str] = {
    "R-TEXT-1": N_(
        "Project rule, not a House rule: the petition is plain printable text (no control or text-direction characters)."),
}
