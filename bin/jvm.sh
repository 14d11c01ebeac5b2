#!/usr/bin/env bash
# The one JDK finder and the one list of JVM flags for the project's scripts: ./kestra-sdk, benchmarks/run and
# polyglot-runner/reliability-report source this file. Child JVMs started from Java get the same flags from
# dev.kestrasdk.runner.process.ChildJvm (ChildJvmTest compares the two lists through `bash bin/jvm.sh flags N`).
#
#   java_feature JAVA       prints the feature version of a java binary (21, 25, ...), or nothing
#   find_java MIN           prints the newest java of version MIN or later from JAVA_HOME, the PATH, /usr/lib/jvm,
#                           /opt/java, /opt/jdk*, /usr/local/lib/jvm; returns 1 when there is none
#   kestra_jvm_flags JAVA   sets the array KESTRA_JVM_FLAGS: the flags every JVM of the project starts with
#   kestra_jit_flags DIR    sets the array KESTRA_JIT_FLAGS: GraalVM's optimizing compiler from the jars in DIR
#   kestra_one_shot_flags   sets the array KESTRA_ONE_SHOT_FLAGS: what the launcher adds for a JVM that runs one
#                           command and exits (not the warm runner, `conformance` or KESTRA_SDK_JIT)

java_feature() {
  # The JDK's `release` file says it without starting a JVM (each start costs 50-100 ms of the launcher's time,
  # once per candidate); a java without one is asked.
  local home line v=""
  home="${1%/bin/java}"
  if [ ! -f "$home/release" ]; then # a link such as /usr/bin/java: its JDK's folder
    home="$(readlink -f "$1" 2>/dev/null || echo "$1")"
    home="${home%/bin/java}"
  fi
  if [ -f "$home/release" ]; then
    while IFS= read -r line; do
      case "$line" in JAVA_VERSION=*) v="${line#JAVA_VERSION=}"; v="${v//\"/}"; break ;; esac
    done <"$home/release"
    case "$v" in 1.*) v="${v#1.}" ;; esac   # 1.8.0_392: Java 8
    v="${v%%[!0-9]*}"
  fi
  if [ -n "$v" ]; then echo "$v"; return; fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

find_java() {
  local min="$1" candidates=() dir j v best="" best_v=0
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  for dir in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/*; do
    [ -x "$dir/bin/java" ] && candidates+=("$dir/bin/java")
  done
  for j in "${candidates[@]}"; do
    [ -x "$j" ] || continue
    v="$(java_feature "$j")"
    if [ -n "$v" ] && [ "$v" -ge "$min" ] && [ "$v" -gt "$best_v" ]; then best="$j"; best_v="$v"; fi
  done
  [ -n "$best" ] && echo "$best"
}

kestra_jvm_flags_for() { # FEATURE: the list for a JDK of that version
  KESTRA_JVM_FLAGS=(-Dpolyglot.engine.WarnInterpreterOnly=false --enable-native-access=ALL-UNNAMED)
  if [ "$1" -ge 24 ]; then KESTRA_JVM_FLAGS+=(--sun-misc-unsafe-memory-access=allow); fi
}

kestra_jvm_flags() {
  kestra_jvm_flags_for "$(java_feature "$1")"
}

kestra_jit_flags() {
  KESTRA_JIT_FLAGS=(-XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI "--upgrade-module-path=$1")
}

kestra_one_shot_flags() {
  # C1 only: on 2 cores, C2 compiling GraalPy's interpreter competes with a short script for the CPU (a tiny
  # script's start about 1.2 s of CPU less); a 20-million-iteration loop took 1.9x as long without C2
  # (docs/performance.md, `coldloop`), which KESTRA_SDK_JIT=1 or KESTRA_SDK_JAVA_OPTS=-XX:TieredStopAtLevel=4
  # give back.
  # The serial collector with half the heap young: a tiny script's run then has no collection at all, where G1's
  # small first young generation made 1-4 pauses of its start (about 0.1-0.3 s at load average 10) and its
  # threads' CPU (docs/performance.md, "Cold start"). A collector chosen in KESTRA_SDK_JAVA_OPTS (-XX:+Use...GC)
  # replaces this one (the JVM refuses to start with two).
  KESTRA_ONE_SHOT_FLAGS=(-XX:TieredStopAtLevel=1)
  case " ${KESTRA_SDK_JAVA_OPTS:-} " in
    *" -XX:+Use"*GC" "*) ;;
    *) KESTRA_ONE_SHOT_FLAGS+=(-XX:+UseSerialGC -XX:NewRatio=1) ;;
  esac
}

# Run directly: `bash bin/jvm.sh flags FEATURE` prints the flag list, one per line; `bash bin/jvm.sh find MIN` the java.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  case "${1:-}" in
    flags) kestra_jvm_flags_for "$2"; printf '%s\n' "${KESTRA_JVM_FLAGS[@]}" ;;
    jit) kestra_jit_flags "$2"; printf '%s\n' "${KESTRA_JIT_FLAGS[@]}" ;;
    find) find_java "$2" ;;
    *) echo "usage: bash bin/jvm.sh flags FEATURE | jit DIR | find MIN (or source it)" >&2; exit 2 ;;
  esac
fi
