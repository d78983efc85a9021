#!/usr/bin/env python3
"""Write a synthetic Prompd registry as a Git repository, for benchmarks.

Usage: synthetic_registry.py OUTDIR N [COMMITS]

N packages @bench/pkg00000.. with versions 1.0.0, 1.1.0, 1.2.0, 2.0.0, about five files a version,
and the same seeded dependency graph as ../shared/bench/cargo_peer.py (same seed, same fan-out,
same ^1.1 ranges), so a prompd run and a cargo run on the peer registry do the same work.
The versions arrive over COMMITS commits (default 40). Uses `git fast-import`: seconds, not minutes.
"""
import os, random, subprocess, sys, json

out, n = sys.argv[1], int(sys.argv[2])
commits = int(sys.argv[3]) if len(sys.argv) > 3 else 40
rng = random.Random(42)
names = [f"pkg{i:05d}" for i in range(n)]
versions = ["1.0.0", "1.1.0", "1.2.0", "2.0.0"]

LICENSE = "MIT License\n\nCopyright (c) 2026 Bench\n\nPermission is hereby granted, free of charge, to any person obtaining a copy of this software.\n"

def files_of(i, name, v, deps):
    full = f"@bench/{name}"
    manifest = {
        "name": full, "version": v, "description": f"Synthetic prompts number {i}",
        "author": "bench", "license": "MIT", "keywords": ["bench", f"k{i % 50}"],
        "category": "testing", "main": "prompts/main.prmd",
        "prompts": {"main": "prompts/main.prmd", "extra": "prompts/extra.prmd"},
        "dependencies": {f"@bench/{names[j]}": "^1.1" for j in deps},
    }
    prompt = (f"---\nid: {name}-main\nname: {name} main\nversion: {v}\ndescription: Main prompt of {name}\n"
              "parameters:\n  - name: topic\n    type: string\n    required: true\n---\n"
              "# System\n\nYou are a careful assistant.\n\n# User\n\nWrite about {{ topic }}.\n" + "Prompt text line.\n" * 30)
    extra = (f"---\nid: {name}-extra\nname: {name} extra\nversion: {v}\ninherits: ./main.prmd\n---\n"
             "# User\n\nAdd detail on {{ topic }}.\n")
    return {
        "prompd.json": json.dumps(manifest, indent=2, sort_keys=False) + "\n",
        "README.md": f"# {full}\n\nSynthetic package {i}, version {v}.\n",
        "LICENSE": LICENSE,
        "prompts/main.prmd": prompt,
        "prompts/extra.prmd": extra,
    }

# Same RNG calls in the same order as cargo_peer.py: per package, per version, one draw set.
graph = {}
for i, name in enumerate(names):
    for v in versions:
        deps = []
        if i + 1 < n:
            deps = sorted(set(rng.randrange(i + 1, n) for _ in range(min(3, n - i - 1))))
        graph[(i, v)] = deps

os.makedirs(out, exist_ok=True)
subprocess.run(["git", "init", "-q", "-b", "main", out], check=True)
stream = []
def emit(s):
    stream.append(s.encode() if isinstance(s, str) else s)
def data(b):
    emit(f"data {len(b)}\n"); emit(b); emit("\n")

registry = {"name": "bench", "baseUrl": "http://127.0.0.1/", "git": "file:///bench.git", "maintainers": ["bench"], "private": False}
scopes = {"scopes": {"@bench": {"owners": ["bench"], "teams": []}}, "teams": {}}
items = [(i, v) for v in versions for i in range(n)]
per_commit = (len(items) + commits - 1) // commits
t = 1767225600  # 2026-01-01T00:00:00Z
for c in range(commits):
    chunk = items[c * per_commit:(c + 1) * per_commit]
    if not chunk:
        break
    emit("commit refs/heads/main\n")
    emit(f"committer Bench <bench@example.org> {t + c * 3600} +0000\n")
    data(f"publish batch {c}".encode())
    if c == 0:
        emit("M 100644 inline registry.json\n"); data((json.dumps(registry, indent=2) + "\n").encode())
        emit("M 100644 inline scopes.json\n"); data((json.dumps(scopes, indent=2) + "\n").encode())
    for i, v in chunk:
        for path, text in files_of(i, names[i], v, graph[(i, v)]).items():
            emit(f"M 100644 inline packages/@bench/{names[i]}/{v}/{path}\n")
            data(text.encode())
    emit("\n")
subprocess.run(["git", "fast-import", "--quiet"], cwd=out, input=b"".join(stream), check=True)
subprocess.run(["git", "checkout", "-q", "main"], cwd=out, check=True)
print(f"{n} packages x {len(versions)} versions in {min(commits, len(items))} commits at {out}")
