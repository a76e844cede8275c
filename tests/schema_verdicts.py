"""Python's jsonschema on every file named on the command line: prints one line per file,
"valid" or "invalid", as the schema judges it. Used by tests/browser/schema.test.mjs."""
import json
import sys

from jsonschema import Draft202012Validator

with open(sys.argv[1], encoding="utf-8") as f:
    validator = Draft202012Validator(json.load(f))
for path in sys.argv[2:]:
    try:
        with open(path, encoding="utf-8-sig") as f:
            doc = json.load(f)
    except (ValueError, UnicodeDecodeError):
        print("not-json")
        continue
    print("valid" if validator.is_valid(doc) else "invalid")
