"""Reads the three files the codes set is built from (issue #19, session 26):

- B: baostock's 证监会行业分类 per stock (mmzzl/datastore case/apps/api/data/stock_industry.csv):
  updateDate,code,code_name,industry,industryClassification (industry like `C36汽车制造业`);
- T: a Tushare stock_basic export with full names (dllss/quantification_transaction company_info.csv):
  index,ts_code,symbol,name,area,industry,fullname,...;
- E: the registration CSVs of catseyess/elevencats (branch csv), one file a year and province:
  企业名称,统一社会信用代码,注册日期,企业类型,法人代表,注册资金,经营范围,所在省份,地区,注册地址.
"""
import csv
import os


def load_csrc(path):
    """Six-digit stock code -> CSRC industry as baostock writes it (empty when baostock has none)."""
    with open(path, encoding="utf-8", newline="") as f:
        return {row["code"].split(".")[1]: row["industry"] for row in csv.DictReader(f)}


def load_basic(path):
    """Full company name -> the Tushare stock_basic row."""
    with open(path, encoding="utf-8", newline="") as f:
        return {row["fullname"]: row for row in csv.DictReader(f)}


def registration_files(folder, years=None):
    """(`<year>/<province>`, path) of every registration CSV under folder (the csv branch's Enterprise-Registration-Data/csv)."""
    for year in sorted(os.listdir(folder)):
        if years and year not in years or not os.path.isdir(os.path.join(folder, year)):
            continue
        for name in sorted(os.listdir(os.path.join(folder, year))):
            if name.endswith(".csv"):
                yield f"{year}/{name[:-4]}", os.path.join(folder, year, name)


def read_registrations(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))
