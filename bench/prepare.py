#!/usr/bin/env python3
"""Makes the benchmark's inputs.

paths   <n_links> <n_requests> <repeat> <out> [network]   Zipf-like (s=1.1) /r/{code} paths with client addresses;
        a share <repeat> of them is a visitor clicking the same link again (not counted);
        client addresses in <network>.0.0.0/8 (default 10)
orders  <slug> <secret> <codes_file> <n> <dup_ratio> <out>   signed raw HTTP order requests, n deliveries,
        dup_ratio of them re-deliveries of an order sent before (half of those right after the original)
"""
import bisect
import hashlib
import hmac
import json
import random
import sys
import time


def code(i):
    return hashlib.md5(str(i).encode()).hexdigest()[:10]


def zipf_paths(n_links, n_requests, repeat, out, network="10"):
    random.seed(42 + int(network))
    weights = [1.0 / (k ** 1.1) for k in range(1, n_links + 1)]
    cdf, total = [], 0.0
    for w in weights:
        total += w
        cdf.append(total)
    ranks = list(range(1, n_links + 1))
    random.shuffle(ranks)  # popular codes spread over the table
    recent = []
    with open(out, "w") as f:
        for i in range(n_requests):
            if recent and random.random() < repeat:
                path, ip = random.choice(recent)  # the same visitor on the same link again
            else:
                r = bisect.bisect_left(cdf, random.random() * total)
                path = "/r/%s" % code(ranks[r])
                ip = "%s.%d.%d.%d" % (network, random.randint(0, 255), random.randint(0, 255), random.randint(1, 254))
                if len(recent) < 50000:
                    recent.append((path, ip))
                else:
                    recent[random.randrange(len(recent))] = (path, ip)
            f.write("%s\t%s\n" % (path, ip))


def signed_orders(slug, secret, n, dup_ratio, out, n_links, prefix="bench"):
    random.seed(7)
    now = int(time.time())
    sent = []
    lines = []
    pending_dup = None
    i = 0
    while len(lines) < n:
        if pending_dup is not None:
            body = pending_dup
            pending_dup = None
        elif sent and random.random() < dup_ratio:
            body = random.choice(sent)
        else:
            i += 1
            body = json.dumps({
                "orderId": "%s-%d-%d" % (prefix, now, i),
                "occurredAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now)),
                "currency": "USD",
                "customer": {"email": "buyer%d@example.net" % i, "country": "DE"},
                "items": [{"sku": "PROD", "quantity": 1 + i % 3, "unitPrice": "49.99"}],
                "referral": {"linkCode": code(random.randint(1, n_links))},
            }, separators=(",", ":"))
            sent.append(body)
            if random.random() < dup_ratio / 2:
                pending_dup = body  # a concurrent re-delivery, right behind the original
        raw = body.encode()
        sig = hmac.new(secret.encode(), str(now).encode() + b"." + raw, hashlib.sha256).hexdigest()
        lines.append(
            "POST /api/v1/vendors/%s/orders HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nContent-Type: application/json\\r\\n"
            "X-Partnerline-Signature: t=%d,v1=%s\\r\\nContent-Length: %d\\r\\n\\r\\n%s" % (slug, now, sig, len(raw), body))
    with open(out, "w") as f:
        for line in lines:
            f.write(line.replace("\n", "") + "\n")
    print("%d deliveries of %d distinct orders" % (len(lines), i))


if __name__ == "__main__":
    if sys.argv[1] == "paths":
        zipf_paths(int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), sys.argv[5], *sys.argv[6:7])
    else:
        signed_orders(sys.argv[2], sys.argv[3], int(sys.argv[5]), float(sys.argv[6]), sys.argv[7], int(sys.argv[4]),
                      *sys.argv[8:9])
