"""Deterministic synthetic argument maps of any size, written as JSON and YAML for the benchmarks.

Run ``python -m benchmarks.generate [SIZES...]``; files go to ``benchmarks/data/``.
The same size and seed always give the same map and the same bytes.
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter
from pathlib import Path
from typing import Any

import argmap
from argmap import (
    ArgumentMap,
    Attack,
    Basis,
    Claim,
    Node,
    Participant,
    Premise,
    Rebuttal,
    Recommendation,
    Relation,
    Source,
    SourceRef,
    Support,
)

__all__ = ["DATA", "DEFAULT_SIZES", "data_path", "describe", "synthetic_map", "write_files"]

#: Sizes written when none are given.
DEFAULT_SIZES = (1000, 10000, 100000)

#: Where the generated files go (git-ignored).
DATA = Path(__file__).resolve().parent / "data"


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_ENGLISH = _words("""
ties trade security alliance dialogue tourism investment growth risk policy summit
border export import market supply chain region stability pressure sanction missile
defence economy partner neighbour history memory culture student exchange visit public
opinion media survey decline recovery crisis channel leader minister parliament vote
reform energy climate technology semiconductor battery shipping port tariff quota
agreement treaty framework cooperation competition rivalry balance hedging strategy
interest value norm rule order institution forum bilateral multilateral regional global
long short term gain loss cost benefit choice option path future past present decade
year month since after before because although while despite therefore however moreover
the a an of to in on for with by from about between among against without within
is are was were has have had will would should could may might must can does
not only also more less most least very quite rather clearly likely unlikely often
rarely always never steady sharp slow fast strong weak new old large small high low
""")
_NON_ASCII = _words("""
café naïve Müller São Paulo Bogotá Zürich résumé façade Kraków Ålesund señor Dvořák
coöperation élite Gdańsk Łódź Reykjavík Brontë déjà vu
무역 안보 협력 경제 외교 한중 관계 정상회담 북한 동맹 관광 투자 신뢰 대화
经济 合作 安全 贸易 外交 中韩 关系 文化 投资 发展 稳定 对话 信任 旅游
""")
#: About one word in seven is accented Latin, Hangul or Hanzi.
_NON_ASCII_SHARE = 0.14
_TAGS = (
    "trade",
    "security",
    "diplomacy",
    "economy",
    "culture",
    "history",
    "energy",
    "climate",
    "technology",
    "tourism",
    "education",
    "media",
    "public-opinion",
    "sanctions",
    "missiles",
    "supply-chain",
    "semiconductors",
    "investment",
    "alliances",
    "north-korea",
    "thaad",
    "fta",
    "rcep",
    "g20",
    "un",
    "apec",
    "seminar-2022",
    "op-ed",
    "report",
    "speech",
    "무역",
    "안보",
    "외교",
    "경제",
    "经济",
    "安全",
    "合作",
    "éducation",
    "sécurité",
    "zürich-talks",
)
_NAMES = (
    "Ahn Ho-young",
    "Kim Ji-won",
    "Lee Seo-yeon",
    "Park Min-jun",
    "Wang Wei",
    "Li Na",
    "Zhang Min",
    "Chen Jie",
    "José Müller",
    "Anaïs Lefèvre",
    "Søren Ødegård",
    "Zoë Brontë",
    "안호영",
    "김지원",
    "王伟",
    "李娜",
    "Jan Dvořák",
    "Łucja Wójcik",
)
_OUTLETS = (
    "Korea JoongAng Daily",
    "Global Times",
    "The Diplomat",
    "중앙일보",
    "环球时报",
    "Le Monde diplomatique",
)
_AFFILIATIONS = (
    "Seoul National University",
    "Peking University",
    "KDI",
    "CASS",
    "Sejong Institute",
    "Université de Genève",
    "서울대학교",
    "北京大学",
)
_COUNTRIES = ("Korea", "China", "Japan", "Switzerland", "Germany", "France")
_ROLES = ("moderator", "panelist", "discussant", "keynote")
_LANGUAGES = ("en", "ko", "zh", "fr", "de")
_BASES = tuple(Basis)

# Shares of the nodes after the main claims.
_KIND_WEIGHTS = {"premise": 0.72, "rebuttal": 0.22, "claim": 0.04, "recommendation": 0.02}
_PREMISE_ATTACKS = 0.13  # premises that undermine another premise instead of supporting
_LINKED = 0.06  # supports that are linked, with 1-2 co-premises
_CONVERGENT = 0.05  # premises that also support a second node
_REBUTS_REBUTTAL = 0.15  # rebuttals attacking a rebuttal
_UNDERCUTS = 0.20  # rebuttals attacking a support (undercuts)
_HAS_SOURCE = 0.5
_HAS_PARAGRAPHS = 0.6
_HAS_SPEAKER = 0.25
_HAS_TAGS = 0.35
_HAS_NOTE = 0.03
_HAS_BASIS = 0.5
_IMPLICIT = 0.02
_HANGUL_ID = 0.01


class _Texts:
    """Unique single-paragraph texts of 8-30 words."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._seen: set[str] = set()
        self._words = [*_ENGLISH, *_NON_ASCII]
        english = (1 - _NON_ASCII_SHARE) / len(_ENGLISH)
        other = _NON_ASCII_SHARE / len(_NON_ASCII)
        weights = [english] * len(_ENGLISH) + [other] * len(_NON_ASCII)
        total = 0.0
        self._cumulative = []
        for weight in weights:
            total += weight
            self._cumulative.append(total)

    def new(self, low: int = 8, high: int = 30) -> str:
        while True:
            count = self._rng.randint(low, high)
            words = self._rng.choices(self._words, cum_weights=self._cumulative, k=count)
            text = " ".join(words)
            text = text[0].upper() + text[1:] + "."
            if text not in self._seen:
                self._seen.add(text)
                return text


