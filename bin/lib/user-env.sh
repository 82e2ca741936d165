# shellcheck shell=bash
# Sourced by bin/tend for the faces that run programs (the daemon, the console that may start one):
# finds every change made to the environment the user started bin/tend with, and appends it to
# tend_changes in dev.tend.platform.UserEnvironment's format (a line per name: NAME=VALUE when the
# user had NAME set, to VALUE; NAME alone when not; % and newline in VALUE as %25 and %0A).
# Beyond the names bin/tend exports, bash changed SHLVL, PWD, OLDPWD, _ and exported functions
# when it started, and bin/tend may have assigned a name the user had exported (jar, root ...):
# each name's value now is compared with this process's environment as it began (/proc/$$/environ).
# No fork: a bash loop over ~40 names costs ~1.5 ms less than one.
tend_note() { # NAME [the user's VALUE]
  if (($# > 1)); then
    local value=${2//%/%25}
    tend_changes+="$1=${value//$'\n'/%0A}"$'\n'
  else
    tend_changes+="$1"$'\n'
  fi
}

tend_note_changed() {
  local entry name seen=" " LC_ALL=C # byte-wise matching: a third cheaper than UTF-8's
  local -a user_env
  local added="TEND_ENV_CHANGES TEND_HOME _JAVA_SR_SIGNUM TEND_DAEMON_JAVA_OPTS SHLVL PWD OLDPWD _"
  mapfile -d '' -t user_env 2>/dev/null </proc/$$/environ || return 0
  for entry in "${user_env[@]}"; do
    name=${entry%%=*}
    if [[ " $added " == *" $name "* ]]; then seen+="$name "; fi
    if [[ "$name" == BASH_FUNC_* || "$name" == TEND_ENV_CHANGES ]]; then
      tend_note "$name" "${entry#*=}" # bash rewrites exported functions; the user's own note
    elif [[ "$name" != *[!A-Za-z0-9_]* && "$name" != [0-9]* ]] &&
      [[ ! -v $name || "${!name}" != "${entry#*=}" ]]; then
      tend_note "$name" "${entry#*=}"
    fi
  done
  for name in $added; do
    if [[ "$seen" != *" $name "* ]]; then tend_note "$name"; fi
  done
}
