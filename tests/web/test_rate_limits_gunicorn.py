"""Per-client limits under gunicorn with 2 workers sharing a real redis-server (RATELIMIT_STORAGE_URI): the
workers count together, so a client gets the limit once, not once per worker."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
import redis

from bench.serving import GunicornServer, WebClient, hidden_fields
from conftest import TEST_DATABASE_URL

PASTED = "Whereas the canal needs repairs; we ask the Government to repair it."


@pytest.mark.skipif(bool(TEST_DATABASE_URL), reason="the server runs on its own SQLite file: the first pass runs it")
def test_two_workers_share_the_count_through_redis(tmp_path, redis_url):
    redis.Redis.from_url(redis_url).flushdb()
    env = {"RATELIMIT_STORAGE_URI": redis_url, "FLASK_RATELIMIT_ENABLED": "true",
           "FLASK_RATELIMIT_NEW_DRAFT": "4 per minute"}
    with GunicornServer(tmp_path, workers=2, env=env) as server:
        clients = [WebClient(server.url) for _ in range(10)]  # one address, ten browser sessions

        def start(client):
            fields = {**hidden_fields(client.get("/").text, "/"), "how": "paste", "kind": "e-petition",
                      "language": "en", "text": PASTED}
            return client.post("/", fields)

        # Four at a time, so both workers take requests.
        with ThreadPoolExecutor(max_workers=4) as pool:
            responses = list(pool.map(start, clients))
    statuses = [response.status_code for response in responses]
    # With a count per worker, up to 8 would get through.
    assert statuses.count(302) == 4 and statuses.count(429) == 6
    refused = next(response for response in responses if response.status_code == 429)
    assert int(refused.headers["Retry-After"]) >= 1
    assert "the canal needs repairs" in refused.text  # the pasted text is on the refused page
