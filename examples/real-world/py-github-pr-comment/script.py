import requests
import json

url = "{{ outputs.return.value }}"

headers = {
    'Authorization': 'token {{ secret('GITHUB_ACCESS_TOKEN') }}',
    'Accept': 'application/vnd.github.v3+json'
}
payload = {'body': 'hello from `{{ execution.id }}` in `{{ flow.id }}`'}
response = requests.post(url, headers=headers, json=payload)

if response.status_code == 201:
    print("Comment successfully created.")
else:
    print(f"Failed to create comment: {response.text}")
