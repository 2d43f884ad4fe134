#!/usr/bin/python3
"""Validates JSON and YAML files against one of the JSON Schemas (draft-07) in this folder.

YAML is read as YAML 1.2 (ruamel.yaml), as the loader (yaml-cpp) and yaml-language-server
read it: `yes` and `no` are text, true and false are booleans, 0o17 is octal. PyYAML reads
YAML 1.1, where `yes` is a boolean. ruamel.yaml still reads an unquoted ISO date
(`published: 2018-06-18`) as a date, which YAML 1.2's core schema does not: here it stays
the text as written, as the loader reads it.

Usage: validate.py SCHEMA FILE...   (a .json file is read as JSON, any other as YAML)
Prints one line per file ("valid" or the first error) and exits 1 if any is invalid.
Needs Debian's python3-jsonschema and python3-ruamel.yaml (.ci/deps test)."""
import json
import sys

import jsonschema
import ruamel.yaml


def yaml_reader():
    reader = ruamel.yaml.YAML(typ="safe", pure=True)
    reader.version = (1, 2)
    reader.constructor.add_constructor(
        "tag:yaml.org,2002:timestamp", lambda constructor, node: constructor.construct_scalar(node))
    return reader


def read(path, reader):
    with open(path, encoding="utf-8") as stream:
        if path.endswith(".json"):
            return json.load(stream)
        return reader.load(stream)


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as stream:
        schema = json.load(stream)
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    reader = yaml_reader()
    failed = False
    for path in argv[2:]:
        errors = sorted(validator.iter_errors(read(path, reader)), key=lambda e: list(e.absolute_path))
        if errors:
            failed = True
            where = "/".join(str(p) for p in errors[0].absolute_path)
            print(f"{path}: invalid at '{where}': {errors[0].message}")
        else:
            print(f"{path}: valid")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
