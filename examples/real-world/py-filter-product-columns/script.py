import json
import os

with open("data.json", "r") as file:
    data = json.load(file)

filtered_data = [
    {column: product.get(column, "N/A") for column in {{ inputs.columns_to_keep }}}
    for product in data["products"]
]

with open("products.json", "w") as file:
    json.dump(filtered_data, file, indent=4)
