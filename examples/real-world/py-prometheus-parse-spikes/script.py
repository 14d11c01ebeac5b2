import json
from kestra import Kestra

with open("prometheus_response.json") as f:
    data = json.load(f)

namespace_filter = "{{ inputs.namespace_filter }}"
threshold = {{ inputs.cpu_threshold_cores }}

results = data.get("data", {}).get("result", [])
spikes = []

for item in results:
    metric = item.get("metric", {})
    pod = metric.get("pod", "unknown")
    namespace = metric.get("namespace", "unknown")
    cpu_cores = float(item.get("value", [0, "0"])[1])

    # Apply namespace filter if specified
    if namespace_filter and namespace != namespace_filter:
        continue

    spikes.append({
        "pod": pod,
        "namespace": namespace,
        "cpu_cores": round(cpu_cores, 3)
    })

# Group by app (prefix before last hyphen-hex suffix)
apps = {}
for spike in spikes:
    app_name = "-".join(spike["pod"].split("-")[:-2]) or spike["pod"]
    if app_name not in apps:
        apps[app_name] = {"pods": [], "namespace": spike["namespace"]}
    apps[app_name]["pods"].append(spike)

Kestra.outputs({
    "spike_count": len(spikes),
    "spikes": spikes,
    "app_groups": apps,
    "has_spikes": len(spikes) > 0
})
