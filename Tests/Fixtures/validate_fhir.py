#!/usr/bin/env python3
"""Checks FaceChart's FHIR export: each Bundle against the FHIR R4 (4.0.1) models of fhir.resources 6.4.0,
then what those models do not check: every coding against the codes FaceChart may write (found in public
value sets), every reference resolving inside the Bundle (or a conditional reference by identifier),
doses in UCUM [USP'U], and unique fullUrls.

Usage: validate_fhir.py FILE...   (a file holds one Bundle, or NDJSON with one Bundle per line)
Prints 'ok N bundles' and exits 0, or prints each problem and exits 1; exits 3 when fhir.resources is missing.
"""
import json
import re
import sys

try:
    import fhir.resources
    from fhir.resources.bundle import Bundle
except ImportError:
    print("fhir.resources is not installed (pip install 'fhir.resources==6.4.0' 'pydantic<2')")
    sys.exit(3)

SNOMED = "http://snomed.info/sct"
# The codes listed as verified in the interchange reference; nothing else may appear in a coding.
ALLOWED = {
    (SNOMED, "108890005"),  # botulinum toxin type A (substance)
    (SNOMED, "24028007"), (SNOMED, "7771000"), (SNOMED, "399488007"),  # right, left, midline
    (SNOMED, "78421000"), (SNOMED, "372464004"), (SNOMED, "34206005"),  # IM, ID, SC routes
    (SNOMED, "79368004"), (SNOMED, "52927003"), (SNOMED, "18252004"), (SNOMED, "22823000"),
    (SNOMED, "31764008"), (SNOMED, "1600003"), (SNOMED, "45289007"), (SNOMED, "54019009"),
    (SNOMED, "52795006"), (SNOMED, "89545001"), (SNOMED, "22688005"),
    ("http://terminology.hl7.org/CodeSystem/v3-DocumentCompletion", "AU"),
    ("urn:iso-astm:E1762-95:2013", "1.2.840.10065.1.12.1.1"),
}
CONDITIONAL = re.compile(r"^[A-Z][A-Za-z]+\?identifier=[^|\s]+\|\S+$")


def walk(value, path, found):
    if isinstance(value, dict):
        if "system" in value and "code" in value and path.split(".")[-1] not in ("dose", "numerator", "denominator"):
            found["codings"].append((path, value["system"], value["code"]))
        if "reference" in value:
            found["references"].append((path, value["reference"]))
        if "code" in value and value.get("system") == "http://unitsofmeasure.org":
            found["quantities"].append((path, value))
        for key, item in value.items():
            walk(item, path + "." + key, found)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            walk(item, "%s[%d]" % (path, index), found)


def check(bundle_json, label):
    problems = []
    try:
        Bundle.parse_obj(bundle_json)
    except Exception as error:  # the model's own message names the element
        problems.append("%s: not a valid R4 Bundle: %s" % (label, error))
    if bundle_json.get("type") != "transaction":
        problems.append("%s: Bundle.type is %r, not transaction" % (label, bundle_json.get("type")))
    entries = bundle_json.get("entry", [])
    full_urls = [entry.get("fullUrl") for entry in entries]
    if len(set(full_urls)) != len(full_urls):
        problems.append("%s: duplicate fullUrl" % label)
    for index, entry in enumerate(entries):
        request = entry.get("request", {})
        if request.get("method") != "POST" or request.get("url") != entry.get("resource", {}).get("resourceType"):
            problems.append("%s: entry[%d] request is not a POST to its resource type" % (label, index))
    patients = [e for e in entries if e.get("resource", {}).get("resourceType") == "Patient"]
    if len(patients) != 1 or not patients[0]["request"].get("ifNoneExist", "").startswith("identifier="):
        problems.append("%s: needs exactly one Patient with ifNoneExist on its identifier" % label)
    found = {"codings": [], "references": [], "quantities": []}
    walk(bundle_json, "Bundle", found)
    for path, system, code in found["codings"]:
        if (system, code) not in ALLOWED:
            problems.append("%s: %s: code %s|%s is not a verified code" % (label, path, system, code))
    for path, reference in found["references"]:
        if reference.startswith("urn:uuid:"):
            if reference not in full_urls:
                problems.append("%s: %s: %s is not an entry of the Bundle" % (label, path, reference))
        elif not CONDITIONAL.match(reference):
            problems.append("%s: %s: %s is neither an entry nor a conditional reference" % (label, path, reference))
    for path, quantity in found["quantities"]:
        if path.endswith("dose") or path.endswith("numerator"):
            if quantity.get("code") != "[USP'U]":
                problems.append("%s: %s: toxin units must be [USP'U], not %r" % (label, path, quantity.get("code")))
        if quantity.get("code") == "[U]":
            problems.append("%s: %s: [U] is not a UCUM unit" % (label, path))
    administrations = [e["resource"] for e in entries if e["resource"]["resourceType"] == "MedicationAdministration"]
    for resource in administrations:
        if not resource.get("partOf"):
            problems.append("%s: a MedicationAdministration has no partOf" % label)
        if resource["dosage"]["dose"].get("code") != "[USP'U]":
            problems.append("%s: a MedicationAdministration dose is not in [USP'U]" % label)
    return problems


def main(paths):
    problems, count = [], 0
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        documents = [json.loads(text)] if text.lstrip().startswith("{\n") or "\n" not in text.strip() \
            else [json.loads(line) for line in text.splitlines() if line.strip()]
        for index, document in enumerate(documents):
            count += 1
            problems += check(document, "%s#%d" % (path, index + 1))
    for problem in problems:
        print(problem)
    if problems:
        return 1
    print("ok %d bundles (fhir.resources %s, FHIR R4 4.0.1)" % (count, fhir.resources.__version__))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
