import json
from kestra import Kestra

# Load existing history
try:
    with open("history_raw.json") as f:
        content = f.read().strip()
        history = json.loads(content) if content and content != 'null' else []
except Exception:
    history = []

if not isinstance(history, list):
    history = []

max_turns = {{ inputs.max_history_turns }}

# Trim to max_turns pairs (each turn = user + assistant message)
if len(history) > max_turns * 2:
    history = history[-(max_turns * 2):]

# Build messages for OpenAI: system + history + new user message
messages = [{"role": "system", "content": """{{ inputs.system_prompt | replace('"', '\\"') }}"""}]
messages.extend(history)
messages.append({"role": "user", "content": """{{ inputs.user_message | replace('"', '\\"') }}"""})

Kestra.outputs({"messages": messages, "history_length": len(history)})
