#!/usr/bin/env bash
# The script of the page's flow example exactly as printed there: its first line lacks the '::' markers,
# so Kestra takes nothing from it. `./kestra-sdk parse` says so:
#   bash examples/shell/seed_flow_as_printed.sh | ./kestra-sdk parse
echo '{"outputs":{"test":"value","int":2,"bool":true,"float":3.65}}'
echo '::{"metrics":[{"name":"count","type":"counter","value":1,"tags":{"tag1":"i","tag2":"win"}}]}::'
echo '::{"metrics":[{"name":"time","type":"timer","value":2.12,"tags":{"tag1":"i","tag2":"destroy"}}]}::'
