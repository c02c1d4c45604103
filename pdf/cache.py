"""A bounded, per-process LRU of rendered results keyed by a hash of content and options."""
from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict

import weasyprint


def cache_key(*parts) -> str:
    """sha256 over the WeasyPrint version and JSON-able parts (content, options)."""
    blob = json.dumps([weasyprint.__version__, *parts], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class LRU:
    def __init__(self, max_entries: int):
        self.max_entries = max_entries
        self._data: OrderedDict[str, object] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: str):
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                self.hits += 1
                return self._data[key]
            self.misses += 1
            return None

    def put(self, key: str, value) -> None:
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.max_entries:
                self._data.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._data)
