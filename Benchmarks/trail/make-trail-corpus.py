#!/usr/bin/env python3
"""Writes 1,000 CloudTrail log files of 100 events each to a folder: 100,000 events, 152 MB inflated,
17 MB compressed (the corpus of the events and site comparisons in Benchmarks/run.sh).

    Benchmarks/trail/make-trail-corpus.py OUT_DIR [FILES] [EVENTS_PER_FILE]

Deterministic (seeded random, gzip mtime=0). Records mix IAM users, assumed roles and AWS services,
console sign-ins, errors, S3 data events and EC2 calls, with CloudTrail's key order and sizes
(about 1.5 KB per record), in the S3 layout AWSLogs/<account>/CloudTrail/<region>/<yyyy>/<mm>/<dd>/.
"""

import gzip
import io
import json
import os
import random
import sys

ACCOUNT = "123456789012"
REGIONS = ["us-east-1", "ap-northeast-2", "eu-west-1"]
CALLS = [
    ("s3.amazonaws.com", "GetObject", True), ("s3.amazonaws.com", "PutObject", False),
    ("s3.amazonaws.com", "ListObjects", True), ("ec2.amazonaws.com", "DescribeInstances", True),
    ("ec2.amazonaws.com", "RunInstances", False), ("iam.amazonaws.com", "GetUser", True),
    ("sts.amazonaws.com", "AssumeRole", False), ("kms.amazonaws.com", "Decrypt", True),
    ("cloudtrail.amazonaws.com", "LookupEvents", True), ("monitoring.amazonaws.com", "PutMetricAlarm", False),
]


def identity(rng):
    kind = rng.random()
    if kind < 0.5:
        name = f"user-{rng.randrange(40)}"
        return {"type": "IAMUser", "principalId": f"AIDA{rng.randrange(10**16):016d}",
                "arn": f"arn:aws:iam::{ACCOUNT}:user/{name}", "accountId": ACCOUNT,
                "accessKeyId": f"AKIA{rng.randrange(10**16):016d}", "userName": name}
    if kind < 0.9:
        role = f"role-{rng.randrange(12)}"
        session = f"session-{rng.randrange(1000)}"
        return {"type": "AssumedRole", "principalId": f"AROA{rng.randrange(10**16):016d}:{session}",
                "arn": f"arn:aws:sts::{ACCOUNT}:assumed-role/{role}/{session}", "accountId": ACCOUNT,
                "accessKeyId": f"ASIA{rng.randrange(10**16):016d}",
                "sessionContext": {"sessionIssuer": {"type": "Role", "principalId": f"AROA{rng.randrange(10**16):016d}",
                                                     "arn": f"arn:aws:iam::{ACCOUNT}:role/{role}",
                                                     "accountId": ACCOUNT, "userName": role},
                                   "webIdFederationData": {},
                                   "attributes": {"creationDate": "2024-03-01T10:00:00Z", "mfaAuthenticated": "false"}}}
    return {"type": "AWSService", "invokedBy": "cloudtrail.amazonaws.com"}


def record(rng, minute, index):
    source, name, read_only = CALLS[rng.randrange(len(CALLS))]
    region = REGIONS[rng.randrange(len(REGIONS))]
    rec = {
        "eventVersion": "1.08",
        "userIdentity": identity(rng),
        "eventTime": f"2024-03-01T{minute // 60:02d}:{minute % 60:02d}:{rng.randrange(60):02d}Z",
        "eventSource": source,
        "eventName": name,
        "awsRegion": region,
        "sourceIPAddress": f"203.0.113.{rng.randrange(256)}",
        "userAgent": "aws-cli/2.15.0 Python/3.11.6 Linux/6.1.0 exe/x86_64.debian.12 prompt/off command/"
                     + name.lower(),
    }
    if rng.random() < 0.08:
        rec["errorCode"] = "AccessDenied"
        rec["errorMessage"] = f"User is not authorized to perform: {source.split('.')[0]}:{name}"
    rec["requestParameters"] = {"bucketName": f"bucket-{rng.randrange(30)}", "Host": f"{source}",
                                "key": f"logs/2024/03/01/{rng.randrange(10**9)}.json", "maxResults": 50,
                                "filters": [{"name": "tag:Name", "values": ["web", "db"]}]}
    rec["responseElements"] = None if read_only else {"requestId": f"{rng.randrange(16**32):032x}",
                                                      "result": {"ok": True, "count": rng.randrange(100)}}
    rec["additionalEventData"] = {"SignatureVersion": "SigV4", "CipherSuite": "ECDHE-RSA-AES128-GCM-SHA256",
                                  "bytesTransferredIn": rng.randrange(5000), "AuthenticationMethod": "AuthHeader",
                                  "x-amz-id-2": f"{rng.randrange(16**40):040x}", "bytesTransferredOut": 0}
    rec["requestID"] = f"{rng.randrange(16**16):016X}"
    rec["eventID"] = f"{rng.randrange(16**8):08x}-{rng.randrange(16**4):04x}-4{rng.randrange(16**3):03x}-a{rng.randrange(16**3):03x}-{rng.randrange(16**12):012x}"
    rec["readOnly"] = read_only
    rec["resources"] = [{"accountId": ACCOUNT, "type": "AWS::S3::Bucket", "ARN": f"arn:aws:s3:::bucket-{index % 30}"}]
    rec["eventType"] = "AwsApiCall"
    rec["managementEvent"] = source != "s3.amazonaws.com"
    rec["recipientAccountId"] = ACCOUNT
    rec["eventCategory"] = "Management" if source != "s3.amazonaws.com" else "Data"
    rec["tlsDetails"] = {"tlsVersion": "TLSv1.3", "cipherSuite": "TLS_AES_128_GCM_SHA256",
                         "clientProvidedHostHeader": f"{source.split('.')[0]}.{region}.amazonaws.com"}
    return rec


def main():
    out = sys.argv[1]
    files = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    per_file = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    rng = random.Random(20240301)
    total = 0
    for number in range(files):
        region = REGIONS[number % len(REGIONS)]
        minute = number * 1440 // files
        records = [record(rng, minute, number * per_file + i) for i in range(per_file)]
        payload = json.dumps({"Records": records}, separators=(",", ":")).encode()
        total += len(payload)
        folder = os.path.join(out, "AWSLogs", ACCOUNT, "CloudTrail", region, "2024", "03", "01")
        os.makedirs(folder, exist_ok=True)
        name = f"{ACCOUNT}_CloudTrail_{region}_20240301T{minute // 60:02d}{minute % 60:02d}Z_{number:016d}.json.gz"
        buffer = io.BytesIO()
        with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0) as stream:
            stream.write(payload)
        with open(os.path.join(folder, name), "wb") as handle:
            handle.write(buffer.getvalue())
    print(f"make-trail-corpus: {files * per_file} events in {files} files, {total / 1e6:.0f} MB inflated", file=sys.stderr)


if __name__ == "__main__":
    main()
