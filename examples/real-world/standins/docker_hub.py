"""Loopback stand-in for Docker Hub's repository API (GET /v2/repositories/<namespace>/<name>/), as the
corpus's js-docker-pulls-* scripts call it. Run alone: python3 docker_hub.py [PORT]."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _base import JsonHandler, serve  # noqa: E402


class Handler(JsonHandler):
    routes = {
        ("GET", "/v2/repositories/kestra/kestra/"): (200, {
            "user": "kestra", "name": "kestra", "namespace": "kestra", "repository_type": "image",
            "status": 1, "is_private": False, "star_count": 180, "pull_count": 12345678,
            "last_updated": "2026-11-29T10:00:00.000000Z", "date_registered": "2019-07-01T00:00:00.000000Z"}),
    }


if __name__ == "__main__":
    serve(Handler, sys.argv)
