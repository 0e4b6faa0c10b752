#!/usr/bin/env python3
"""Check a recorded Codex app-server transcript with Python (the `cask validate` format).

usage: validate_transcript.py [--schema-dir DIR] [--each] [--json] TRANSCRIPT.jsonl

A transcript has one {"dir": "c2s"|"s2c", "msg": <message>} per line. A response is
matched to its request by id and direction, and its result checked against that
request's method. With --each, lines are checked one by one and a response names its
request's method in a "method" member. --json prints one {"line", "ok", "errors"} per line.
Exit status: 0 all valid, 1 any invalid.
"""

import argparse
import json
import os
import sys

from codex_schema import CodexSchema

HERE = os.path.dirname(os.path.abspath(__file__))


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("transcript")
    parser.add_argument("--schema-dir", default=os.path.join(HERE, "..", "..", "json"))
    parser.add_argument("--each", action="store_true", help="check lines independently")
    parser.add_argument("--json", action="store_true", help="one JSON verdict per line")
    args = parser.parse_args(argv)

    schema = CodexSchema(args.schema_dir)
    pending = {"c2s": {}, "s2c": {}}  # outstanding requests per direction, by id
    failures = 0
    with open(args.transcript, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            entry = json.loads(line)
            direction, msg = entry["dir"], entry["msg"]
            method = entry.get("method")
            kind = CodexSchema.classify(msg)
            if not args.each and kind in ("response", "error"):
                request = pending["c2s" if direction == "s2c" else "s2c"].pop(json.dumps(msg["id"]), None)
                method = request
            elif not args.each and kind == "request":
                pending[direction][json.dumps(msg["id"])] = msg["method"]
            errors = schema.validate(msg, direction, method)
            failures += bool(errors)
            if args.json:
                print(json.dumps({"line": number, "ok": not errors, "errors": errors}))
            else:
                for error in errors:
                    print("line %d: %s" % (number, error))
    if not args.json:
        print("FAILED: %d invalid messages" % failures if failures else "ok: all messages valid")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
