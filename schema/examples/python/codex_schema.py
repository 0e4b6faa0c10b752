"""Validate Codex app-server messages in Python with the @cask/schema JSON Schema.

Uses the `jsonschema` package (Debian: python3-jsonschema; PyPI: jsonschema >= 4.10)
and enforces the schema's numeric formats (int32, uint64, ...) from ../../formats.json,
which jsonschema would otherwise ignore.

    from codex_schema import CodexSchema
    schema = CodexSchema("node_modules/@cask/schema/json")          # or json-experimental
    errors = schema.validate(message, "c2s")                           # [] when valid
    errors = schema.validate(response, "s2c", method="thread/start")   # a response: name its request
"""

import json
import math
import os

from jsonschema import Draft7Validator, FormatChecker

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_FORMATS = os.path.join(HERE, "..", "..", "formats.json")
BUNDLE_FILE = "codex_app_server_protocol.schemas.json"


def format_checker(formats_file=DEFAULT_FORMATS):
    """A FormatChecker that knows the schema's numeric formats (and nothing else)."""
    with open(formats_file, encoding="utf-8") as f:
        formats = json.load(f)["formats"]
    checker = FormatChecker(formats=())
    for name, spec in formats.items():
        checker.checks(name)(_range_check(spec))
    return checker


def _range_check(spec):
    def check(value):
        # A format constrains numbers only; bool is an int in Python but not a JSON number.
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return True
        if isinstance(value, float) and not math.isfinite(value):
            return False
        if spec["type"] == "integer" and isinstance(value, float) and not value.is_integer():
            return False
        return spec["minimum"] <= value <= spec["maximum"]

    return check


class CodexSchema:
    """Checks whole messages the way @cask/validators does: envelope, then params or result."""

    UNIONS = {
        ("c2s", "request"): "ClientRequest",
        ("c2s", "notification"): "ClientNotification",
        ("s2c", "request"): "ServerRequest",
        ("s2c", "notification"): "ServerNotification",
    }
    ENVELOPES = {
        "request": "JSONRPCRequest",
        "notification": "JSONRPCNotification",
        "response": "JSONRPCResponse",
        "error": "JSONRPCError",
    }

    def __init__(self, schema_dir, formats_file=DEFAULT_FORMATS):
        with open(os.path.join(schema_dir, BUNDLE_FILE), encoding="utf-8") as f:
            self.bundle = json.load(f)
        self.checker = format_checker(formats_file)
        self._validators = {}
        # The result schema of each request method, from the x-result link of its union member.
        self.results = {}
        for direction in ("c2s", "s2c"):
            union = self.UNIONS[(direction, "request")]
            for member in self.bundle["definitions"][union]["oneOf"]:
                method = member["properties"]["method"]["enum"][0]
                self.results[(direction, method)] = member["x-result"]["$ref"]
        # The union member of each method, e.g. ("c2s", "request") -> {"turn/start": "#/definitions/ClientRequest/oneOf/3"}.
        self.members = {
            key: {
                m["properties"]["method"]["enum"][0]: "#/definitions/%s/oneOf/%d" % (name, i)
                for i, m in enumerate(self.bundle["definitions"][name]["oneOf"])
            }
            for key, name in self.UNIONS.items()
        }

    def _validator(self, ref):
        if ref not in self._validators:
            # The bundle itself is the root document, so every "#/definitions/..." reference resolves.
            root = dict(self.bundle)
            root["$ref"] = ref
            self._validators[ref] = Draft7Validator(root, format_checker=self.checker)
        return self._validators[ref]

    def _errors(self, ref, instance, prefix=""):
        return [
            "%s%s: %s" % (prefix, "".join("/" + str(p) for p in e.absolute_path), e.message)
            for e in self._validator(ref).iter_errors(instance)
        ]

    @staticmethod
    def classify(msg):
        if not isinstance(msg, dict):
            return None
        if "method" in msg:
            if not isinstance(msg["method"], str):
                return None
            return "request" if "id" in msg else "notification"
        if "id" not in msg or ("result" in msg) == ("error" in msg):
            return None
        return "response" if "result" in msg else "error"

    def validate(self, msg, direction, method=None):
        """Returns a list of problems (empty when valid). `method` names the request a response answers."""
        kind = self.classify(msg)
        if kind is None:
            return ["/: not a request, notification or response"]
        errors = self._errors("#/definitions/" + self.ENVELOPES[kind], msg)
        if errors:
            return errors
        if kind in ("request", "notification"):
            member = self.members[(direction, kind)].get(msg["method"])
            if member is None:
                return ["/method: unknown %s %s %r" % (direction, kind, msg["method"])]
            return self._errors(member, msg)
        if kind == "response" and method is not None:
            request_direction = "c2s" if direction == "s2c" else "s2c"
            ref = self.results.get((request_direction, method))
            if ref is None:
                return ["/result: unknown %s request method %r" % (request_direction, method)]
            return self._errors(ref, msg["result"], "/result")
        return []
