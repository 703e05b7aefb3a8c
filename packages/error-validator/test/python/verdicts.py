"""Python's jsonschema as an independent oracle for the differential tests.

stdin: one JSON document per line. The first line is {"schemas": {...}, "roots": {...}}: the
schema documents by $id, and the name -> $id of each root to validate against. Every other line
is one instance. stdout: one line per instance, the roots' verdicts as "1"/"0" in roots order.
Exits 3 when jsonschema (Debian: python3-jsonschema) or referencing is missing.
"""

import json
import sys

try:
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
except ImportError as error:  # the caller prints the reason and skips
    print(f"missing: {error}", file=sys.stderr)
    sys.exit(3)


def main() -> None:
    lines = sys.stdin.buffer.read().decode("utf-8").split("\n")
    header = json.loads(lines[0])
    registry = Registry().with_resources(
        (uri, Resource.from_contents(doc)) for uri, doc in header["schemas"].items()
    )
    validators = [
        Draft202012Validator(header["schemas"][uri], registry=registry)
        for uri in header["roots"].values()
    ]
    out = []
    for line in lines[1:]:
        if line == "":
            continue
        instance = json.loads(line)
        out.append("".join("1" if v.is_valid(instance) else "0" for v in validators))
    sys.stdout.write("\n".join(out) + "\n")


main()
