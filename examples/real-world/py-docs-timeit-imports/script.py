import timeit
from kestra import Kestra

attempts = {{inputs.attempts}}
modules = ['pandas', 'requests', 'kestra', 'faker', 'csv', 'random']
results = {}

for module in modules:
    time_taken = timeit.timeit(f'import {module}', number=attempts)
    results[module] = time_taken
    Kestra.timer(module, time_taken, tags=dict(nr_attempts=attempts))

Kestra.outputs(results)
