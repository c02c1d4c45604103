"""A Member's office answers through the review link, sees the answer it sent, changes it, and is told when the
petition changed since (issue 12, part 4). The live server runs with CSRF on, as in production."""
from __future__ import annotations

from playwright.sync_api import Page, expect

from petition.model import Addressee, Petition
from web.db import get_session
from web.models import Draft

from .test_accessibility import assert_accessible


def new_draft(live_server) -> tuple[str, str]:
    petition = Petition(kind="e-petition", language="en", addressee=Addressee(kind="government"),
                        grievances=["The Rideau Canal is a UNESCO World Heritage Site"],
                        prayer="protect the Rideau Canal's heritage status")
    with live_server.app.app_context():
        session = get_session()
        draft, token = Draft.create(session, petition)
        session.commit()
        return token, draft.review_token


def edit_draft(live_server, token: str) -> None:
    with live_server.app.app_context():
        session = get_session()
        draft = Draft.by_edit_token(session, token)
        petition = draft.petition
        petition.grievances.append("The Canal was listed in 2007")
        draft.save(session, petition, draft.version)
        session.commit()


def test_a_sponsor_answers_sees_the_answer_then_changes_it(page: Page, live_server):
    token, review = new_draft(live_server)
    page.goto(f"/r/{review}")
    sent = page.locator("#answer-sent")
    expect(sent).to_have_count(0)

    page.get_by_label("Needs changes").check()
    page.get_by_label("Comment for the organizer").fill("Please cite the year of the UNESCO listing.")
    page.get_by_label("Your name or office (optional)").fill("Office of D. Whitfield")
    page.get_by_role("button", name="Send your answer").click()

    expect(page.locator(".flashes")).to_contain_text("Thank you: your answer was sent to the organizer.")
    expect(sent.get_by_role("heading", name="The answer sent through this link")).to_be_visible()
    expect(sent).to_contain_text("Needs changes, from Office of D. Whitfield")
    expect(sent).to_contain_text("About version 1, sent on")
    expect(sent).to_contain_text("Please cite the year of the UNESCO listing.")
    # The form starts from what was sent.
    expect(page.get_by_label("Needs changes")).to_be_checked()
    expect(page.get_by_label("Comment for the organizer")).to_have_value("Please cite the year of the UNESCO listing.")
    assert_accessible(page, "sponsor's review link with the answer sent")

    page.get_by_label("Ready to sponsor or present").check()
    page.get_by_label("Comment for the organizer").fill("")
    page.get_by_role("button", name="Send your answer").click()

    expect(page.locator(".flashes")).to_contain_text(
        "Your answer about version 1 is changed: the organizer now sees this one.")
    expect(sent).to_contain_text("Ready to sponsor or present, from Office of D. Whitfield")
    expect(sent).not_to_contain_text("Needs changes")
    expect(sent).not_to_contain_text("UNESCO")
    expect(page.get_by_label("Ready to sponsor or present")).to_be_checked()

    # The organizer sees the one answer, changed.
    page.goto(f"/d/{token}/sponsors")
    answers = page.locator(".sponsor-responses .response")
    expect(answers).to_have_count(1)
    expect(answers.first).to_contain_text("Ready to sponsor or present")

    # The organizer changes the petition: the office's page says its answer is about an older text.
    edit_draft(live_server, token)
    page.goto(f"/r/{review}")
    expect(sent).to_contain_text("This answer is about version 1. The petition has changed since: it is now "
                                 "version 2, shown on this page.")
    expect(page.get_by_label("Ready to sponsor or present")).not_to_be_checked()
    assert_accessible(page, "sponsor's review link with an answer about an older version")
    page.get_by_label("Ready to sponsor or present").check()
    page.get_by_role("button", name="Send your answer").click()
    expect(page.locator(".flashes")).to_contain_text("Thank you: your answer was sent to the organizer.")
    expect(sent).to_contain_text("About version 2, sent on")
    expect(sent).not_to_contain_text("has changed since")
    assert live_server.exceptions == []


def test_the_answer_sent_in_french(page: Page, live_server):
    _, review = new_draft(live_server)
    page.goto(f"/r/{review}")
    page.get_by_role("button", name="Français").click()  # the switch carries the answer form: nothing typed yet
    page.get_by_label("Des modifications sont nécessaires").check()
    page.get_by_label("Commentaire pour l’organisateur ou l’organisatrice").fill("Citez l’année de l’inscription.")
    page.get_by_role("button", name="Envoyer votre réponse").click()
    sent = page.locator("#answer-sent")
    expect(sent.get_by_role("heading", name="La réponse envoyée par ce lien")).to_be_visible()
    expect(sent).to_contain_text("Sur la version 1, envoyée le")
    expect(sent).to_contain_text("Citez l’année de l’inscription.")
    assert_accessible(page, "French review link with the answer sent")
