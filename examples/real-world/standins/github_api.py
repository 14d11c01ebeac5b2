"""Loopback stand-in for the GitHub REST API as the corpus calls it: GET / (the API root, as
py-json-from-api reads it) and POST /repos/<owner>/<repo>/issues/<n>/comments (py-github-pr-comment; 201
with the comment, whatever the token). Run alone: python3 github_api.py [PORT]."""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _base import JsonHandler, serve  # noqa: E402

ROOT = {
    "current_user_url": "https://api.github.com/user",
    "emojis_url": "https://api.github.com/emojis",
    "events_url": "https://api.github.com/events",
    "issues_url": "https://api.github.com/issues",
    "rate_limit_url": "https://api.github.com/rate_limit",
    "repository_url": "https://api.github.com/repos/{owner}/{repo}",
    "user_url": "https://api.github.com/users/{user}",
}


class Handler(JsonHandler):
    def route(self, method, path):
        if method == "GET" and path == "/":
            return 200, ROOT
        m = re.fullmatch(r"/repos/([^/]+)/([^/]+)/issues/(\d+)/comments", path)
        if method == "POST" and m:
            body = json.loads(self.request_body or b"{}")
            return 201, {"id": 1, "body": body.get("body", ""), "user": {"login": "kestra-bot"},
                         "issue_url": f"https://api.github.com/repos/{m.group(1)}/{m.group(2)}/issues/{m.group(3)}"}
        return 404, {"message": "Not Found"}


if __name__ == "__main__":
    serve(Handler, sys.argv)
