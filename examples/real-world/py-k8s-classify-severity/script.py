import json
analysis = """{{ outputs.ai_incident_analysis.aiResponse }}"""
# Extract severity indicators
severity = "LOW"
if any(keyword in analysis.lower() for keyword in ['critical', 'down', 'failed', 'error']):
    severity = "HIGH"
elif any(keyword in analysis.lower() for keyword in ['warning', 'degraded', 'slow']):
    severity = "MEDIUM"
print(json.dumps({"severity": severity, "analysis": analysis}))
