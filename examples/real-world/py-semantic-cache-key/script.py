import hashlib
import re

question = "{{ inputs.question }}"
prefix = "{{ inputs.cache_key_prefix }}"

# Normalize: lowercase, strip punctuation, collapse whitespace
normalized = re.sub(r'[^\w\s]', '', question.lower().strip())
normalized = re.sub(r'\s+', ' ', normalized)

# Create deterministic cache key from normalized question
cache_key = f"{prefix}:{hashlib.md5(normalized.encode()).hexdigest()}"

print(f"Cache key: {cache_key}")
print(f"Normalized: {normalized}")

from kestra import Kestra
Kestra.outputs({'cache_key': cache_key, 'normalized_question': normalized})
