import json
from kestra import Kestra

body = json.loads("""{{ outputs.read_google_sheets.body }}""")
rows = body.get("values", [])
# Skip header row; keep only rows with a valid email in column A
emails = [row[0] for row in rows[1:] if row and "@" in row[0]]
Kestra.outputs({"emails": json.dumps(emails)})
