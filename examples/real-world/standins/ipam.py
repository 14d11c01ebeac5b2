"""Loopback stand-in for the IPAM service of py-vm-ipam-first-free:
GET /api/dev-ipam/subnets/<subnet>/first_free answers {"ipAddress": ...}. Run alone: python3 ipam.py [PORT]."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _base import JsonHandler, serve  # noqa: E402


class Handler(JsonHandler):
    def route(self, method, path):
        m = re.fullmatch(r"/api/dev-ipam/subnets/([^/]+)/first_free", path)
        if method == "GET" and m:
            return 200, {"subnet": m.group(1), "ipAddress": "10.20.0.17"}
        return 404, {"message": "Not Found"}


if __name__ == "__main__":
    serve(Handler, sys.argv)
