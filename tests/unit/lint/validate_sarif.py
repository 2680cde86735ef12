#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# Validates reachcheck's SARIF output against the SARIF 2.1.0 JSON schema, with Debian's
# python3-jsonschema. Usage: validate_sarif.py REACHCHECK SCHEMA OUT_DIR SNAPSHOT...
# Each snapshot is linted with --format sarif --output OUT_DIR/<n>.sarif and validated; the
# test also checks what GitHub needs (rule metadata, a location, fingerprints). Exit 77 (a
# visible skip) when the schema or the jsonschema module is absent.
import json
import re
import os
import subprocess
import sys


def main():
    reachcheck, schema_path, out_dir = sys.argv[1:4]
    snapshots = sys.argv[4:]
    if not os.path.isfile(schema_path):
        print("SKIPPED: SARIF schema not found at " + schema_path)
        return 77
    try:
        import jsonschema
    except ImportError:
        print("SKIPPED: python3-jsonschema is not installed")
        return 77
    with open(schema_path) as f:
        schema = json.load(f)
    validator = jsonschema.Draft7Validator(schema) if "draft-07" in schema.get("$schema", "") \
        else jsonschema.validators.validator_for(schema)(schema)
    os.makedirs(out_dir, exist_ok=True)
    failures = 0
    for i, snapshot in enumerate(snapshots):
        out = os.path.join(out_dir, "lint-%d.sarif" % i)
        run = subprocess.run([reachcheck, "-s", snapshot, "lint", "--format", "sarif", "--fail-on", "never",
                              "--output", out], capture_output=True, text=True)
        if run.returncode != 0:
            print("FAIL %s: exit %d\n%s" % (snapshot, run.returncode, run.stderr))
            failures += 1
            continue
        with open(out) as f:
            log = json.load(f)
        errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
        for error in errors[:10]:
            print("FAIL %s: %s at /%s" % (snapshot, error.message, "/".join(str(p) for p in error.path)))
        failures += bool(errors)
        run0 = log["runs"][0]
        rules = {r["id"]: r for r in run0["tool"]["driver"]["rules"]}
        for rule in rules.values():
            for key in ("shortDescription", "fullDescription", "help", "defaultConfiguration"):
                if key not in rule:
                    print("FAIL %s: rule %s has no %s" % (snapshot, rule["id"], key))
                    failures += 1
            # The schema's "format": "uri" (not checked by jsonschema without extra modules)
            # means an absolute URI: a scheme, then ':'.
            if "helpUri" in rule and not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", rule["helpUri"]):
                print("FAIL %s: rule %s helpUri %r is not an absolute URI" % (snapshot, rule["id"], rule["helpUri"]))
                failures += 1
        results = run0["results"]
        for result in results:
            ok = (result["ruleId"] in rules and result["locations"]
                  and "reachcheck/v1" in result["partialFingerprints"]
                  and result["locations"][0]["logicalLocations"])
            if not ok:
                print("FAIL %s: incomplete result %s" % (snapshot, json.dumps(result)[:200]))
                failures += 1
        flows = sum(1 for r in results if "codeFlows" in r)
        print("%s %s: %d results, %d with a code flow, %d rules" %
              ("ok" if not errors else "INVALID", snapshot, len(results), flows, len(rules)))
        if not results:
            print("FAIL %s: no results to validate" % snapshot)
            failures += 1
    print("sarif: %d passed, %d failed" % (len(snapshots) - min(failures, len(snapshots)), min(failures, len(snapshots))))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
