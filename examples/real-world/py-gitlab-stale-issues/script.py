import json, datetime, sys

with open("issues.json") as f:
    issues = json.load(f)

cutoff = datetime.datetime.now(datetime.UTC) - datetime.timedelta(days={{ inputs.stale_days }})
stale = []
for issue in issues:
    updated = datetime.datetime.fromisoformat(issue["updated_at"].replace("Z", "+00:00"))
    if updated < cutoff:
        stale.append({
            "iid": issue["iid"],
            "title": issue["title"],
            "url": issue["web_url"],
            "updated_at": issue["updated_at"],
            "labels": issue.get("labels", [])
        })

print(f"::{"stale_count"}::{len(stale)}")
with open("stale_issues.json", "w") as out:
    json.dump(stale, out)
