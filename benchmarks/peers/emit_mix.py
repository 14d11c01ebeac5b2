# The fixed emission mix (benchmarks/src/main/java/dev/kestrasdk/bench/Mix.java) through the upstream PyPI
# `kestra` library on CPython. Usage: python emit_mix.py ROUNDS > file; prints lines/s of the loop to stderr (wall
# clock, and CPU time of the process).
import sys
import time

from kestra import Kestra

rounds = int(sys.argv[1])
start = time.perf_counter()
cpu = time.process_time()
for i in range(rounds):
    Kestra.outputs({"rows": i, "ratio": i / 8, "file": "orders.csv", "ok": True, "parts": ["a", "b"], "missing": None})
    Kestra.counter("rows", i, {"file": "orders.csv"})
sys.stdout.flush()
elapsed = time.perf_counter() - start
cpu = time.process_time() - cpu
print(f"lines_per_second={2 * rounds / elapsed} cpu_lines_per_second={2 * rounds / cpu}", file=sys.stderr)
