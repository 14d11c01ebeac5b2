import json
import os
import pandas as pd
from kestra import Kestra

window_date = os.environ["WINDOW_DATE"]

try:
    df = pd.read_json("orders.jsonl", lines=True)
except ValueError:
    df = pd.DataFrame()

def currency_label(value):
    if isinstance(value, list) and len(value) > 1:
        return str(value[1])
    return str(value)

def customer_label(value):
    if isinstance(value, list) and len(value) > 1:
        return str(value[1])
    return str(value)

fields = []
order_count = 0
if df.empty:
    fields.append({"type": "mrkdwn", "text": "No confirmed orders for this day."})
else:
    order_count = int(len(df))
    df["currency"] = df["currency_id"].apply(currency_label)
    df["customer"] = df["partner_id"].apply(customer_label)

    by_currency = (
        df.groupby("currency")["amount_total"].sum().sort_values(ascending=False)
    )
    revenue_lines = "\n".join(
        f"{cur}: {round(float(amount), 2)}" for cur, amount in by_currency.items()
    )
    fields.append({"type": "mrkdwn", "text": f"*Orders:*\n{order_count}"})
    fields.append({"type": "mrkdwn", "text": f"*Revenue by currency:*\n{revenue_lines}"})

    top_customer = (
        df.groupby(["customer", "currency"])["amount_total"]
        .sum()
        .sort_values(ascending=False)
    )
    (top_name, top_cur) = top_customer.index[0]
    top_amount = round(float(top_customer.iloc[0]), 2)
    fields.append(
        {"type": "mrkdwn", "text": f"*Top customer:*\n{top_name} ({top_amount} {top_cur})"}
    )

payload = {
    "blocks": [
        {
            "type": "header",
            "text": {"type": "plain_text", "text": f"Daily sales digest for {window_date}"},
        },
        {"type": "section", "fields": fields},
        {
            "type": "context",
            "elements": [{"type": "mrkdwn", "text": "Source: Odoo sale.order via Kestra"}],
        },
    ]
}

Kestra.outputs({"order_count": order_count, "payload": json.dumps(payload)})
