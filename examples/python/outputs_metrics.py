# The Python script of Kestra's "Outputs and Metrics" page, unchanged but for the module list: the page
# times pandas, requests and faker, which are not installed here; these modules ship with GraalPy.
# `{{inputs.attempts}}` is rendered before the script runs, as Kestra does:
#   ./kestra-sdk run examples/python/outputs_metrics.py --input attempts=10
import timeit
from kestra import Kestra

attempts = {{inputs.attempts}}
modules = ['json', 'csv', 'random', 'decimal', 'kestra', 'statistics']
results = {}

for module in modules:
    time_taken = timeit.timeit(f'import {module}', number=attempts)
    results[module] = time_taken
    Kestra.timer(module, time_taken, tags=dict(nr_attempts=attempts))

Kestra.outputs(results)
