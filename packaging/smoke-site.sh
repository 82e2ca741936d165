# shellcheck shell=bash
# packaging/smoke-test's seed-style site: one daemon on a site's own config, as the site's user
# (`tend daemon -u USER -c site.conf`, as the seed ran supervisord), driven by tend ctl, the real
# supervisorctl and the console in tmux. Uses smoke-test's check/ok/bad/await/run, $tend, $home.

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
http_ok() { python3 -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:$1/', timeout=2).status == 200 else 1)"; }
pid_of() { run "$tend" ctl -c "$site/supervisord.conf" pid "$1"; }
screen_has() { tmux -L "$tmux_socket" capture-pane -p | grep -q -- "$1"; }

smoke_site() {
  site="$tmp/site"
  local user as=() port pid worker django
  mkdir -p "$site/logs" "$site/run"
  if [[ "$(id -u)" == 0 ]]; then
    user=nobody as=(-u nobody)
    chown -R nobody "$site"
  else
    user=$(id -un)
    skip "the site's daemon as another user (-u): the smoke test is not root"
  fi
  port=$(free_port)
  cat >"$site/supervisord.conf" <<CONF
; a seed-style site: its socket, pidfile and logs in its own folder
[supervisord]
logfile=$site/logs/supervisord.log
pidfile=$site/run/supervisord.pid
childlogdir=$site/logs
[unix_http_server]
file=$site/run/supervisord.sock
chmod=0700
[supervisorctl]
serverurl=unix://$site/run/supervisord.sock
[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface
[program:django]
command=python3 -m http.server $port --bind 127.0.0.1
directory=$site
stopasgroup=true
[program:worker]
command=sh -c 'while :; do echo "worker: job done"; sleep 0.5; done'
stdout_logfile=$site/logs/worker.log
CONF
  check "tend daemon ${as[*]} -c site.conf detaches once up" \
    run bash -c "cd '$site' && '$tend' daemon ${as[*]} -c '$site/supervisord.conf'"
  pid=$(cat "$site/run/supervisord.pid" 2>/dev/null)
  if [[ -z "$pid" ]]; then
    bad "no pidfile: $(tail -n 5 "$site/logs/supervisord.log" 2>&1)"
    return
  fi
  daemon_pids+=("$pid")
  check "the daemon runs as $user" test "$(ps -o user= -p "$pid")" == "$user"
  check "on the release's own runtime" test "$(readlink "/proc/$pid/exe")" == "$home/runtime/bin/java"
  check "with the daemon's AOT cache" grep -qa -- "-XX:AOTCache=$home/lib/aot/daemon.aot" "/proc/$pid/cmdline"
  if await "both RUNNING" bash -c "[[ \$('$tmp/run' '$tend' ctl -c '$site/supervisord.conf' status | grep -c RUNNING) == 2 ]]"; then
    ok "tend ctl status: django and worker RUNNING"
  else
    bad "tend ctl status: $(run "$tend" ctl -c "$site/supervisord.conf" status 2>&1)"
  fi
  worker=$(pid_of worker)
  check "the programs run as $user" test "$(ps -o user= -p "$worker")" == "$user"
  check "the site answers" await "http" http_ok "$port"
  check "tend ctl restart worker" run "$tend" ctl -c "$site/supervisord.conf" restart worker
  check "worker has a new pid" test "$(pid_of worker)" != "$worker"
  check "supervisorctl status (the real one) lists both RUNNING" bash -c \
    "[[ \$(supervisorctl -c '$site/supervisord.conf' status | grep -c RUNNING) == 2 ]]"
  django=$(pid_of django)
  check "supervisorctl restart django" supervisorctl -c "$site/supervisord.conf" restart django
  check "django has a new pid and answers again" bash -c \
    "[[ \$('$tmp/run' '$tend' ctl -c '$site/supervisord.conf' pid django) != $django ]] && $(declare -f await http_ok); await http http_ok $port"
  smoke_console
  rss_kib=$(sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$pid/status")
  echo "  info  daemon RSS with 2 programs: $((rss_kib / 1024)) MiB" | tee "$out/smoke-$kind.rss"
  worker=$(pid_of worker) django=$(pid_of django)
  check "tend ctl shutdown" run "$tend" ctl -c "$site/supervisord.conf" shutdown
  check "the daemon and its programs are gone" await "exit" bash -c "! kill -0 $pid && ! kill -0 $worker && ! kill -0 $django"
}

# The console attached to the site's daemon in tmux: the table, then q (detach), exit status 0.
smoke_console() {
  tmux -L "$tmux_socket" new-session -d -x 100 -y 30 \
    "'$tmp/run' '$tend' -c '$site/supervisord.conf' 2>'$tmp/console.err'; echo \$? >'$tmp/console.exit'; sleep 60"
  if await "table" bash -c "$(declare -f screen_has); tmux_socket=$tmux_socket; screen_has ATTACHED && screen_has 'worker .*RUNNING'"; then
    ok "the console in tmux shows the site ATTACHED, worker RUNNING"
  else
    bad "the console: $(tmux -L "$tmux_socket" capture-pane -p | head -8) $(cat "$tmp/console.err")"
  fi
  tmux -L "$tmux_socket" send-keys q
  check "the console quits with q, status 0" await "exit" bash -c "[[ \$(cat '$tmp/console.exit' 2>/dev/null) == 0 ]]"
  tmux -L "$tmux_socket" kill-server >/dev/null 2>&1
}
