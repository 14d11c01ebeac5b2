"""Shared plumbing of the loopback stand-ins: JSON answers, no logging to the console."""
import http.server
import json


class JsonHandler(http.server.BaseHTTPRequestHandler):
    routes = {}  # (method, path) -> (status, body as a JSON value); subclasses fill it

    def log_message(self, *args):
        pass

    def answer(self, method):
        length = int(self.headers.get("Content-Length") or 0)
        self.request_body = self.rfile.read(length) if length else b""
        status, body = self.route(method, self.path)
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def route(self, method, path):
        return self.routes.get((method, path), (404, {"message": "Not Found"}))

    def do_GET(self):
        self.answer("GET")

    def do_POST(self):
        self.answer("POST")


def serve(handler, argv):
    port = int(argv[1]) if len(argv) > 1 else 0
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    print(f"listening on http://127.0.0.1:{server.server_address[1]}", flush=True)
    server.serve_forever()
