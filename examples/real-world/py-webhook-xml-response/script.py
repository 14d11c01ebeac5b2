import xml.etree.ElementTree as ET
from kestra import Kestra

data = {"number": "1", "string": "my text"}
root = ET.Element("root")
for key, value in data.items():
    child = ET.SubElement(root, key)
    child.text = value
xml_string = ET.tostring(root, encoding="unicode")
Kestra.outputs({"xml": xml_string})
