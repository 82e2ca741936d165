# Loads each config named on the command line with supervisord's own ServerOptions and prints its
# groups and processes in a fixed line format (PythonCrossCheckIT prints tend's the same way).
import os
import sys

from supervisor import datatypes
from supervisor.options import ServerOptions


class Stop(Exception):
    pass


def usage(msg):
    raise Stop(msg)


def log(v):
    if v is datatypes.Automatic:
        return 'AUTO'
    if v is None:
        return 'NONE'
    return os.path.abspath(v)


def restart(v):
    if v is datatypes.RestartUnconditionally:
        return 'TRUE'
    if v is datatypes.RestartWhenExitUnexpected:
        return 'UNEXPECTED'
    return 'FALSE'


def dash(v):
    return '-' if v is None else str(v)


for path in sys.argv[1:]:
    o = ServerOptions()
    o.usage = usage
    try:
        o.realize(['-c', path])
    except Stop as e:
        print('ERR ' + str(e).replace('\n', '\\n'))
        continue
    for g in o.process_group_configs:
        print('GROUP %s %d %s' % (g.name, g.priority, type(g).__name__))
        for p in g.process_configs:
            fields = [
                p.name, p.command, p.priority, p.autostart, restart(p.autorestart), p.startsecs,
                p.startretries, ','.join(map(str, p.exitcodes)), int(p.stopsignal),
                p.stopwaitsecs, p.stopasgroup, p.killasgroup, dash(p.uid), p.redirect_stderr,
                dash(p.directory), dash(p.umask), log(p.stdout_logfile), log(p.stderr_logfile),
                p.stdout_logfile_maxbytes, p.stdout_logfile_backups, p.stdout_capture_maxbytes,
                p.stdout_events_enabled, p.stdout_syslog, p.stderr_logfile_maxbytes,
                p.stderr_syslog, dash(p.serverurl),
                ';'.join('%s=%s' % kv for kv in sorted((p.environment or {}).items())),
            ]
            print('  ' + '|'.join(str(f) for f in fields))
    print('END')
