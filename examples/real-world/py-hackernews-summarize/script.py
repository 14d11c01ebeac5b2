import json
from kestra import Kestra

with open("stories_raw.json") as f:
    raw = json.load(f)

stories = []
for story_id, story_outputs in raw.items():
    body = story_outputs.get("body", "{}")
    if isinstance(body, str):
        try:
            story = json.loads(body)
        except:
            continue
    else:
        story = body

    if not story or story.get("type") not in ("story", "job", "ask", "show"):
        continue

    stories.append({
        "id": story.get("id"),
        "title": story.get("title", ""),
        "url": story.get("url", ""),
        "score": story.get("score", 0),
        "author": story.get("by", ""),
        "comments": story.get("descendants", 0),
        "story_type": story.get("type", ""),
        "posted_at": story.get("time", 0)
    })

# Sort by score descending
stories.sort(key=lambda x: x["score"], reverse=True)
Kestra.outputs({"stories": stories, "count": len(stories)})
