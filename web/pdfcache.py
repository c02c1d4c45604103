"""The folder every worker process shares for PDFs and measured paper fits (pdf.store).

gunicorn runs several processes. A PDF or a fit check one of them made is read back by
all of them, from content-addressed files under the instance folder, instead of being
laid out again on each (a repeated PDF from any worker is a file read).

Settings (FLASK_ prefix in the environment):
- `PDF_CACHE_DIR`: the folder; default `instance/pdf-cache`. Under TESTING, each app gets
  its own temporary folder unless one is given, so no test sees another's results.
- `PDF_CACHE_MAX_MB`: its size budget in MB (default 256; 0 turns the shared cache off,
  leaving each process its small in-memory cache).
"""
from __future__ import annotations

import os
import shutil
import tempfile
import weakref

from flask import Flask, current_app

from pdf.store import FileStore

DEFAULT_MAX_MB = 256
_EXTENSION = "pdf_store"


def init_app(app: Flask) -> None:
    app.config.setdefault("PDF_CACHE_MAX_MB", DEFAULT_MAX_MB)
    max_mb = float(app.config["PDF_CACHE_MAX_MB"])
    folder = app.config.get("PDF_CACHE_DIR")
    if not folder and app.config.get("TESTING"):
        folder = tempfile.mkdtemp(prefix="pdf-cache-")
        weakref.finalize(app, shutil.rmtree, folder, True)
    folder = folder or os.path.join(app.instance_path, "pdf-cache")
    app.config["PDF_CACHE_DIR"] = folder
    app.extensions[_EXTENSION] = FileStore(folder, int(max_mb * 1024 * 1024)) if max_mb > 0 else None


def pdf_store() -> FileStore | None:
    """The current app's shared folder, or None when PDF_CACHE_MAX_MB is 0."""
    return current_app.extensions.get(_EXTENSION)
