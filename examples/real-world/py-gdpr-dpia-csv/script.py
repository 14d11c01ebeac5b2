import csv

with open("report.md") as f:
    report = f.read()

sections = [s.strip() for s in report.split("## ") if s.strip()]
with open("dpia_report.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["Section", "Content"])
    for section in sections:
        parts = section.split("\n", 1)
        title = parts[0].strip()
        content = parts[1].strip() if len(parts) > 1 else ""
        w.writerow([title, content])
