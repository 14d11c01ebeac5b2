# The payload mix of the `sdks` benchmark section (SdkEmissionSection) through one `kestra` module on CPython:
# PyPI kestra from the interpreter's site-packages, or this project's native SDK when its source folder is given.
# Per round, five lines: outputs with six keys (int, float, string, bool, list, null), then a counter, a timer and a
# gauge with tags, then one log message through Kestra.logger().
# Usage: python emit_mix.py ROUNDS [SDK_SRC] > file; prints lines per second of the loop (wall clock, and CPU time of
# the process) to stderr.
import sys
import time

rounds = int(sys.argv[1])
if len(sys.argv) > 2:
    sys.path.insert(0, sys.argv[2])

from kestra import Kestra  # noqa: E402

LINES_PER_ROUND = 5
logger = Kestra.logger()
start = time.perf_counter()
cpu = time.process_time()
for i in range(rounds):
    Kestra.outputs({"rows": i, "ratio": i / 8, "file": "orders.csv", "ok": True, "parts": ["a", "b"], "missing": None})
    Kestra.counter("rows", i, {"file": "orders.csv"})
    Kestra.timer("load", i / 1000, {"file": "orders.csv", "stage": "load"})
    Kestra.gauge("queue", i % 17, {"host": "worker-1"})
    logger.info("loaded orders.csv")
sys.stdout.flush()
elapsed = time.perf_counter() - start
cpu = time.process_time() - cpu
print(f"lines_per_second={LINES_PER_ROUND * rounds / elapsed} cpu_lines_per_second={LINES_PER_ROUND * rounds / cpu}",
      file=sys.stderr)
