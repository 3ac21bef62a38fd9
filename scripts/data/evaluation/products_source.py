"""Reads the 产业链知识图谱 SurrealDB dump (data.sql inside SOVLOOKUP/ChainKnowledgeGraph-sql's data.zip): listed
companies with their full name, 申万 (2021) industry and main products weighted by revenue share."""
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

_COMPANY = re.compile(r"CREATE company:(\w+) SET name = '(.*?)', fullname = '(.*?)', location = '(.*?)', time = '(.*?)';")
_INDUSTRY = re.compile(r"CREATE industry:(\d+) SET name = '(.*?)';")
_COMPANY_INDUSTRY = re.compile(r"RELATE company:(\d+)(?i:SH|SZ|BJ)->company_industry_relation->industry:(\d+)")
_COMPANY_PRODUCT = re.compile(r"RELATE company:(\d+)(?i:SH|SZ|BJ)->company_product_relation->\(SELECT \* FROM product "
                              r"WHERE name = '(.*?)'\) SET name = '主营产品', weight = ([\d.eE-]+);")


def load_companies(path):
    companies, industries, company_industry, products = {}, {}, {}, {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("CREATE company:"):
                m = _COMPANY.match(line)
                code = m.group(1)[:6]
                companies[code] = {"code": code, "name": m.group(2), "fullname": m.group(3)}
            elif line.startswith("CREATE industry:"):
                m = _INDUSTRY.match(line)
                industries[m.group(1)] = m.group(2)
            elif line.startswith("RELATE company:") and "company_industry_relation" in line:
                m = _COMPANY_INDUSTRY.match(line)
                company_industry[m.group(1)] = m.group(2)
            elif line.startswith("RELATE company:") and "company_product_relation" in line:
                m = _COMPANY_PRODUCT.match(line)
                if m:  # a few product names span lines in the dump; they are left out
                    products.setdefault(m.group(1), []).append((m.group(2), float(m.group(3))))
    result = []
    for code, c in companies.items():
        ic = company_industry.get(code)
        c["industry_code"] = ic
        c["industry"] = industries.get(ic) if ic else None
        c["l1"] = industries.get(ic[:2] + "0000") if ic else None
        c["l2"] = industries.get(ic[:4] + "00") if ic else None
        seen = set()
        ordered = []
        for p, w in sorted(products.get(code, []), key=lambda pw: -pw[1]):
            if p not in seen:
                seen.add(p)
                ordered.append((p, w))
        c["products"] = ordered
        result.append(c)
    return result
