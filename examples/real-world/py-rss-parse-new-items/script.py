import json
import defusedxml.ElementTree as ET
from kestra import Kestra

last_id = "{{ outputs.get_last_posted_id.value | default('') }}"
xml_body = open("/tmp/feed.xml", "w")
xml_body.write("""{{ outputs.fetch_rss_feed.body }}""")
xml_body.close()

root = ET.parse("/tmp/feed.xml").getroot()
items = []
for entry in root.findall(".//item"):
    guid = (entry.findtext("guid") or "").strip().split("/")[-1]
    if guid == last_id:
        break
    items.append({
        "id": guid,
        "title": (entry.findtext("title") or "").strip(),
        "link": (entry.findtext("link") or "").strip()
    })

latest_id = items[0]["id"] if items else last_id
Kestra.outputs({"new_items": json.dumps(items), "latest_id": latest_id})
