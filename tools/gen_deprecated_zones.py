#!/usr/bin/env python3
"""Generate src/rules/timezone_links.rs: deprecated and legacy IANA time-zone names.

A name is *deprecated* when tzdata's `backward` file links it to another zone and
it is not a location of `zone.tab`. `backward` also links 106 current country
names (Europe/Oslo -> Europe/Berlin); those are locations in zone.tab and stay
valid. `UTC` is exempt.

The *successor* of a deprecated name is not always its link target: since 2022
tzdata links many names to a zone of another country with the same clocks
(Iceland -> Africa/Abidjan). The successor is, in this order:
1. the `#= TARGET1` comment of the link, when TARGET1 is a zone.tab location
   (Iceland -> Atlantic/Reykjavik, Pacific/Truk -> Pacific/Chuuk);
   otherwise the link target when it lies in the country the name itself
   names (`US/Pacific`, `Canada/Yukon`, `Iceland`: see country_of);
2. the zone.tab location whose comment names the place
   (Antarctica/South_Pole -> Antarctica/McMurdo: "McMurdo, South Pole";
   Pacific/Yap -> Pacific/Chuuk: "Chuuk/Truk, Yap";
   America/Coral_Harbour -> America/Atikokan: "NU (Coral H)");
3. the only zone.tab location of the country whose iso3166.tab name holds the
   place (Atlantic/Jan_Mayen -> Arctic/Longyearbyen: "Svalbard & Jan Mayen");
4. an override from tzdata's `backzone` file, which chrono-tz does not ship
   (OVERRIDES below, each with its source);
5. the link target.

The *legacy* names (EST, MST, HST, CET, EET, MET, WET, EST5EDT, CST6CDT, MST7MDT,
PST8PDT) are valid tzdata names with fixed meanings that users rarely intend;
they are listed apart, with their link targets, and the rules explain them.

Usage (from the repository root):
    python3 tools/gen_deprecated_zones.py BACKWARD ZONE_TAB ISO3166_TAB > src/rules/timezone_links.rs
BACKWARD is the `tz/backward` file shipped in the chrono-tz crate sources;
ZONE_TAB and ISO3166_TAB are `zone.tab` and `iso3166.tab` of the same tzdata
release (/usr/share/zoneinfo/). The script prints the release it read.
"""
import re
import sys

LEGACY = ["CET", "CST6CDT", "EET", "EST", "EST5EDT", "HST", "MET", "MST", "MST7MDT", "PST8PDT", "WET"]

# Facts from tzdata's `backzone` (not shipped by chrono-tz), with their source.
OVERRIDES = {
    # backzone: "Zone Africa/Timbuktu" stands with "Zone Africa/Bamako" in the
    # Mali section; Timbuktu is in Mali, Abidjan (the link target) in Côte d'Ivoire.
    "Africa/Timbuktu": "Africa/Bamako",
}


def place(name: str) -> str:
    """'America/Coral_Harbour' -> 'coral harbour'."""
    return name.rsplit("/", 1)[-1].replace("_", " ").lower()


def comment_places(comment: str) -> list:
    """'EST - ON (Atikokan), NU (Coral H)' -> ['atikokan', 'coral h', ...]."""
    parts = re.split(r"[,;()/]| - ", comment)
    return [p.strip().lower() for p in parts if p.strip()]


def main() -> None:
    backward_path, zone_tab_path, iso_path = sys.argv[1], sys.argv[2], sys.argv[3]
    links, target1 = [], {}
    with open(backward_path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("Link"):
                code, _, comment = line.partition("#")
                _, target, name = code.split()[:3]
                links.append((name, target))
                if comment.startswith("="):
                    target1[name] = comment[1:].strip()
    locations, comments = {}, {}
    with open(zone_tab_path, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#") and line.strip():
                fields = line.rstrip("\n").split("\t")
                locations[fields[2]] = fields[0]
                comments[fields[2]] = fields[3] if len(fields) > 3 else ""
    countries = {}
    with open(iso_path, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#") and line.strip():
                code, name = line.rstrip("\n").split("\t")
                countries[code] = name
    release = "unknown"
    news = backward_path.rsplit("/", 1)[0] + "/NEWS"
    try:
        with open(news, encoding="utf-8") as f:
            m = re.search(r"Release (\S+)", f.read())
            release = m.group(1) if m else release
    except OSError:
        pass

    by_name = {n.lower(): c for c, n in countries.items()}

    def country_of(name: str):
        """The country a deprecated name itself names, when iso3166.tab says:
        a region or name that is a country's name or code (`Canada/Pacific`,
        `US/Eastern`, `Iceland`, `GB`)."""
        for part in name.split("/"):
            word = part.replace("_", " ")
            if word in countries:
                return word
            if word.lower() in by_name:
                return by_name[word.lower()]
        return None

    def successor(name: str, target: str) -> str:
        t1 = target1.get(name)
        if t1 in locations:
            return t1
        known = country_of(name)
        if known is not None and locations.get(target) == known:
            return target
        p = place(name)
        mentioned = [
            z for z, c in comments.items()
            if z != target and any(e == p or (e.endswith(" h") and p.startswith(e[:-1])) for e in comment_places(c))
        ]
        if len(mentioned) == 1:
            return mentioned[0]
        by_country = [
            c for c, n in countries.items()
            if re.search(r"(^|[ &])" + re.escape(p) + r"($|[ &])", n.lower()) and " " in p
        ]
        if len(by_country) == 1:
            zones = [z for z, c in locations.items() if c == by_country[0]]
            if len(zones) == 1:
                return zones[0]
        return OVERRIDES.get(name, target)

    deprecated, legacy = [], []
    for name, target in links:
        if name in locations or name == "UTC":
            continue
        if name in LEGACY:
            legacy.append((name, target))
        else:
            deprecated.append((name, successor(name, target)))
    deprecated.sort()
    legacy.sort()
    moved = sum(1 for n, s in deprecated if s != dict(links)[n])
    print("// @generated by tools/gen_deprecated_zones.py from tzdata %s: do not edit." % release)
    print("// Deprecated = a `backward` link whose name is not a location in `zone.tab`.")
    print("// %d links read, %d current locations, %d deprecated (%d with a successor other" % (
        len(links), len(links) - len(deprecated) - len(legacy), len(deprecated), moved))
    print("// than the link target, in the old name's country), %d legacy names." % len(legacy))
    print()
    print("/// Deprecated time-zone names and the current zone that succeeds each, sorted by name.")
    print("pub(crate) static DEPRECATED_LINKS: &[(&str, &str)] = &[")
    for n, t in deprecated:
        print('    ("%s", "%s"),' % (n, t))
    print("];")
    print()
    print("/// Legacy names (valid, with fixed meanings) and their `backward` link targets.")
    print("pub(crate) static LEGACY_NAMES: &[(&str, &str)] = &[")
    for n, t in legacy:
        print('    ("%s", "%s"),' % (n, t))
    print("];")


if __name__ == "__main__":
    main()
