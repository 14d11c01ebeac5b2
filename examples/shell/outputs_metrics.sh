#!/usr/bin/env bash
# The shell commands of Kestra's "Outputs and Metrics" page. Check what Kestra takes from them with:
#   bash examples/shell/outputs_metrics.sh | ./kestra-sdk parse
#
# 1. send outputs with different data types
echo '::{"outputs":{"test":"value","int":2,"bool":true,"float":3.65}}::'

# 2. send a counter with tags
echo '::{"metrics":[{"name":"count","type":"counter","value":1,"tags":{"tag1":"i","tag2":"win"}}]}::'

# 3. send a timer with tags
echo '::{"metrics":[{"name":"time","type":"timer","value":2.12,"tags":{"tag1":"i","tag2":"destroy"}}]}::'
