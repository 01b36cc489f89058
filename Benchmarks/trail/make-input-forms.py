#!/usr/bin/env python3
"""Lay a CloudTrail corpus out in the other forms labsite events reads.

Usage: make-input-forms.py CORPUS OUTDIR

CORPUS is a folder of .json.gz log files (trail/make-trail-corpus.py). OUTDIR gets, for the same
records in the same order:

  lookup/NNNN.json     one `aws cloudtrail lookup-events` page per log file ({"Events":[...]}, each
                       record as its CloudTrailEvent string, the outer fields beside it)
  history/NNNN.csv     one console Event history CSV download per log file (the 16 columns)
  lookup-all.json      every event in one lookup-events document, as the CLI prints a paginated call
  history-all.csv      every event in one CSV download

Deterministic: the output depends only on the corpus.
"""

import csv
import gzip
import io
import json
import os
import sys

COLUMNS = ["User name", "AWS access key", "Event time", "Event source", "Event name", "AWS region",
           "Source IP address", "User agent", "Error code", "Resources", "Request ID", "Event ID",
           "Read-only", "Event type", "Recipient Account Id", "Event category"]


def lookup_event(record):
    identity = record.get("userIdentity") or {}
    event = {"EventId": record.get("eventID", ""), "EventName": record.get("eventName", ""),
             "ReadOnly": "true" if record.get("readOnly") else "false"}
    if identity.get("accessKeyId"):
        event["AccessKeyId"] = identity["accessKeyId"]
    event["EventTime"] = record.get("eventTime", "").replace("Z", "+00:00")
    event["EventSource"] = record.get("eventSource", "")
    if identity.get("userName"):
        event["Username"] = identity["userName"]
    event["Resources"] = [{"ResourceType": r.get("type"), "ResourceName": r.get("ARN")}
                          for r in record.get("resources") or []]
    event["CloudTrailEvent"] = json.dumps(record, separators=(",", ":"), ensure_ascii=False)
    return event


def history_row(record):
    identity = record.get("userIdentity") or {}
    resources = [{"resourceType": r.get("type"), "resourceName": r.get("ARN")}
                 for r in record.get("resources") or []]
    return [identity.get("userName", ""), identity.get("accessKeyId", ""), record.get("eventTime", ""),
            record.get("eventSource", ""), record.get("eventName", ""), record.get("awsRegion", ""),
            record.get("sourceIPAddress", ""), record.get("userAgent", ""), record.get("errorCode", ""),
            json.dumps(resources, separators=(",", ":")) if resources else "", record.get("requestID", ""),
            record.get("eventID", ""), "true" if record.get("readOnly") else "false",
            record.get("eventType", ""), record.get("recipientAccountId", ""), record.get("eventCategory", "")]


def csv_text(rows):
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return out.getvalue()


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    corpus, outdir = sys.argv[1], sys.argv[2]
    files = sorted(os.path.join(root, name) for root, _, names in os.walk(corpus)
                   for name in names if name.endswith(".json.gz"))
    os.makedirs(os.path.join(outdir, "lookup"), exist_ok=True)
    os.makedirs(os.path.join(outdir, "history"), exist_ok=True)
    every_event, every_row = [], []
    for number, path in enumerate(files):
        records = json.loads(gzip.decompress(open(path, "rb").read()))["Records"]
        events = [lookup_event(r) for r in records]
        rows = [history_row(r) for r in records]
        every_event += events
        every_row += rows
        with open(os.path.join(outdir, "lookup", f"{number:04}.json"), "w", encoding="utf-8") as out:
            json.dump({"Events": events}, out, ensure_ascii=False, indent=4)
        with open(os.path.join(outdir, "history", f"{number:04}.csv"), "w", encoding="utf-8-sig", newline="") as out:
            out.write(csv_text(rows))
    with open(os.path.join(outdir, "lookup-all.json"), "w", encoding="utf-8") as out:
        json.dump({"Events": every_event}, out, ensure_ascii=False, indent=4)
    with open(os.path.join(outdir, "history-all.csv"), "w", encoding="utf-8-sig", newline="") as out:
        out.write(csv_text(every_row))
    print(f"{len(every_event)} events from {len(files)} files", file=sys.stderr)


main()
