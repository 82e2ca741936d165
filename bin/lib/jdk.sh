# shellcheck shell=bash
# Finds a JDK >= 21 without starting a JVM (reads each candidate's `release` file).
# Sourced by bin/tend and bin/test. Sets TEND_JDK to the JDK's home, or prints one clear line and
# returns 1. Order: $JAVA_HOME, the `java` on $PATH, then the newest JDK under /usr/lib/jvm.

tend_jdk_major() { # $1 = JDK home; prints the major version or nothing
  local release="$1/release" v
  [[ -x "$1/bin/java" ]] || return 1
  if [[ -r "$release" ]]; then
    v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$release")
  else
    v=$("$1/bin/java" -version 2>&1 | sed -n '1s/.*version "\([^"]*\)".*/\1/p')
  fi
  [[ -n "$v" ]] || return 1
  if [[ "$v" == 1.* ]]; then v=${v#1.}; fi
  echo "${v%%[.+-]*}"
}

tend_find_jdk() { # $1 = "javac" when a compiler is needed
  local need=21 candidates=() home major best="" best_major=0 java_on_path
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  if java_on_path=$(command -v java 2>/dev/null); then
    java_on_path=$(readlink -f "$java_on_path")
    candidates+=("$(dirname "$(dirname "$java_on_path")")")
  fi
  for home in "${candidates[@]}"; do
    major=$(tend_jdk_major "$home") || continue
    if ((major >= need)) && { [[ "${1:-}" != javac ]] || [[ -x "$home/bin/javac" ]]; }; then
      TEND_JDK=$home
      return 0
    fi
  done
  for home in /usr/lib/jvm/*/; do
    home=${home%/}
    [[ -L "$home" ]] && continue
    major=$(tend_jdk_major "$home") || continue
    [[ "${1:-}" == javac && ! -x "$home/bin/javac" ]] && continue
    if ((major >= need && major > best_major)); then best=$home best_major=$major; fi
  done
  if [[ -n "$best" ]]; then
    TEND_JDK=$best
    return 0
  fi
  echo "tend: needs a JDK ${need} or newer; none found in \$JAVA_HOME, on \$PATH or under /usr/lib/jvm (install e.g. openjdk-21-jdk, or set JAVA_HOME)" >&2
  return 1
}

tend_commit() { # $1 = the checkout; prints what tend --version calls its commit
  git -C "$1" describe --always --dirty --abbrev=12 2>/dev/null || echo unknown
}
