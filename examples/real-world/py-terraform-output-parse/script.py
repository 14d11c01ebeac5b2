from kestra import Kestra

outputs = {}
with open("terraform.txt", "r") as file:
    for line in file:
        key, value = line.strip().split(" = ")
        outputs[key] = value.strip('"')

Kestra.outputs(outputs)
