import json
from datetime import datetime
from kestra import Kestra

now = datetime.utcnow().strftime("%Y-%m-%d %H:%M:%S UTC")
jira_key = "{{ outputs.create_jira_ticket.key }}"
service = "{{ inputs.service }}"
severity = "{{ inputs.severity }}"
description = """{{ inputs.description }}"""

report = f"""INCIDENT TIMELINE REPORT
========================
Generated: {now}
Jira Ticket: {jira_key}

SERVICE: {service}
SEVERITY: {severity}

DESCRIPTION:
{description}

TIMELINE:
{now} - Incident detected and reported
{now} - Jira ticket {jira_key} created
{now} - On-call team notified via Slack

POSTMORTEM PLACEHOLDERS:
Root Cause:      [TO BE FILLED]
Impact:          [TO BE FILLED]
Resolution:      [TO BE FILLED]
Resolved At:     [TO BE FILLED]
Action Items:    [TO BE FILLED]
"""

Kestra.outputs({"report_content": report})
