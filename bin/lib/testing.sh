# shellcheck shell=bash
# bin/test's parts: the test dependencies (bin/lib/test-dependencies) checked and installed, the
# release smoke tests, and the summary at the end. Expects $root (the checkout).

tend_dependency_lines() { # prints "name|packages|files" for each line of the list
  local name pkgs files why
  while IFS='|' read -r name pkgs files why; do
    name=${name//[[:space:]]/}
    [[ -z "$name" || "$name" == \#* ]] && continue
    printf '%s|%s|%s\n' "$name" "$pkgs" "$files"
  done <"$root/bin/lib/test-dependencies"
}

tend_dependency_names() { # "supervisor, tmux, ..."
  local names=() line
  while IFS= read -r line; do names+=("${line%%|*}"); done < <(tend_dependency_lines)
  local IFS=,
  echo "${names[*]}" | sed 's/,/, /g'
}

tend_dependency_known() { tend_dependency_lines | grep -q "^$1|"; }

# Prints the names whose files are missing (not those skipped), as "name|packages|first missing".
tend_missing_dependencies() { # $1 = skipped names, comma-separated
  local name pkgs files f
  while IFS='|' read -r name pkgs files; do
    [[ ",$1," == *",$name,"* ]] && continue
    for f in $files; do
      if [[ ! -e "$f" ]]; then
        printf '%s|%s|%s\n' "$name" "$(echo $pkgs)" "$f"
        break
      fi
    done
  done < <(tend_dependency_lines)
}

# Installs what is missing when root on Debian; otherwise says in one line what to install.
tend_install_test_dependencies() { # $1 = skipped names, comma-separated
  local missing names=() pkgs=() all=() first="" name p f log
  missing=$(tend_missing_dependencies "$1")
  while IFS='|' read -r name p f; do
    [[ -n "$name" ]] || continue
    names+=("$name")
    [[ -n "$first" ]] || first=$f
    for p in $p; do
      [[ " ${all[*]} " != *" $p "* ]] || continue
      all+=("$p")
      # a line may list packages that are there already (dpkg for the release): name only the rest
      if command -v dpkg-query >/dev/null 2>&1 &&
        [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" == "install ok installed" ]]; then
        continue
      fi
      pkgs+=("$p")
    done
  done <<<"$missing"
  # files missing although their packages are installed: installing them again brings the files
  if ((${#names[@]} && !${#pkgs[@]})); then pkgs=(--reinstall "${all[@]}"); fi
  command -v mvn >/dev/null 2>&1 || pkgs+=(maven)
  ((${#pkgs[@]})) || return 0
  local skip_hint
  skip_hint=$(IFS=,; echo "${names[*]}")
  if [[ "$(id -u)" != 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    echo "bin/test: the tests need packages that are not installed (first missing: ${first:-mvn}): sudo apt-get install ${pkgs[*]}${skip_hint:+, or skip their tests: bin/test --skip $skip_hint}" >&2
    return 1
  fi
  mkdir -p "$root/target"
  log="$root/target/apt-get.log"
  echo "bin/test: installing what the tests need: ${pkgs[*]} (apt-get; log in target/apt-get.log)" >&2
  # supervisor and openssh-server start a system supervisord and sshd when installed; the tests
  # start their own. Debian's way to install without starting anything: a policy-rc.d that says
  # no (101), here only while apt-get runs, and only where the machine has none of its own.
  local policy=/usr/sbin/policy-rc.d ours="" status=0
  if [[ ! -e "$policy" ]]; then
    printf '#!/bin/sh\n# bin/test: installing test dependencies without starting their services\nexit 101\n' >"$policy"
    chmod 0755 "$policy"
    ours=1
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT # also when interrupted
  fi
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${pkgs[@]}"; } >"$log" 2>&1 || status=$?
  if [[ -n "$ours" ]]; then rm -f "$policy" && trap - EXIT; fi
  if ((status)); then
    echo "bin/test: apt-get install ${pkgs[*]} failed (the last lines of target/apt-get.log: $(tail -n 3 "$log" | tr '\n' ' '))" >&2
    return 1
  fi
  missing=$(tend_missing_dependencies "$1")
  if [[ -n "$missing" ]]; then
    echo "bin/test: still missing after apt-get install: $(cut -d'|' -f3 <<<"$missing" | tr '\n' ' ')" >&2
    return 1
  fi
}

# The smoke tests of what bin/release built: the tarball from a temporary directory, and (as root)
# the .deb installed with dpkg. Each writes its counts for the summary.
tend_release_smoke() { # $1 = skipped names
  local status=0 deb tarball
  tarball=$(ls "$root"/target/release/tend-*-linux-x86_64.tar.gz)
  deb=$(ls "$root"/target/release/tend_*_amd64.deb)
  "$root/packaging/smoke-test" tarball "$tarball" || status=1
  if [[ ",$1," == *,deb,* ]]; then
    echo "0 0 1" >"$root/target/release/smoke-deb.counts"
    echo "the .deb smoke test (--skip deb)" >"$root/target/release/smoke-deb.skip"
  else
    "$root/packaging/smoke-test" deb "$deb" || status=1
  fi
  return "$status"
}

# Sums up every test report written after $1 (Maven's and the smoke tests'), says what was
# skipped and why, and ends with one line: "tests: N passed, N failed, N skipped".
tend_test_summary() { # $1 = a file made before the run; $2 = a note on the release step
  local stamp=$1 files=() f tests=0 failed=0 skipped=0 t e s fl
  for f in "$root"/target/surefire-reports/TEST-*.xml "$root"/target/failsafe-reports/TEST-*.xml; do
    [[ -f "$f" && "$f" -nt "$stamp" ]] && files+=("$f")
  done
  for f in "${files[@]}"; do
    # the counts are attributes of the first <testsuite ...> element
    read -r t e s fl < <(sed -n '/<testsuite /{s/.*<testsuite //;p;q}' "$f" |
      sed -E 's/.*\btests="([0-9]+)".*\berrors="([0-9]+)".*\bskipped="([0-9]+)".*\bfailures="([0-9]+)".*/\1 \2 \3 \4/')
    tests=$((tests + ${t:-0})) failed=$((failed + ${e:-0} + ${fl:-0})) skipped=$((skipped + ${s:-0}))
  done
  for f in "$root"/target/release/smoke-*.counts; do
    [[ -f "$f" && "$f" -nt "$stamp" ]] || continue
    read -r t fl s <"$f"
    tests=$((tests + t + fl + s)) failed=$((failed + fl)) skipped=$((skipped + s))
  done
  echo
  echo "----- summary -----"
  if ((skipped)); then
    echo "skipped, and why:"
    {
      # <skipped message="WHY"/>, or <skipped type=...><![CDATA[...Exception: WHY (a stack below)
      ((${#files[@]})) && grep -h '<skipped' "${files[@]}" |
        sed -E 's/.*<skipped message="([^"]*)".*/\1/; s/.*<!\[CDATA\[[^:]*: (Assumption failed: )?//; s/.*<skipped.*/(no reason given)/' |
        sed 's/&quot;/"/g; s/&apos;/'"'"'/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g'
      for f in "$root"/target/release/smoke-*.skip; do
        [[ -f "$f" && "$f" -nt "$stamp" ]] && cat "$f"
      done
    } | sort | uniq -c | sort -rn | sed 's/^ */  /'
  fi
  [[ -z "$2" ]] || echo "$2"
  echo "tests: $((tests - failed - skipped)) passed, $failed failed, $skipped skipped"
}
