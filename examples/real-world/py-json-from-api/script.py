import requests
import json
from kestra import Kestra

response = requests.get("https://api.github.com")
data = response.json()

with open("output.json", "w") as output_file:
    json.dump(data, output_file)

Kestra.outputs({'data': data, 'status': response.status_code})
