"""The only way WeasyPrint may load anything: files under static/pdf/, nothing else.

WeasyPrint's default fetcher follows file://, http(s)://, ftp:// and data: URLs
and attaches whatever `<link rel=attachment>` names (stack-notes 1.6: it embedded
/etc/passwd and called 169.254.169.254). Petition text is autoescaped, so this is
defence in depth: even markup that slipped through reaches nobody.
"""
from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher, URLFetcherResponse

STATIC_ROOT = (Path(__file__).resolve().parent.parent / "static" / "pdf").resolve()


class BlockedURL(ValueError):
    """WeasyPrint logs a failed fetch and skips the resource; the PDF still renders."""


class LockedFetcher(URLFetcher):
    def __init__(self, root: Path = STATIC_ROOT):
        # No protocol at all through urllib: every URL is answered or refused below.
        super().__init__(allowed_protocols=set(), allow_redirects=False, timeout=1)
        self.root = Path(root).resolve()

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme.lower() == "file" and parts.netloc in ("", "localhost"):
            path = Path(unquote(parts.path)).resolve()
            if path.is_relative_to(self.root) and path.is_file():
                ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": ctype})
        raise BlockedURL(f"blocked URL: {url[:200]}")