class _Generator:
    """Grows one map node by node; every relation points to an earlier node (no cycles)."""

    def __init__(self, n: int, seed: int) -> None:
        self.n = n
        self.seed = seed
        self.rng = random.Random(f"argmap-synthetic:{seed}:{n}")
        self.texts = _Texts(self.rng)
        self.nodes: list[Node] = []
        self.relations: list[Relation] = []
        self.claims: list[str] = []
        self.premises: list[str] = []
        self.rebuttals: list[str] = []
        self.supportable: list[str] = []  # claims, premises and recommendations
        self.supports: list[str] = []  # support ids, for undercuts
        self.unsupported: list[str] = []  # recommendations waiting for a support
        self.source_count = max(1, n // 250)
        self.participant_count = max(2, n // 500)
        self.sources_used = 0
        self.speakers_used = 0

    # -- ids and fields ----------------------------------------------------------------------

    def ident(self, prefix: str) -> str:
        index = len(self.nodes)
        if prefix == "p" and self.rng.random() < _HANGUL_ID:
            return f"전제{index}"
        return f"{prefix}{index}"

    def common(self) -> dict[str, Any]:
        rng = self.rng
        fields: dict[str, Any] = {}
        if rng.random() < _HAS_SOURCE:
            doc = f"doc{self.sources_used % self.source_count}"
            self.sources_used += 1
            paragraphs: tuple[int, ...] = ()
            if rng.random() < _HAS_PARAGRAPHS:
                paragraphs = tuple(sorted(rng.sample(range(1, 41), rng.randint(1, 3))))
            fields["source"] = SourceRef(doc, paragraphs)
        if rng.random() < _HAS_SPEAKER:
            fields["speaker"] = f"sp{self.speakers_used % self.participant_count}"
            self.speakers_used += 1
        if rng.random() < _HAS_TAGS:
            fields["tags"] = tuple(rng.sample(_TAGS, rng.randint(1, 3)))
        if rng.random() < _HAS_NOTE:
            fields["note"] = f"{self.texts.new(4, 12)}\n{self.texts.new(4, 12)}"
        return fields

    # -- node kinds ----------------------------------------------------------------------------

    def support(self, by: tuple[str, ...], target: str) -> None:
        relation = Support(by, target)
        self.relations.append(relation)
        self.supports.append(relation.id)

    def add_main_claim(self) -> None:
        ident = self.ident("c")
        self.nodes.append(Claim(ident, self.texts.new(), main=True, **self.common()))
        self.claims.append(ident)
        self.supportable.append(ident)

    def add_claim(self) -> None:
        ident = self.ident("c")
        self.nodes.append(Claim(ident, self.texts.new(), **self.common()))
        self.support((ident,), self.rng.choice(self.claims))
        self.claims.append(ident)
        self.supportable.append(ident)

    def add_recommendation(self) -> None:
        ident = self.ident("rec")
        self.nodes.append(Recommendation(ident, self.texts.new(), **self.common()))
        self.unsupported.append(ident)
        self.supportable.append(ident)

    def add_rebuttal(self) -> None:
        rng = self.rng
        ident = self.ident("r")
        self.nodes.append(Rebuttal(ident, self.texts.new(), **self.common()))
        draw = rng.random()
        if self.rebuttals and draw < _REBUTS_REBUTTAL:
            target = rng.choice(self.rebuttals)
        elif self.supports and draw < _REBUTS_REBUTTAL + _UNDERCUTS:
            target = rng.choice(self.supports)
        else:
            target = rng.choice(self.supportable)
        self.relations.append(Attack(ident, target))
        self.rebuttals.append(ident)

    def add_premise(self, left: int) -> int:
        """Add a premise (and its co-premises, at most ``left`` nodes); the number added."""
        rng = self.rng
        ident = self.ident("p")
        fields = self.common()
        if rng.random() < _HAS_BASIS:
            fields["basis"] = rng.choice(_BASES)
        if rng.random() < _IMPLICIT:
            fields["implicit"] = True
        self.nodes.append(Premise(ident, self.texts.new(), **fields))
        added = 1
        if self.unsupported:
            self.support((ident,), self.unsupported.pop())
        elif self.premises and rng.random() < _PREMISE_ATTACKS:
            self.relations.append(Attack(ident, rng.choice(self.premises)))
        else:
            target = rng.choice(self.supportable)
            by = [ident]
            if rng.random() < _LINKED:
                for _ in range(min(rng.randint(1, 2), left - 1)):
                    co = self.ident("p")
                    self.nodes.append(Premise(co, self.texts.new(), **self.common()))
                    self.premises.append(co)
                    by.append(co)
                    added += 1
            self.support(tuple(by), target)
            if rng.random() < _CONVERGENT:
                second = rng.choice(self.supportable)
                if second != target:
                    self.support((ident,), second)
        self.premises.append(ident)
        self.supportable.append(ident)
        return added

    # -- the map ---------------------------------------------------------------------------------

    def build(self) -> ArgumentMap:
        n, rng = self.n, self.rng
        mains = min(5, 1 + n // 5000)
        for _ in range(mains):
            self.add_main_claim()
        kinds = list(_KIND_WEIGHTS)
        weights = list(_KIND_WEIGHTS.values())
        while len(self.nodes) < n:
            left = n - len(self.nodes)
            kind = rng.choices(kinds, weights)[0]
            if self.unsupported or (kind == "recommendation" and left == 1):
                kind = "premise"
            if kind == "premise":
                self.add_premise(left)
            elif kind == "rebuttal":
                self.add_rebuttal()
            elif kind == "claim":
                self.add_claim()
            else:
                self.add_recommendation()
        return ArgumentMap(
            f"Synthetic map of {n:,} nodes (seed {self.seed})",
            nodes=self.nodes,
            relations=self.relations,
            sources=self.make_sources(),
            participants=self.make_participants(),
            metadata={"generator": "benchmarks.generate", "seed": self.seed, "nodes": n},
        )

    def make_sources(self) -> list[Source]:
        rng = self.rng
        return [
            Source(
                f"doc{j}",
                self.texts.new(4, 10),
                authors=tuple(rng.sample(_NAMES, rng.randint(1, 3))),
                affiliation=rng.choice(_AFFILIATIONS),
                outlet=rng.choice(_OUTLETS),
                date=f"{rng.randint(1992, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                url=f"https://example.org/sources/{j}",
                language=rng.choice(_LANGUAGES),
            )
            for j in range(min(self.source_count, self.sources_used))
        ]

    def make_participants(self) -> list[Participant]:
        rng = self.rng
        return [
            Participant(
                f"sp{j}",
                f"{rng.choice(_NAMES)} ({j})",
                affiliation=rng.choice(_AFFILIATIONS),
                country=rng.choice(_COUNTRIES),
                role=rng.choice(_ROLES),
            )
            for j in range(min(self.participant_count, self.speakers_used))
        ]


def synthetic_map(n: int, seed: int = 0) -> ArgumentMap:
    """A synthetic map of ``n`` nodes; the same ``n`` and ``seed`` always give the same map.

    A few main claims, mostly premises, about 30% of relations attacks (with undercuts of
    supports and rebuttals of rebuttals), some linked supports, tags, sources with paragraph
    locators, speakers, and texts of 8-30 words with some accented Latin, Hangul and Hanzi.
    Supports only point to earlier nodes, so there are no cycles; every recommendation is
    supported, every rebuttal attacks, every source and participant is used.

    >>> amap = synthetic_map(200)
    >>> len(amap.nodes), amap == synthetic_map(200)
    (200, True)
    """
    if n < 1:
        raise ValueError(f"a map needs at least one node, got n={n!r}")
    return _Generator(n, seed).build()


def describe(amap: ArgumentMap) -> str:
    """A one-line summary of a map's shape: kinds, relations, attacks, linked supports."""
    kinds = Counter(node.kind for node in amap.nodes)
    supports = [r for r in amap.relations if isinstance(r, Support)]
    attacks = [r for r in amap.relations if isinstance(r, Attack)]
    kind_of = {node.id: node.kind for node in amap.nodes}
    undercuts = sum(1 for r in attacks if r.target not in kind_of)
    rebuttals = {ident for ident, kind in kind_of.items() if kind == "rebuttal"}
    rebut_rebuttals = sum(1 for r in attacks if r.attacker in rebuttals and r.target in rebuttals)
    linked = sum(1 for r in supports if len(r.by) > 1)
    mains = sum(1 for node in amap.nodes if isinstance(node, Claim) and node.main)
    share = len(attacks) / max(1, len(amap.relations))
    counts = ", ".join(
        f"{kinds[kind]:,} {kind}s" for kind in ("claim", "premise", "rebuttal", "recommendation")
    )
    return (
        f"{len(amap.nodes):,} nodes ({counts}; {mains} main), {len(amap.relations):,} relations "
        f"({share:.0%} attacks: {undercuts:,} undercuts, "
        f"{rebut_rebuttals:,} rebuttals of rebuttals; "
        f"{linked:,} linked supports), {len(amap.sources):,} sources, "
        f"{len(amap.participants):,} participants"
    )


def data_path(n: int, extension: str, directory: Path = DATA) -> Path:
    """The file the generator writes for size ``n`` (``extension`` is ``json`` or ``yaml``)."""
    return directory / f"synthetic-{n}.{extension}"


def write_files(
    n: int, *, seed: int = 0, directory: Path = DATA, formats: tuple[str, ...] = ("json", "yaml")
) -> list[Path]:
    """Write the synthetic map of size ``n`` in each format; the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    amap = synthetic_map(n, seed)
    paths = []
    for extension in formats:
        path = data_path(n, extension, directory)
        argmap.write(amap, path)
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> None:
    """Generate the files and print what was written."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.generate",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "sizes",
        nargs="*",
        type=int,
        default=list(DEFAULT_SIZES),
        help="numbers of nodes (default: %(default)s)",
    )
    parser.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    parser.add_argument("--out", type=Path, default=DATA, help="directory (default: %(default)s)")
    parser.add_argument(
        "--check", action="store_true", help="also run argmap.validate and print what it finds"
    )
    args = parser.parse_args(argv)
    for n in args.sizes:
        started = time.perf_counter()
        amap = synthetic_map(n, args.seed)
        built = time.perf_counter() - started
        print(f"synthetic-{n}: {describe(amap)}; built in {built:.2f} s")
        if args.check:
            findings = argmap.validate(amap)
            codes = Counter(f.code for f in findings)
            print(f"  validate: {len(findings)} findings {dict(sorted(codes.items()))}")
        args.out.mkdir(parents=True, exist_ok=True)
        for extension in ("json", "yaml"):
            path = data_path(n, extension, args.out)
            started = time.perf_counter()
            argmap.write(amap, path)
            elapsed = time.perf_counter() - started
            print(f"  wrote {path} ({path.stat().st_size / 1e6:.2f} MB) in {elapsed:.2f} s")


if __name__ == "__main__":
    main()
