#!/bin/sh
# Re-extract the strings, fill the Chinese from tools/zh_cn/part_*.py, reformat, compile the .qm.
set -e
cd "$(dirname "$0")/../.."
VENV=${VENV:-/work/venv}
TS=resources/translations/convviz_zh_CN.ts
lupdate() { "$VENV/bin/pyside6-lupdate" $(find convviz -name '*.py' | sort) -ts $TS -target-language zh_CN -no-obsolete -locations none; }
lupdate
"$VENV/bin/python" tools/zh_cn/apply.py || true
lupdate
"$VENV/bin/pyside6-lrelease" $TS -qm resources/translations/convviz_zh_CN.qm
