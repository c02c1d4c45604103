"""What a gunicorn server makes before its first request (gunicorn.conf.py's hooks), so that no request pays for
a worker's start. On a fresh worker the first check compiled the lexicons' 750 phrase patterns (about 1 s of
CPU), and the first PDF imported the PDF modules and built the renderer's fonts, stylesheets and templates
(50 to 100 ms, for a repeated PDF that is otherwise a file read of a few ms).

- `before_fork(app)` runs once in the master, whose memory every worker starts from: the engine's compiled
  patterns and lexicons (by checking a short draft per language in each kind), the PDF modules, the database
  mappers and the pages' templates.
- `in_worker(app)` runs in each worker as it starts: the PDF renderer (fontconfig and pango state cannot cross a
  fork, so pdf.renderer builds it per process) and the worker's first database connection.

Neither may stop a server from starting: a failure is logged and the request that needs the thing pays for it.
"""
from __future__ import annotations

import logging

log = logging.getLogger(__name__)

# One short draft per language: enough to reach every check and the reader's paths for that language.
DRAFTS = {
    "en": "Petition to the House of Commons\nWhereas:\nRents in our city rose 40% in five years;\nWe, the "
          "undersigned, citizens and residents of Canada, call upon the House of Commons to cap rent increases.",
    "fr": "Pétition à la Chambre des communes\nAttendu que :\nles loyers ont augmenté de 40 % en cinq ans;\nNous, "
          "soussignés, citoyens et résidents du Canada, prions la Chambre des communes de plafonner les loyers.",
}


def before_fork(app) -> None:
    try:
        from sqlalchemy.orm import configure_mappers

        import pdf.paper  # noqa: F401 - imported by the first download otherwise
        import pdf.review  # noqa: F401
        from petition.analysis import analyze_text
        from petition.model import KINDS

        for language, text in DRAFTS.items():
            for kind in KINDS:
                analyze_text(text, kind=kind, language=language)
        configure_mappers()
        env = app.jinja_env
        for name in env.list_templates(filter_func=lambda name: name.endswith(".html")):
            env.get_template(name)
    except Exception:  # noqa: BLE001 - a warm-up must never stop the server
        log.exception("warm-up before forking the workers failed; the first requests will be slower")


def in_worker(app) -> None:
    try:
        from sqlalchemy import select

        from pdf.renderer import warm

        from .db import engine
        from .models import Draft

        warm()
        with app.app_context(), engine().connect() as connection:
            connection.execute(select(Draft.id).limit(1)).all()
    except Exception:  # noqa: BLE001 - a database down at start-up is the health check's to report
        log.warning("warm-up in the worker failed; its first requests will be slower", exc_info=True)
