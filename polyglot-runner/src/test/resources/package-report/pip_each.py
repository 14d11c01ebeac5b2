"""Installs each package given with GraalPy's pip, one after the other in this one interpreter (a GraalPy started
for each would spend most of its time starting pip), each into its own --target folder, from wheels only: a package
with no wheel GraalPy can use fails fast here, and package-report then tries its source build with a time limit.

Usage: graalpy pip_each.py OUT_DIR PKG...   Writes OUT_DIR/PKG/binary.json: {"rc", "seconds", "tags", "error"}.
"""
import contextlib
import glob
import io
import json
import os
import sys
import time

from pip._internal.cli.main import main as pip


def wheel_tags(target, package):
    """The WHEEL tags of the package's own distribution (py3-none-any for pure Python, graalpy... for a GraalPy build)."""
    wanted = package.lower().replace('-', '_')
    for wheel in glob.glob(os.path.join(target, '*.dist-info', 'WHEEL')):
        if os.path.basename(os.path.dirname(wheel)).lower().split('-')[0] == wanted:
            with open(wheel) as f:
                return [line.split(':', 1)[1].strip() for line in f if line.startswith('Tag:')]
    return []


def main(out, packages):
    for package in packages:
        folder = os.path.join(out, package)
        os.makedirs(folder, exist_ok=True)
        log = io.StringIO()
        start = time.monotonic()
        with contextlib.redirect_stdout(log), contextlib.redirect_stderr(log):
            try:
                rc = pip(['install', '--disable-pip-version-check', '--no-input', '--only-binary', ':all:',
                          '--target', os.path.join(folder, 'site'), package])
            except SystemExit as e:
                rc = e.code if isinstance(e.code, int) else 1
        seconds = time.monotonic() - start
        text = log.getvalue()
        with open(os.path.join(folder, 'binary.log'), 'w') as f:
            f.write(text)
        errors = [line[len('ERROR: '):] for line in text.splitlines() if line.startswith('ERROR: ')]
        result = {'rc': rc, 'seconds': round(seconds), 'tags': wheel_tags(os.path.join(folder, 'site'), package),
                  'error': errors[-1] if errors else None}
        with open(os.path.join(folder, 'binary.json'), 'w') as f:
            json.dump(result, f)
        print(f'pip_each: {package}: {result}', file=sys.__stderr__, flush=True)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2:])
