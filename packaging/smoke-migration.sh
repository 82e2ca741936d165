# shellcheck shell=bash
# packaging/smoke-test's "Moving from supervisor" (README), done with the Debian supervisor
# package's own files: its /etc/supervisor/supervisord.conf copied with its paths (/var/run,
# /var/log/supervisor, /etc/supervisor) moved under a temporary root, as a chroot would, and a
# program in conf.d. supervisord runs it; supervisord is stopped as its unit stops it
# (supervisorctl shutdown); tend runs the same files with the command the README's drop-in gives
# tend.service; the real supervisorctl and tend ctl work unchanged; then back to supervisord.
# The files are unchanged at the end. The machine's own /etc/supervisor is only read.

smoke_migration() {
  local mig="$tmp/migration" readme="$here/../README.md" exec_start sd pid app before
  mkdir -p "$mig/run" "$mig/log" "$mig/conf.d"
  moved() { sed -e "s#/var/run/#$mig/run/#g" -e "s#/var/log/supervisor#$mig/log#g" -e "s#/etc/supervisor/#$mig/#g"; }
  if ! dpkg-query -W -f='${Status}' supervisor 2>/dev/null | grep -q 'install ok installed'; then
    bad "moving from supervisor: the supervisor package is not installed"
    return
  fi
  moved </etc/supervisor/supervisord.conf >"$mig/supervisord.conf"
  check "the copy of Debian's supervisord.conf differs only in its paths" \
    bash -c "diff <(sed -e 's#$mig/run/#/var/run/#g' -e 's#$mig/log#/var/log/supervisor#g' -e 's#$mig/#/etc/supervisor/#g' '$mig/supervisord.conf') /etc/supervisor/supervisord.conf"
  printf '[program:app]\ncommand=sh -c "while :; do echo app; sleep 1; done"\n' >"$mig/conf.d/app.conf"
  before=$(cd "$mig" && md5sum supervisord.conf conf.d/app.conf)
  # the README's drop-in: ExecStart=/usr/bin/tend daemon -n -c /etc/supervisor/supervisord.conf
  exec_start=$(sed -n 's#^ExecStart=\(/usr/bin/tend daemon .*/etc/supervisor/supervisord.conf\)$#\1#p' "$readme" | head -n 1)
  check "the README gives tend.service a drop-in for supervisor's config" test -n "$exec_start"
  read -r -a exec_start <<<"$(moved <<<"$exec_start")"

  # 1. as it was: supervisord (the package's unit runs supervisord -n -c ...)
  supervisord -n -c "$mig/supervisord.conf" >"$mig/supervisord.out" 2>&1 &
  sd=$!
  daemon_pids+=("$sd")
  check "before: supervisord runs conf.d's program" await "app" bash -c "supervisorctl -c '$mig/supervisord.conf' status app | grep -q RUNNING"
  # 2. tend reads the same files
  check "tend daemon --check -c supervisord.conf lists its program" bash -c "'$tmp/run' '$tend' daemon --check -c '$mig/supervisord.conf' | grep -q app"
  # 3. systemctl disable --now supervisor: its unit's ExecStop
  check "supervisorctl shutdown stops supervisord" supervisorctl -c "$mig/supervisord.conf" shutdown
  check "supervisord is gone" await "exit" bash -c "! kill -0 $sd"
  # 4. systemctl enable --now tend, with the drop-in
  "$tmp/run" "${exec_start[@]}" >"$mig/tend.out" 2>&1 &
  pid=$!
  daemon_pids+=("$pid")
  check "after: tend runs the program (supervisorctl, unchanged)" await "app" bash -c "supervisorctl -c '$mig/supervisord.conf' status app | grep -q RUNNING"
  check "after: tend ctl status" bash -c "'$tmp/run' '$tend' ctl -c '$mig/supervisord.conf' status app | grep -q RUNNING"
  check "after: the program's AUTO log is in supervisor's log folder" bash -c "ls '$mig/log' | grep -q '^app-stdout'"
  app=$("$tmp/run" "$tend" ctl -c "$mig/supervisord.conf" pid app)
  # 5. and back: systemctl disable --now tend (SIGTERM to the daemon), enable --now supervisor
  kill -TERM "$pid"
  check "back: tend stops, and the program with it" await "exit" bash -c "! kill -0 $pid && ! kill -0 $app"
  supervisord -n -c "$mig/supervisord.conf" >>"$mig/supervisord.out" 2>&1 &
  sd=$!
  daemon_pids+=("$sd")
  check "back: supervisord runs the program again" await "app" bash -c "supervisorctl -c '$mig/supervisord.conf' status app | grep -q RUNNING"
  supervisorctl -c "$mig/supervisord.conf" shutdown >/dev/null 2>&1
  await "exit" bash -c "! kill -0 $sd"
  check "supervisor's files are as they were" test "$(cd "$mig" && md5sum supervisord.conf conf.d/app.conf)" == "$before"
}
