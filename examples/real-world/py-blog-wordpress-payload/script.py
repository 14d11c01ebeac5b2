import json
import re
import markdown2
from kestra import Kestra

with open("post_content.md") as f:
    md_content = f.read()

# Extract H1 title from markdown
title_match = re.search(r'^#\s+(.+)$', md_content, re.MULTILINE)
title = title_match.group(1).strip() if title_match else "{{ inputs.post_topic }}"

# Remove the H1 from content (WordPress uses title field separately)
body_md = re.sub(r'^#\s+.+\n', '', md_content, count=1).strip()

# Convert Markdown to HTML
html_content = markdown2.markdown(body_md, extras=["fenced-code-blocks", "tables", "header-ids"])

# Generate excerpt from first paragraph
first_para = re.search(r'<p>(.+?)</p>', html_content, re.DOTALL)
excerpt = re.sub(r'<[^>]+>', '', first_para.group(1))[:300] if first_para else ""

# Count words
word_count = len(md_content.split())

payload = {
    "title": title,
    "content": html_content,
    "status": "draft",
    "excerpt": excerpt
}

Kestra.outputs({
    "payload": json.dumps(payload),
    "title": title,
    "word_count": word_count,
    "excerpt": excerpt
})
