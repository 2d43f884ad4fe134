#!/usr/bin/python3
"""report.sarif against the SARIF 2.1.0 JSON schema and, when given, Microsoft's multitool.

usage: validate_sarif.py CROSSCHECK SOURCE_DIR WORK_DIR [--multitool PATH]

Copies facts/ into a folder whose name needs percent-encoding ("sp ace/faits-é/a#b"), runs
`crosscheck check` there, and validates report.sarif (and the shipped reports/report.sarif):
- against tests/report/sarif-schema-2.1.0.json with format checking (uri, uri-reference:
  python3-rfc3987), after making sure that a raw path in a URI does fail it, so that a
  validator without format checking cannot pass silently;
- every artifact URI, decoded, names a fact file that exists (so "a#b" is not read as a
  fragment);
- with --multitool, `sarif-multitool validate` must report 0 errors and 0 warnings.
Runs under Debian's python3 (python3-jsonschema, python3-rfc3987; .ci/deps test).

sarif-schema-2.1.0.json is the schema shipped as sarif-2.1.0.json in the npm package
@microsoft/sarif-multitool-linux 5.7.0 (the multitool's own copy, MIT), unchanged.
"""
import copy
import json
import os
import shutil
import subprocess
import sys
import urllib.parse

import jsonschema
import rfc3987  # noqa: F401  (jsonschema checks uri formats only when it is importable)

TRICKY = os.path.join("sp ace", "faits-\u00e9", "a#b")


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def schema_errors(validator, log):
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator.iter_errors(log)]


def artifact_uris(log):
    for result in log["runs"][0]["results"]:
        for key in ("locations", "relatedLocations"):
            for location in result.get(key, []):
                yield location["physicalLocation"]["artifactLocation"]


def check_uris(log, work_dir):
    seen = 0
    for artifact in artifact_uris(log):
        uri = artifact["uri"]
        path = urllib.parse.unquote(uri)
        if path != uri:
            seen += 1
        if artifact.get("uriBaseId") != "%SRCROOT%":
            fail(f"{uri}: a relative path without uriBaseId %SRCROOT%")
        if not os.path.isfile(os.path.join(work_dir, path)):
            fail(f"{uri} decodes to {path!r}, which is not a file under {work_dir}")
    if seen == 0:
        fail("no artifact URI needed percent-encoding: the test proves nothing")


def run_multitool(multitool, sarif, work_dir):
    out = os.path.join(work_dir, os.path.basename(os.path.dirname(sarif)) + ".validation.sarif")
    if os.path.exists(out):
        os.remove(out)
    proc = subprocess.run([multitool, "validate", sarif, "--output", out],
                          capture_output=True, text=True)
    print(proc.stdout + proc.stderr)
    if proc.returncode != 0:
        fail(f"sarif-multitool validate exited {proc.returncode}")
    with open(out, encoding="utf-8") as f:
        run = json.load(f)["runs"][0]
    levels = [r.get("level", "warning") for r in run.get("results", [])]
    notes = [n for inv in run.get("invocations", [])
             for n in inv.get("toolExecutionNotifications", [])
             + inv.get("toolConfigurationNotifications", [])
             if n.get("level", "warning") in ("error", "warning")]
    errors, warnings = levels.count("error"), levels.count("warning")
    print(f"sarif-multitool validate {sarif}: {errors} errors, {warnings} warnings")
    if errors or warnings or notes:
        fail(f"sarif-multitool: {errors} errors, {warnings} warnings, {len(notes)} tool notices")


def main():
    args = sys.argv[1:]
    multitool = None
    if "--multitool" in args:
        i = args.index("--multitool")
        multitool = args[i + 1]
        del args[i:i + 2]
    crosscheck, source_dir, work_dir = args
    shutil.rmtree(work_dir, ignore_errors=True)
    facts = os.path.join(work_dir, TRICKY)
    shutil.copytree(os.path.join(source_dir, "facts"), facts)
    proc = subprocess.run([crosscheck, "check", TRICKY, "--out", "out", "--format", "sarif",
                           "--fail-on", "never", "--quiet"],
                          cwd=work_dir, capture_output=True, text=True)
    if proc.returncode != 0:
        fail(f"crosscheck check exited {proc.returncode}: {proc.stderr}")
    logs = {os.path.join(work_dir, "out", "report.sarif"): work_dir,
            os.path.join(source_dir, "reports", "report.sarif"): source_dir}

    with open(os.path.join(source_dir, "tests", "report", "sarif-schema-2.1.0.json"),
              encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)

    tricky = os.path.join(work_dir, "out", "report.sarif")
    with open(tricky, encoding="utf-8") as f:
        log = json.load(f)
    raw = copy.deepcopy(log)
    next(artifact_uris(raw))["uri"] = TRICKY + "/a.yaml"
    if not schema_errors(validator, raw):
        fail("the schema accepts an unencoded path as a URI: format checking is off")

    for sarif, base in logs.items():
        with open(sarif, encoding="utf-8") as f:
            log = json.load(f)
        errors = schema_errors(validator, log)
        for e in errors:
            print(f"{sarif}: {e}")
        if errors:
            fail(f"{sarif}: {len(errors)} schema errors")
        print(f"{sarif}: valid against the SARIF 2.1.0 schema")
        if sarif == tricky:
            check_uris(log, base)
        if multitool:
            run_multitool(multitool, sarif, work_dir)
    print("SARIF: 2 logs valid")


if __name__ == "__main__":
    main()
