#!/usr/bin/env bash
# Sourced by ./fila and .ci/run: exports JAVA_HOME pointing at a JDK >= 21.
# JAVA_HOME wins when it is one; otherwise the newest JDK under /usr/lib/jvm (FILA_JVM_DIR overrides
# that folder, for tests).

fila_java_major() { # prints the feature version of the JDK at $1, or nothing
  local release="$1/release"
  [ -x "$1/bin/javac" ] || return 0
  if [ -r "$release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
  else
    "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
  fi
}

fila_pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ]; then
    local v
    v=$(fila_java_major "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then
      return 0
    fi
    echo "fila: JAVA_HOME=$JAVA_HOME is not a JDK 21 or newer; looking under /usr/lib/jvm" >&2
  fi
  local best="" best_v=0 dir v
  local jvms="${FILA_JVM_DIR:-/usr/lib/jvm}"
  for dir in "$jvms"/*; do
    [ -d "$dir" ] && [ ! -L "$dir" ] || continue
    v=$(fila_java_major "$dir")
    if [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then
      best="$dir"
      best_v="$v"
    fi
  done
  if [ -z "$best" ]; then
    echo "fila: no JDK 21 or newer found (JAVA_HOME is unset or too old, and $jvms has none)." >&2
    echo "fila: install one (for example Debian's openjdk-21-jdk) or set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}
