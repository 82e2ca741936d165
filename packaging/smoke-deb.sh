# shellcheck shell=bash
# packaging/smoke-test's .deb part: the units verified, the system daemon on /etc/tend/tend.conf,
# moving from supervisor and back, then dpkg -r (configs and logs stay) and dpkg --purge.

verify_unit() { # systemd-analyze verify with nothing to say
  local said
  said=$(systemd-analyze verify "$1" 2>&1) && [[ -z "$said" ]] || { echo "$said"; return 1; }
}

smoke_deb() {
  if command -v systemd-analyze >/dev/null 2>&1; then
    check "systemd-analyze verify tend.service" verify_unit /lib/systemd/system/tend.service
    cp /lib/systemd/system/tend@.service "$tmp/tend@smoke.service"
    check "systemd-analyze verify tend@.service (as tend@smoke)" verify_unit "$tmp/tend@smoke.service"
  else
    skip "systemd-analyze verify on the units: systemd-analyze is not installed"
  fi
  smoke_system_daemon
  . "$here/smoke-migration.sh"
  smoke_migration
  smoke_remove
}

# What tend.service runs (tend daemon -n -c /etc/tend/tend.conf), with a program in conf.d;
# stopped by SIGTERM to the daemon alone, as KillMode=mixed does.
smoke_system_daemon() {
  local pid program
  printf '[program:smoke]\ncommand=sh -c "while :; do echo smoke; sleep 1; done"\n' >/etc/tend/conf.d/smoke.conf
  check "tend daemon --check -c /etc/tend/tend.conf finds conf.d's program" \
    bash -c "'$tmp/run' '$tend' daemon --check -c /etc/tend/tend.conf | grep -q smoke"
  "$tmp/run" "$tend" daemon -n -c /etc/tend/tend.conf >"$tmp/system.out" 2>&1 &
  pid=$! # (run's exec chain: this is the daemon's JVM)
  daemon_pids+=("$pid")
  if await "smoke RUNNING" bash -c "'$tmp/run' '$tend' ctl -c /etc/tend/tend.conf status smoke | grep -q RUNNING"; then
    ok "the system daemon runs conf.d's program (tend ctl -c /etc/tend/tend.conf status)"
  else
    bad "the system daemon: $(tail -n 5 "$tmp/system.out")"
  fi
  check "supervisorctl -c /etc/tend/tend.conf status" bash -c "supervisorctl -c /etc/tend/tend.conf status | grep -q 'smoke .*RUNNING'"
  program=$(run "$tend" ctl -c /etc/tend/tend.conf pid smoke)
  kill -TERM "$pid"
  check "SIGTERM to the daemon stops it and its program" await "exit" bash -c "! kill -0 $pid && ! kill -0 $program"
  check "its log is in /var/log/tend" test -s /var/log/tend/tend.log
}

smoke_remove() {
  check "dpkg -r tend" dpkg -r tend
  check "the program is gone" test ! -e /usr/lib/tend -a ! -e /usr/bin/tend -a ! -e /lib/systemd/system/tend.service
  check "the man pages and completions are gone" test ! -e /usr/share/man/man1/tend.1.gz -a ! -e /usr/share/bash-completion/completions/tend
  check "the config stays (/etc/tend/tend.conf and conf.d's program)" test -f /etc/tend/tend.conf -a -f /etc/tend/conf.d/smoke.conf
  check "the logs stay (/var/log/tend)" test -s /var/log/tend/tend.log
  check "dpkg --purge tend" dpkg --purge tend
  check "purge removes the config and the logs" test ! -e /etc/tend/tend.conf -a ! -e /var/log/tend
  check "purge leaves what the admin added (conf.d/smoke.conf)" test -f /etc/tend/conf.d/smoke.conf
  check "dpkg knows no tend" bash -c "! dpkg-query -W tend"
  rm -rf /etc/tend
  installed=""
}
