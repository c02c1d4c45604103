"""Rendered results shared by every worker process: content-addressed files in one folder.

gunicorn runs several processes; a cache in one process's memory is hit one time in N.
Files are shared by all of them and survive a restart. Each entry is one file named by
its key (a sha256 of everything the result depends on), so an entry is never updated,
only written whole, and a reader sees either nothing or the complete bytes: writes go
to a temporary file in the same folder, then `os.replace` (atomic on POSIX).

The folder is bounded: each process adds up what it writes, and when that passes a
sixteenth of the budget, or its view of the total passes the budget, it walks the
folder and deletes the least recently used entries (a hit touches the file's mtime)
down to 90 % of the budget. With N processes the folder can briefly hold about
(1 + N / 16) times the budget.
"""
from __future__ import annotations

import os
import tempfile
import threading
import time
from pathlib import Path

_TMP_PREFIX = ".tmp-"
# A temporary file this old belongs to a writer that died mid-write.
_STALE_TMP_SECONDS = 3600


class FileStore:
    def __init__(self, root: str | os.PathLike, max_bytes: int):
        self.root = Path(root)
        self.max_bytes = max(int(max_bytes), 0)
        self._lock = threading.Lock()
        self._total: int | None = None  # this process's view of the folder's size (None: not walked yet)
        self._written = 0  # bytes this process wrote since it last walked the folder
        self.hits = self.misses = 0

    def _path(self, key: str) -> Path:
        if len(key) < 3 or not key.isalnum():
            raise ValueError(f"not a content key: {key!r}")
        return self.root / key[:2] / key

    def get(self, key: str) -> bytes | None:
        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:  # absent, or evicted by another process a moment ago
            self.misses += 1
            return None
        try:
            os.utime(path)  # recently used: evicted last
        except OSError:
            pass
        self.hits += 1
        return data

    def put(self, key: str, data: bytes) -> None:
        """Store `data` under `key`; a full or read-only disk only costs the cache, never the request."""
        if len(data) > self.max_bytes // 4:
            return  # one entry may not push out most of the others
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=_TMP_PREFIX, dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(data)
                os.replace(tmp, path)
            except BaseException:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
                raise
        except OSError:
            return
        with self._lock:
            self._written += len(data)
            if self._total is not None:
                self._total += len(data)
            due = (self._total is None or self._total > self.max_bytes
                   or self._written > self.max_bytes // 16)
        if due:
            self.evict()

    def _entries(self) -> list[tuple[float, int, Path]]:
        """(last use, size, path) of every entry; stale temporary files are deleted on the way."""
        entries = []
        now = time.time()
        try:
            folders = list(os.scandir(self.root))
        except OSError:
            return entries
        for folder in folders:
            if not folder.is_dir(follow_symlinks=False):
                continue
            try:
                files = list(os.scandir(folder.path))
            except OSError:
                continue
            for entry in files:
                try:
                    stat = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                if entry.name.startswith(_TMP_PREFIX):
                    if now - stat.st_mtime > _STALE_TMP_SECONDS:
                        _unlink(entry.path)
                    continue
                entries.append((stat.st_mtime, stat.st_size, Path(entry.path)))
        return entries

    def evict(self) -> None:
        """Delete the least recently used entries until the folder is within 90 % of its budget."""
        entries = self._entries()
        total = sum(size for _, size, _ in entries)
        if total > self.max_bytes:
            target = self.max_bytes * 9 // 10
            for _, size, path in sorted(entries, key=lambda e: e[0]):
                if total <= target:
                    break
                if _unlink(path):
                    total -= size
        with self._lock:
            self._total, self._written = total, 0

    def size(self) -> int:
        """Bytes the entries take now (walks the folder)."""
        return sum(size for _, size, _ in self._entries())

    def clear(self) -> None:
        for _, _, path in self._entries():
            _unlink(path)
        with self._lock:
            self._total, self._written = 0, 0
            self.hits = self.misses = 0


def _unlink(path) -> bool:
    try:
        os.unlink(path)
        return True
    except OSError:
        return False
