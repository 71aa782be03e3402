# Sourced by ./automateos and ./test: finds a JDK >= 21 and exports JAVA_HOME.
# Order: $JAVA_HOME, then `java` on the PATH, then the usual install locations.

automateos_java_major() {
  # Prints the feature version of the JDK at $1 (e.g. 25), or nothing if it is not a JDK.
  local release="$1/release"
  [ -x "$1/bin/java" ] || return 0
  if [ -f "$release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
  else
    "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
  fi
}

automateos_find_java() {
  local min=21 candidate major best="" best_major=0
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/java/* \
                   "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$candidate" ] && candidates+=("$candidate")
  done
  # JAVA_HOME wins when it is new enough; otherwise take the newest JDK found.
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(automateos_java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge "$min" ]; then
      echo "$JAVA_HOME"; return 0
    fi
  fi
  for candidate in "${candidates[@]}"; do
    major=$(automateos_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge "$min" ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"; best_major="$major"
    fi
  done
  [ -n "$best" ] && echo "$best"
}

AUTOMATEOS_JAVA_HOME=$(automateos_find_java)
if [ -z "$AUTOMATEOS_JAVA_HOME" ]; then
  echo "automateos: no JDK 21 or newer found (looked at JAVA_HOME, the PATH and /usr/lib/jvm)." >&2
  echo "automateos: install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+, or set JAVA_HOME." >&2
  exit 3
fi
export JAVA_HOME="$AUTOMATEOS_JAVA_HOME"
export PATH="$JAVA_HOME/bin:$PATH"
AUTOMATEOS_JAVA_MAJOR=$(automateos_java_major "$JAVA_HOME")
