# Loads each config file named on the command line with supervisord's own ServerOptions and prints
# "OK" or "ERR<TAB>first error" per file (\n escaped). Used by PythonCrossCheckIT.
import sys

from supervisor.options import ServerOptions


class Stop(Exception):
    pass


def usage(msg):
    raise Stop(msg)


for path in sys.argv[1:]:
    o = ServerOptions()
    o.usage = usage
    try:
        o.realize(['-c', path])
        print('OK')
    except Stop as e:
        print('ERR\t' + str(e).replace('\\', '\\\\').replace('\n', '\\n'))
