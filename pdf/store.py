"""Rendered results shared by every worker process: content-addressed files in one folder.

gunicorn runs several processes; a cache in one process's memory is hit one time in N.
Files are shared by all of them and survive a restart. Each entry is one file named by
its key (a sha256 of everything the result depends on), so an entry is never updated,
only written whole, and a reader sees either nothing or the complete bytes: writes go
to a temporary file in the same folder, then `os.replace` (atomic on POSIX).

The folder never passes its budget, whatever the number of processes writing to it. Writers take turns (an
exclusive `flock` on `.lock` in the folder; writes are rare, each follows a render of 100 ms or more) and keep
the folder's size in `.size` beside it: a writer whose entry would take the folder past the budget first
deletes the least recently used entries (a hit touches the file's mtime) down to 90 % of the budget less
what it is about to write, counting them again on the way. Readers never wait. A `.size` that is missing or
unreadable (the folder was deleted, or a writer died mid-write) is counted again from the files.
"""
from __future__ import annotations

import fcntl
import os
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

_TMP_PREFIX = ".tmp-"
_LOCK = ".lock"  # writers take turns on it
_SIZE = ".size"  # the entries' total, in bytes, as the last writer left it
# A temporary file this old belongs to a writer that died mid-write.
_STALE_TMP_SECONDS = 3600


class FileStore:
    def __init__(self, root: str | os.PathLike, max_bytes: int):
        self.root = Path(root)
        self.max_bytes = max(int(max_bytes), 0)
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
            self.root.mkdir(parents=True, exist_ok=True)
            with self._turn():
                if path.exists():  # content-addressed: another process stored these very bytes
                    os.utime(path)
                    return
                total = self._read_total()
                if total is None:
                    total = self._count()
                if total + len(data) > self.max_bytes:
                    total = self._evict(self.max_bytes * 9 // 10 - len(data))
                # No count while the entry is written: a writer dying now leaves the next one to count the files
                # again, rather than a stale number that would let the folder pass its budget.
                _unlink(self.root / _SIZE)
                path.parent.mkdir(exist_ok=True)
                fd, tmp = tempfile.mkstemp(prefix=_TMP_PREFIX, dir=path.parent)
                try:
                    with os.fdopen(fd, "wb") as out:
                        out.write(data)
                    os.replace(tmp, path)
                except BaseException:
                    _unlink(tmp)
                    raise
                self._write_total(total + len(data))
        except OSError:
            return

    @contextmanager
    def _turn(self):
        """Only one writer at a time, across processes (and threads: each opens the lock file anew)."""
        with open(self.root / _LOCK, "a+b") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _read_total(self) -> int | None:
        try:
            return int((self.root / _SIZE).read_text(encoding="ascii"))
        except (OSError, ValueError):
            return None

    def _write_total(self, total: int) -> None:
        fd, tmp = tempfile.mkstemp(prefix=_TMP_PREFIX, dir=self.root)
        with os.fdopen(fd, "w", encoding="ascii") as out:
            out.write(str(total))
        os.replace(tmp, self.root / _SIZE)

    def _count(self) -> int:
        return sum(size for _, size, _ in self._entries())

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
                if folder.name.startswith(_TMP_PREFIX):
                    _remove_if_stale(folder, now)
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

    def _evict(self, target: int) -> int:
        """Counts the entries and deletes the least recently used until they take at most `target` bytes;
        returns the bytes left. Call it in a turn."""
        entries = self._entries()
        total = sum(size for _, size, _ in entries)
        for _, size, path in sorted(entries, key=lambda e: e[0]):
            if total <= max(target, 0):
                break
            if _unlink(path):
                total -= size
        return total

    def evict(self) -> None:
        """Counts the folder again (deleting temporary files left by dead writers) and, past the budget, deletes
        the least recently used entries down to 90 % of it."""
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            with self._turn():
                total = self._count()
                if total > self.max_bytes:
                    total = self._evict(self.max_bytes * 9 // 10)
                self._write_total(total)
        except OSError:
            return

    def size(self) -> int:
        """Bytes the entries take now (walks the folder)."""
        return self._count()

    def clear(self) -> None:
        try:
            with self._turn():
                for _, _, path in self._entries():
                    _unlink(path)
                _unlink(self.root / _SIZE)
        except OSError:
            pass
        self.hits = self.misses = 0


def _remove_if_stale(entry, now: float) -> None:
    try:
        if now - entry.stat(follow_symlinks=False).st_mtime > _STALE_TMP_SECONDS:
            _unlink(entry.path)
    except OSError:
        pass


def _unlink(path) -> bool:
    try:
        os.unlink(path)
        return True
    except OSError:
        return False
