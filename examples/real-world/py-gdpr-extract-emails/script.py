import json

with open("contacts.ion") as f:
    contacts = [json.loads(line) for line in f if line.strip()]

emails = [c["email"] for c in contacts if c.get("email")]
with open("{{ outputDir }}/emails.txt", "w") as f:
    f.write(",".join(emails))
