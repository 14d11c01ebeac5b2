from kestra import Kestra
import requests

IPAM_BASE_URL = "{{ kv('ipamAddress', errorOnMissing = false) ?? 'localhost' }}/api/dev-ipam"
endpoint = f"subnets/{{inputs.subnet}}/first_free"

response = requests.get(f"{IPAM_BASE_URL}/{endpoint}", verify=False)
print(response.status_code)
ip_address = response.json().get("ipAddress")
Kestra.outputs({'status': response.status_code, 'ipAddress': ip_address})
