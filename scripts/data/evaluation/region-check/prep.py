# Builds, per register file, an import file without the USCC (so the USCC cannot decide the place) and a truth file.
# YEAR=1995 reads 1995-<省>.csv (default 2004).
import csv, os, sys, collections
year = os.environ.get("YEAR", "2004")
for p in sys.argv[1:]:
    rows = list(csv.DictReader(open(f"{year}-{p}.csv", encoding="utf-8", newline="")))
    names = collections.Counter(r["企业名称"].strip() for r in rows)
    out = csv.writer(open(f"in-{p}.csv", "w", encoding="utf-8", newline=""))
    truth = csv.writer(open(f"truth-{p}.csv", "w", encoding="utf-8", newline=""))
    out.writerow(["企业名称", "所在省份", "地区", "注册地址", "经营范围"])
    truth.writerow(["name", "uscc_region", "province", "area", "address"])
    n = 0
    for r in rows:
        name = r["企业名称"].strip(); u = r["统一社会信用代码"].strip()
        if names[name] != 1 or len(u) != 18 or not u[2:8].isdigit():
            continue
        out.writerow([name, r["所在省份"], r["地区"], r["注册地址"], r["经营范围"]])
        truth.writerow([name, u[2:8], r["所在省份"], r["地区"], r["注册地址"]])
        n += 1
    print(p, len(rows), n)
