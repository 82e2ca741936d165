# Reads "kind<TAB>input" lines (\\, \n, \t escaped) from argv[1]; prints "OK<TAB>result" or
# "ERR<TAB>message" per line, using supervisor's own functions. Used by PythonCrossCheckIT.
import shlex
import sys

from supervisor import datatypes
from supervisor.options import expand


def unescape(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == '\\' and i + 1 < len(s):
            out.append({'n': '\n', 't': '\t', '\\': '\\'}[s[i + 1]])
            i += 2
        else:
            out.append(s[i])
            i += 1
    return ''.join(out)


def escape(s):
    return s.replace('\\', '\\\\').replace('\n', '\\n').replace('\t', '\\t')


NAMES = {'here': '/h', 'n': 3, 's': 'ab', 'neg': -42}


def run(kind, text):
    if kind == 'format':
        return expand(text, NAMES, 'x')
    if kind == 'split':
        words = shlex.split(text)
        return '%d:%s' % (len(words), '\x1f'.join(words))
    if kind == 'env':
        return '\x1f'.join('%s=%s' % kv for kv in datatypes.dict_of_key_value_pairs(text).items())
    if kind == 'bool':
        return str(datatypes.boolean(text)).lower()
    if kind == 'int':
        return str(datatypes.integer(text))
    if kind == 'bytes':
        return str(datatypes.byte_size(text))
    if kind == 'octal':
        return str(datatypes.octal_type(text))
    if kind == 'signal':
        return str(int(datatypes.signal_number(text)))
    if kind == 'exitcodes':
        return ','.join(str(c) for c in datatypes.list_of_exitcodes(text))
    if kind == 'autorestart':
        v = datatypes.auto_restart(text)
        return {datatypes.RestartUnconditionally: 'TRUE', datatypes.RestartWhenExitUnexpected: 'UNEXPECTED'}.get(v, 'FALSE')
    if kind == 'loglevel':
        return str(datatypes.logging_level(text))
    if kind == 'name':
        return datatypes.process_or_group_name(text)
    if kind == 'inet':
        host, port = datatypes.inet_address(text)
        return '%s:%d' % (host, port)
    raise SystemExit('unknown kind ' + kind)


with open(sys.argv[1], encoding='utf-8') as f:
    for line in f.read().split('\n'):
        if not line:
            continue
        kind, text = line.split('\t', 1)
        try:
            print('OK\t' + escape(run(kind, unescape(text))))
        except Exception as e:
            print('ERR\t' + escape(str(e)))
