date = f"{{ trigger.date | date("yyyy-MM-dd") }}"
report_content = f"Daily Report - {date}\nSales: $5000\nUsers: 200"

with open(f"daily_report_{date}.txt", "w") as file:
  file.write(report_content)
