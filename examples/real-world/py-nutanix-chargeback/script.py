import csv
import json
from kestra import Kestra

rate = float("{{ inputs.core_hour_rate }}")
with open("vms.json") as f:
    vms = json.load(f)

total = 0.0
with open("chargeback.csv", "w", newline="") as out:
    writer = csv.writer(out)
    for vm in vms:
        name = vm.get("name", "unknown")
        cores = (vm.get("numSockets", 1) or 1) * (vm.get("numCoresPerSocket", 1) or 1)
        cost = round(cores * rate, 2)
        total += cost
        writer.writerow([name, cores, cost])

Kestra.outputs({"vm_count": len(vms), "total_cost": round(total, 2)})
