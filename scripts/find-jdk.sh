# Sourced by ./newsflow and scripts/test. Sets JAVA_HOME to a JDK >= 21 (with javac), looking at
# $JAVA_HOME, then the java on PATH, then the usual install folders; explains what is missing if none.

_newsflow_java_major() {
  # Prints the feature version of the JDK at $1, or nothing.
  local home=$1 v
  [ -x "$home/bin/java" ] || return 0
  if [ -r "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$home/release")
  fi
  if [ -z "$v" ]; then
    v=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9][0-9]*\).*/\1/p')
  fi
  echo "$v"
}

_newsflow_ok_jdk() {
  local v
  [ -x "$1/bin/javac" ] || return 1
  v=$(_newsflow_java_major "$1")
  [ -n "$v" ] && [ "$v" -ge 21 ]
}

newsflow_find_jdk() {
  local candidates=() c seen=""
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for c in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/jdk* /usr/local/java/* \
           "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$c" ] && candidates+=("$c")
  done
  for c in "${candidates[@]}"; do
    if _newsflow_ok_jdk "$c"; then
      export JAVA_HOME=$c
      return 0
    fi
    seen="$seen\n  $c (Java $(_newsflow_java_major "$c"))"
  done
  printf 'newsflow: no JDK 21 or newer found (looked at JAVA_HOME, the java on PATH and the usual folders):%b\n' "${seen:-\n  none}" >&2
  printf 'Install one (e.g. apt-get install openjdk-21-jdk, or Temurin 21+) or set JAVA_HOME to it.\n' >&2
  return 1
}
