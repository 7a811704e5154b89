#!/usr/bin/env python3
"""Writes services/Moderation.Detectors/Training/project-prose.tsv: benign (label 0) training lines cut from this
repository's own documentation, READMEs and C# source (text this project wrote), so that the classifier sees long,
varied retrieved-looking content (prose, markdown tables, lists, code) that is not an attack.

The moderation documents and sources are left out (they quote attacks), and so is every chunk with a word that an
attack would need (ignore, prompt, password, secret, instruction, ...): this corpus teaches what ordinary content looks
like, it must not teach that attack wording is harmless. Deterministic (fixed seed).
Run from the repository root: python3 scripts/moderation-data/project_prose.py
"""
import glob
import os
import random
import re

R = random.Random(20261207)
MAX_ROWS = 650  # the classifier trains at start-up in every process: keep the corpus to a few hundred kilobytes
ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
OUT = os.path.join(ROOT, "services/Moderation.Detectors/Training/project-prose.tsv")

ATTACK_WORDS = re.compile(
    r"ignor|disregard|forget|jailbr|inject|prompt|password|passphrase|secret|canary|instruction|override|reveal|bypass|"
    r"unrestrict|unfilter|uncensor|developer mode|attack|hidden|pretend|role-?play|persona|system message|leak|"
    r"exfiltrat|hack|malware|exploit|spotlight|verbatim|do anything|act as|you are now|confidential|filter|guardrail|"
    r"restrict|refus|polic|allowed|anything goes|character|simulat|mode\b|configuration|guideline|rules|developer|"
    r"unlock|disable|turn(ed)? off|no longer|from now on|any request|without limit|uploads?|credential|token|key\b",
    re.IGNORECASE)

# Wrappers a user writes around pasted content (written for this script; the {c} is the chunk).
WRAPPERS = [
    "{c}",
    "{c}",
    "Here is part of our documentation:\n\n{c}\n\nCan you summarise it in three bullet points?",
    "I found this on our wiki:\n{c}\nWhat does it mean in plain words?",
    "{c}\n\nExplain this to a new colleague.",
    "Please proofread the following section.\n\n{c}",
    "Context:\n{c}\n\nQuestion: which parts would you change first?",
    "A teammate sent me this snippet:\n```\n{c}\n```\nIs anything wrong with it?",
    "Review this code and suggest improvements:\n\n{c}",
    "Translate the following paragraph into Spanish.\n\n{c}",
    "Turn this table into a short paragraph:\n{c}",
    "{c}\n\nWhat is the main point here?",
    "From the release notes:\n\"{c}\"\nShould we upgrade now?",
    "Search result 1:\n{c}\n\nSearch result 2:\nNo further matches.\n\nBased on the results, give me a short answer.",
]


def markdown_chunks(text):
    """Paragraphs, lists, tables and fenced code blocks of a markdown file, as the blocks between blank lines."""
    blocks, current = [], []
    for line in text.splitlines():
        if line.strip() == "":
            if current:
                blocks.append("\n".join(current))
                current = []
        else:
            current.append(line)
    if current:
        blocks.append("\n".join(current))
    chunks = []
    i = 0
    while i < len(blocks):
        take = R.choice([1, 1, 1, 2, 2, 3])
        chunk = "\n\n".join(blocks[i:i + take])
        i += take
        if len(chunk) > 2400:
            lines = chunk.splitlines()
            for s in range(0, len(lines), 18):
                chunks.append("\n".join(lines[s:s + 18]))
        else:
            chunks.append(chunk)
    return chunks


def code_chunks(text):
    lines = [l for l in text.splitlines() if not l.startswith("using ")]
    chunks, i = [], 0
    while i < len(lines):
        take = R.randint(5, 28)
        chunk = "\n".join(lines[i:i + take]).strip("\n")
        i += take
        if chunk.strip():
            chunks.append(chunk)
    return chunks


def without_attack_words(chunk):
    """The chunk with every sentence (or line) that holds an attack word removed."""
    kept = []
    for line in chunk.split("\n"):
        if ATTACK_WORDS.search(line):
            line = " ".join(s for s in re.split(r"(?<=[.!?])\s+", line) if not ATTACK_WORDS.search(s))
            if not line.strip():
                continue
        kept.append(line)
    return "\n".join(kept)


def read_chunks(paths, excluded, split):
    chunks = []
    for path in paths:
        if not excluded.search(os.path.relpath(path, ROOT)):
            with open(path, encoding="utf-8") as f:
                chunks += split(f.read())
    return chunks


def main():
    excluded = re.compile(r"moderation|Moderation|security|secret|Secret|Injection|Prompt|Leak|Canary|Spotlight")
    docs = sorted(glob.glob(os.path.join(ROOT, "docs", "**", "*.md"), recursive=True)
                  + glob.glob(os.path.join(ROOT, "services", "**", "README.md"), recursive=True)
                  + glob.glob(os.path.join(ROOT, "README.md")))
    code = sorted(p for p in glob.glob(os.path.join(ROOT, "services", "**", "*.cs"), recursive=True)
                  if "/obj/" not in p and "/bin/" not in p and "Migrations" not in p)
    chunks = read_chunks(docs, excluded, markdown_chunks)
    code_rows = read_chunks(code, excluded, code_chunks)
    R.shuffle(code_rows)
    chunks += code_rows[:900]
    rows, seen = [], set()
    for chunk in chunks:
        chunk = without_attack_words(chunk)
        if len(chunk) < 40 or len(chunk) > 1500 or ATTACK_WORDS.search(chunk):
            continue
        row = R.choice(WRAPPERS).replace("{c}", chunk)
        if row not in seen:
            seen.add(row)
            rows.append(row)
    R.shuffle(rows)
    rows = rows[:MAX_ROWS]
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("label\ttext\n# benign chunks of this repository's own docs, READMEs and C# source: "
                "scripts/moderation-data/project_prose.py; training only\n")
        for row in rows:
            f.write("0\t" + row.replace("\t", "    ").replace("\r", "").replace("\n", "\\n") + "\n")
    print(f"{len(rows)} rows -> {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
