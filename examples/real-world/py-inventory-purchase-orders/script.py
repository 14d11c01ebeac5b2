import json
from kestra import Kestra

with open("forecast.json") as f:
    forecast = json.load(f)

items_needing_reorder = [
    item for item in forecast.get("items", [])
    if item.get("reorder_needed") and item.get("recommended_quantity", 0) > 0
]

purchase_orders = []
for item in items_needing_reorder:
    po = {
        "sku": item["sku"],
        "quantity": item["recommended_quantity"],
        "confidence": item["confidence"],
        "reasoning": item.get("reasoning", ""),
        "po_number": f"PO-{item['sku']}-{{ now() | date('yyyyMMdd-HHmm') }}"
    }
    purchase_orders.append(po)

Kestra.outputs({
    "purchase_orders": purchase_orders,
    "reorder_count": len(purchase_orders),
    "has_orders": len(purchase_orders) > 0
})
