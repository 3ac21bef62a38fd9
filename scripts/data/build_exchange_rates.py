#!/usr/bin/env python3
"""Builds data/money/exchange-rates.csv: 元 (CNY) per unit of the foreign currencies that company lists write.

Source: the `datasets/exchange-rates` data package (GitHub, PDDL 1.0), `data/monthly.csv`, which republishes the
US Federal Reserve's rates (FRED, H.10): every value there (column "Exchange rate") is units of the currency per US dollar. The rate of a
year is the mean of its twelve monthly values; CNY per unit = (CNY per USD) / (currency per USD).

Usage: build_exchange_rates.py <path to monthly.csv> <year> > data/money/exchange-rates.csv
"""
import csv
import sys

# FRED country name -> (ISO code, the names lists write, separated by |).
CURRENCIES = {
    "United States": ("USD", "美元|美金|USD|US$"),
    "Hong Kong": ("HKD", "港元|港币|香港元|HKD|HK$"),
    "Euro": ("EUR", "欧元|EUR|€"),
    "Japan": ("JPY", "日元|JPY"),
    "United Kingdom": ("GBP", "英镑|GBP|£"),
    "Taiwan": ("TWD", "新台币|台币|TWD|NT$"),
    "Australia": ("AUD", "澳元|澳大利亚元|AUD"),
    "Singapore": ("SGD", "新加坡元|SGD"),
    "Canada": ("CAD", "加元|加拿大元|CAD"),
    "Switzerland": ("CHF", "瑞士法郎|CHF"),
    "South Korea": ("KRW", "韩元|KRW"),
}


def main(path: str, year: str) -> None:
    months: dict[str, list[float]] = {}
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["Date"].startswith(year + "-") and row["Exchange rate"]:
                months.setdefault(row["Country"], []).append(float(row["Exchange rate"]))
    mean = {k: sum(v) / len(v) for k, v in months.items() if len(v) == 12}
    cny = mean["China"]
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["code", "names", "cny_per_unit", "basis"])
    for country, (code, names) in CURRENCIES.items():
        per_usd = 1.0 if country == "United States" else mean[country]
        out.writerow([code, names, f"{cny / per_usd:.6f}",
                      f"{year} mean of FRED monthly rates: CNY {cny:.4f} per USD"
                      + ("" if country == "United States" else f", {code} {per_usd:.4f} per USD")])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
