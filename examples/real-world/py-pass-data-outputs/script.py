import json
from kestra import Kestra

my_kv_pair = {'mykey': 'from Kestra'}
Kestra.outputs(my_kv_pair)

with open('myoutput.json', 'w') as f:
    json.dump(my_kv_pair, f)
