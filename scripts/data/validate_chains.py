#!/usr/bin/env python3
"""Validate the default industrial-chain definitions in data/chains/.

Checks chains.csv, segments.csv and flows.csv against the rules of the
chain-definition format:

  * files: UTF-8 without BOM, LF line endings, RFC 4180 CSV, exact headers;
  * chains: unique codes, allowed categories, non-empty Chinese description;
  * segments: globally unique codes shaped <CHAIN>-<UPPER ASCII>, valid tier,
    parent (if any) defined earlier in the same chain, sub-segment code
    prefixed by its parent's code, '|'-lists of Simplified Chinese terms,
    3-10 keywords, no over-generic or heavily shared keywords (keywords
    contained in another segment's keyword are warned about),
    GB/T 4754-2017 4-digit industry codes;
  * flows: both ends exist in the flow's chain, no self loops or duplicates,
    no flow between a segment and its ancestor/descendant, acyclic per chain;
  * counts: leading chains >= 18 segments, >= 4 sub-segments, >= 4 segments
    per tier and >= 15 flows; other chains >= 10 segments covering all tiers;
    every top-level segment takes part in at least one flow.

Usage: validate_chains.py [DATA_DIR] [--strict]
Exit status is 1 when errors are found (or warnings, with --strict).
"""

import csv
import io
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "data" / "chains"

CHAIN_HEADER = ["code", "name", "category", "description"]
SEGMENT_HEADER = ["chain", "code", "name", "tier", "parent", "aliases",
                  "products", "keywords", "industry_codes"]
FLOW_HEADER = ["chain", "from", "to", "description"]

CATEGORIES = {"leading", "high-value-add", "other"}
TIERS = ("upstream", "midstream", "downstream")
TIER_RANK = {t: i for i, t in enumerate(TIERS)}

# The default chains this data set must provide: code -> (name, category).
EXPECTED_CHAINS = {
    "ZQ": ("专汽", "leading"),
    "YJ": ("应急装备", "leading"),
    "NC": ("农产品加工", "leading"),
    "SW": ("生物医药", "high-value-add"),
    "DZ": ("电子信息", "high-value-add"),
    "HG": ("绿色化工", "high-value-add"),
    "XNY": ("新能源", "high-value-add"),
    "FW": ("现代服务业", "high-value-add"),
}

LEADING_MIN_SEGMENTS = 18
LEADING_MIN_SUBSEGMENTS = 4
LEADING_MIN_PER_TIER = 4
LEADING_MIN_FLOWS = 15
OTHER_MIN_SEGMENTS = 10
KEYWORDS_MIN, KEYWORDS_MAX = 3, 10
# A keyword shared by this many segments of one chain cannot discriminate.
KEYWORD_SHARED_ERROR = 3

# Keywords so generic they would match companies of every segment.
GENERIC_KEYWORDS = {
    "汽车", "专用车", "专用汽车", "改装车", "车辆", "设备", "装备", "机械", "制造",
    "生产", "加工", "销售", "服务", "产品", "技术", "技术服务", "技术开发",
    "研发", "开发", "咨询", "贸易", "批发", "零售", "进出口", "货物进出口",
    "农产品", "农业", "食品", "医药", "药品", "电子", "电子产品", "化工",
    "化工产品", "化学品", "新能源", "能源", "材料", "新材料", "物流", "应急",
    "安全", "信息", "软件", "零部件", "配件",
}

# Traditional-only characters that commonly slip into Chinese text.
TRADITIONAL_CHARS = set(
    "車機電藥產業專農醫裝備輸運銷製鋼鐵網飼體發動續構廠類進貿與實驗據測"
    "無線環衛潔資務數聯開關陽儲兩壓變換熱氣層單處應設計護區據種養殼點")

CJK_RE = re.compile(r"[\u4e00-\u9fff]")
CHAIN_CODE_RE = re.compile(r"^[A-Z]{2,4}$")
SEGMENT_SUFFIX_RE = re.compile(r"^[A-Z0-9]+(-[A-Z0-9]+)*$")
INDUSTRY_CODE_RE = re.compile(r"^\d{4}$")

# GB/T 4754-2017 classes (4-digit) known to this validator. Codes outside
# this table are reported as warnings so that they get double-checked; add
# a code here once verified against the standard.
GBT4754_2017 = {
    "0111": "稻谷种植", "0112": "小麦种植", "0113": "玉米种植",
    "0122": "油料种植", "0141": "蔬菜种植", "0142": "食用菌种植",
    "0164": "茶叶种植", "0171": "中草药种植", "0311": "牛的饲养",
    "0313": "猪的饲养", "0321": "鸡的饲养", "0412": "内陆养殖",
    "0511": "种子种苗培育活动", "0514": "农产品初加工活动",
    "0531": "畜牧良种繁殖活动", "0532": "畜禽粪污处理活动",
    "1011": "石灰石、石膏开采", "1020": "化学矿开采", "1030": "采盐",
    "1311": "稻谷加工", "1312": "小麦加工", "1329": "其他饲料加工",
    "1331": "食用植物油加工", "1351": "牲畜屠宰", "1352": "禽类屠宰",
    "1353": "肉制品及副产品加工", "1371": "蔬菜加工", "1372": "食用菌加工",
    "1373": "水果和坚果加工", "1391": "淀粉及淀粉制品制造", "1393": "蛋品加工",
    "1411": "糕点、面包制造", "1431": "米、面制品制造", "1432": "速冻食品制造",
    "1453": "蔬菜、水果罐头制造", "1469": "其他调味品、发酵制品制造",
    "1491": "营养食品制造", "1492": "保健食品制造", "1512": "白酒制造",
    "1514": "黄酒制造", "1519": "其他酒制造", "1522": "瓶（罐）装饮用水制造",
    "1524": "含乳饮料和植物蛋白饮料制造", "1529": "茶饮料及其他饮料制造",
    "1530": "精制茶加工", "1751": "化纤织造加工", "1781": "非织造布制造",
    "1784": "篷、帆布制造", "2231": "纸和纸板容器制造",
    "2541": "生物质液体燃料生产", "2542": "生物质致密成型燃料加工",
    "2611": "无机酸制造", "2612": "无机碱制造", "2613": "无机盐制造",
    "2614": "有机化学原料制造", "2624": "复混肥料制造",
    "2625": "有机肥料及微生物肥料制造", "2631": "化学农药制造",
    "2632": "生物化学农药及微生物农药制造", "2641": "涂料制造",
    "2642": "油墨及类似产品制造", "2651": "初级形态塑料及合成树脂制造",
    "2652": "合成橡胶制造", "2659": "其他合成材料制造",
    "2661": "化学试剂和助剂制造", "2662": "专项化学用品制造",
    "2666": "环境污染处理专用药剂材料制造", "2669": "其他专用化学产品制造",
    "2681": "肥皂及洗涤剂制造", "2682": "化妆品制造", "2684": "香料、香精制造",
    "2710": "化学药品原料药制造", "2720": "化学药品制剂制造",
    "2730": "中药饮片加工", "2740": "中成药生产", "2750": "兽用药品制造",
    "2761": "生物药品制造", "2762": "基因工程药物和疫苗制造",
    "2770": "卫生材料及医药用品制造", "2780": "药用辅料及包装材料",
    "2829": "其他合成纤维制造", "2911": "轮胎制造", "2913": "橡胶零件制造",
    "2921": "塑料薄膜制造", "2922": "塑料板、管、型材制造",
    "2929": "塑料零件及其他塑料制品制造", "3062": "玻璃纤维增强塑料制品制造",
    "3130": "钢压延加工", "3252": "铝压延加工", "3332": "金属压力容器制造",
    "3333": "金属包装容器及材料制造", "3353": "安全、消防用金属制品制造",
    "3415": "风能原动设备制造", "3441": "泵及真空设备制造",
    "3443": "阀门和旋塞制造", "3444": "液压动力机械及元件制造",
    "3446": "气压动力机械及元件制造", "3451": "滚动轴承制造",
    "3453": "齿轮及齿轮减、变速箱制造", "3462": "风机、风扇制造",
    "3464": "制冷、空调设备制造", "3492": "特殊作业机器人制造",
    "3521": "炼油、化工生产专用设备制造",
    "3531": "食品、酒、饮料及茶生产专用设备制造",
    "3532": "农副食品加工专用设备制造", "3544": "制药专用设备制造",
    "3562": "半导体器件专用设备制造", "3563": "电子元器件与机电组件设备制造",
    "3572": "机械化农业及园艺机具制造",
    "3581": "医疗诊断、监护及治疗设备制造",
    "3584": "医疗、外科及兽医用器械制造",
    "3585": "机械治疗及病房护理设备制造", "3586": "康复辅具制造",
    "3589": "其他医疗设备及器械制造", "3595": "社会公共安全设备及器材制造",
    "3611": "汽柴油车整车制造", "3612": "新能源车整车制造",
    "3620": "汽车用发动机制造", "3630": "改装汽车制造",
    "3660": "汽车车身、挂车制造", "3670": "汽车零部件及配件制造",
    "3811": "发电机及发电机组制造", "3812": "电动机制造",
    "3824": "电力电子元器件制造", "3825": "光伏设备及元器件制造",
    "3829": "其他输配电及控制设备制造", "3841": "锂离子电池制造",
    "3849": "其他电池制造", "3872": "照明灯具制造",
    "3914": "工业控制计算机及系统制造", "3921": "通信系统设备制造",
    "3922": "通信终端设备制造", "3961": "可穿戴智能设备制造",
    "3962": "智能车载设备制造", "3963": "智能无人飞行器制造",
    "3969": "其他智能消费设备制造", "3972": "半导体分立器件制造",
    "3973": "集成电路制造", "3974": "显示器件制造",
    "3975": "半导体照明器件制造", "3976": "光电子器件制造",
    "3981": "电阻电容电感元件制造", "3982": "电子电路制造",
    "3983": "敏感元件及传感器制造", "3985": "电子专用材料制造",
    "3989": "其他电子元件制造", "3990": "其他电子设备制造",
    "4021": "环境监测专用仪器仪表制造",
    "4023": "导航、测绘、气象及海洋专用仪器制造",
    "4025": "地质勘探和地震专用仪器制造", "4029": "其他专用仪器制造",
    "4210": "金属废料和碎屑加工处理", "4220": "非金属废料和碎屑加工处理",
    "4415": "风力发电", "4416": "太阳能发电", "4417": "生物质能发电",
    "4420": "电力供应", "4520": "生物质燃气生产和供应业",
    "5111": "谷物、豆及薯类批发", "5121": "米、面制品及食用油批发",
    "5123": "果品、蔬菜批发", "5151": "西药批发", "5152": "中药批发",
    "5154": "医疗用品及器材批发", "5169": "其他化工产品批发", "5172": "汽车及零配件批发",
    "5212": "超级市场零售", "5213": "便利店零售", "5251": "西药零售",
    "5252": "中药零售", "5254": "医疗用品及器材零售",
    "5261": "汽车新车零售", "5262": "汽车旧车零售",
    "5263": "汽车零配件零售", "5267": "机动车充电销售", "5292": "互联网零售",
    "5431": "普通货物道路运输", "5432": "冷藏车道路运输",
    "5433": "集装箱道路运输", "5435": "危险货物道路运输", "5437": "城市配送",
    "5810": "多式联运", "5821": "货物运输代理", "5920": "通用仓储",
    "5930": "低温仓储", "5942": "危险化学品仓储", "5960": "中药材仓储",
    "6020": "快递服务", "6241": "餐饮配送服务", "6431": "互联网生产服务平台",
    "6432": "互联网生活服务平台", "6450": "互联网数据服务",
    "6513": "应用软件开发", "6520": "集成电路设计",
    "6531": "信息系统集成服务", "6532": "物联网技术服务",
    "6540": "运行维护服务", "6550": "信息处理和存储支持服务",
    "6560": "信息技术咨询服务", "6631": "融资租赁服务",
    "6634": "汽车金融公司服务", "6635": "小额贷款公司服务",
    "7111": "汽车租赁", "7119": "其他机械与设备经营租赁",
    "7212": "投资与资产管理", "7222": "商业综合体管理服务",
    "7223": "市场管理服务", "7224": "供应链管理服务",
    "7231": "律师及相关法律服务", "7241": "会计、审计及税务服务",
    "7243": "社会经济咨询", "7249": "其他专业咨询与调查",
    "7259": "其他广告服务", "7262": "职业中介服务", "7263": "劳务派遣服务",
    "7269": "其他人力资源服务", "7289": "其他会议、展览及相关服务",
    "7291": "旅行社及相关服务", "7320": "工程和技术研究和试验发展",
    "7340": "医学研究和试验发展", "7452": "检测服务", "7453": "计量服务",
    "7455": "认证认可服务", "7484": "工程设计活动", "7491": "工业设计服务",
    "7514": "节能技术推广服务", "7515": "新能源技术推广服务",
    "7520": "知识产权服务", "7530": "科技中介服务", "7721": "水污染治理",
    "7722": "大气污染治理", "7724": "危险废物治理", "7820": "环境卫生管理",
    "7861": "名胜风景区管理", "8111": "汽车修理与维护",
    "8112": "大型车辆装备修理与维护", "8391": "职业技能培训",
    "6130": "民宿服务", "8411": "综合医院", "8415": "专科医院",
    "8491": "健康体检服务", "8492": "临床检验服务", "8512": "护理机构服务",
    "8514": "老年人、残疾人养护服务", "8810": "文艺创作与表演",
}


class Report:
    def __init__(self):
        self.errors = []
        self.warnings = []

    def error(self, where, msg):
        self.errors.append(f"{where}: {msg}")

    def warn(self, where, msg):
        self.warnings.append(f"{where}: {msg}")


def read_csv(path, header, rep):
    """Read a CSV file, checking encoding, line endings and header."""
    name = path.name
    if not path.is_file():
        rep.error(name, "file not found")
        return []
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        rep.error(name, "starts with a UTF-8 BOM")
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        rep.error(name, f"not valid UTF-8 ({exc})")
        return []
    if "\r" in text:
        rep.error(name, "contains CR characters (line endings must be LF)")
    if text and not text.endswith("\n"):
        rep.error(name, "does not end with a newline")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        rows = list(reader)
    except csv.Error as exc:
        rep.error(name, f"CSV syntax error: {exc}")
        return []
    if not rows:
        rep.error(name, "empty file")
        return []
    if rows[0] != header:
        rep.error(name, f"header is {rows[0]!r}, expected {header!r}")
        return []
    records = []
    for lineno, row in enumerate(rows[1:], start=2):
        where = f"{name}:{lineno}"
        if not row or row == [""]:
            rep.error(where, "blank line")
            continue
        if len(row) != len(header):
            rep.error(where, f"{len(row)} fields, expected {len(header)}")
            continue
        rec = dict(zip(header, row))
        for key, val in rec.items():
            if val != val.strip():
                rep.error(where, f"field '{key}' has leading/trailing whitespace")
            if "\n" in val:
                rep.error(where, f"field '{key}' contains a line break")
        rec["_where"] = where
        records.append(rec)
    return records


def check_text(where, field, text, rep):
    trad = sorted(set(text) & TRADITIONAL_CHARS)
    if trad:
        rep.error(where, f"{field} has traditional characters {''.join(trad)}; use Simplified Chinese")


def check_term(where, field, term, rep):
    if not term:
        rep.error(where, f"{field}: empty term (stray or doubled '|')")
        return
    if term != term.strip():
        rep.error(where, f"{field}: term {term!r} has surrounding whitespace")
    if not CJK_RE.search(term):
        rep.error(where, f"{field}: term {term!r} contains no Chinese character")
    trad = sorted(set(term) & TRADITIONAL_CHARS)
    if trad:
        rep.error(where, f"{field}: term {term!r} has traditional characters {''.join(trad)}")
    if any(c in term for c in ",，;；/、"):
        rep.error(where, f"{field}: term {term!r} contains a separator; use '|'")


def split_list(where, field, value, rep):
    if value == "":
        return []
    terms = value.split("|")
    for term in terms:
        check_term(where, field, term, rep)
    dups = [t for t, n in Counter(terms).items() if n > 1 and t]
    if dups:
        rep.error(where, f"{field}: duplicate terms {dups}")
    return [t for t in terms if t]


def find_cycle(succ):
    """Return one cycle (as a closed node path) of a directed graph, or []."""
    state = {}  # node -> 1 while on the DFS stack, 2 when finished
    for root in sorted(succ):
        if state.get(root):
            continue
        stack, path = [(root, iter(succ[root]))], [root]
        state[root] = 1
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
                path.pop()
            elif state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            elif not state.get(nxt):
                state[nxt] = 1
                stack.append((nxt, iter(succ.get(nxt, []))))
                path.append(nxt)
    return []


def validate(data_dir):
    rep = Report()
    chains = read_csv(data_dir / "chains.csv", CHAIN_HEADER, rep)
    segments = read_csv(data_dir / "segments.csv", SEGMENT_HEADER, rep)
    flows = read_csv(data_dir / "flows.csv", FLOW_HEADER, rep)

    # ---- chains ---------------------------------------------------------
    chain_by_code = {}
    for c in chains:
        w = c["_where"]
        if not CHAIN_CODE_RE.match(c["code"]):
            rep.error(w, f"chain code {c['code']!r} must be 2-4 upper-case letters")
        if c["code"] in chain_by_code:
            rep.error(w, f"duplicate chain code {c['code']}")
            continue
        check_text(w, "name", c["name"], rep)
        check_text(w, "description", c["description"], rep)
        if c["category"] not in CATEGORIES:
            rep.error(w, f"category {c['category']!r} not in {sorted(CATEGORIES)}")
        if not c["name"] or not CJK_RE.search(c["name"]):
            rep.error(w, "chain name must be Chinese")
        if not CJK_RE.search(c["description"]):
            rep.error(w, "description must be one or two Chinese sentences")
        elif c["description"].count("。") > 2:
            rep.warn(w, "description has more than two sentences")
        chain_by_code[c["code"]] = c
    for code, (name, category) in EXPECTED_CHAINS.items():
        c = chain_by_code.get(code)
        if c is None:
            rep.error("chains.csv", f"missing default chain {code} {name}")
            continue
        if c["name"] != name:
            rep.error(c["_where"], f"chain {code} name is {c['name']!r}, expected {name!r}")
        if c["category"] != category:
            rep.error(c["_where"], f"chain {code} category is {c['category']!r}, expected {category!r}")

    # ---- segments -------------------------------------------------------
    seg_by_code = {}
    names_by_chain = defaultdict(set)
    keyword_owners = defaultdict(lambda: defaultdict(list))  # chain -> kw -> codes
    for s in segments:
        w = f"{s['_where']} ({s['code']})"
        chain, code = s["chain"], s["code"]
        if chain not in chain_by_code:
            rep.error(w, f"unknown chain {chain!r}")
            continue
        prefix = chain + "-"
        if not code.startswith(prefix) or not SEGMENT_SUFFIX_RE.match(code[len(prefix):]):
            rep.error(w, f"segment code must be '{prefix}' + upper-case ASCII (A-Z, 0-9, '-')")
        if code in seg_by_code:
            rep.error(w, f"duplicate segment code (first at {seg_by_code[code]['_where']})")
            continue
        check_text(w, "name", s["name"], rep)
        if not s["name"] or not CJK_RE.search(s["name"]):
            rep.error(w, "segment name must be Chinese")
        elif s["name"] in names_by_chain[chain]:
            rep.error(w, f"duplicate segment name {s['name']!r} in chain {chain}")
        names_by_chain[chain].add(s["name"])
        if s["tier"] not in TIERS:
            rep.error(w, f"tier {s['tier']!r} not in {list(TIERS)}")
        parent = s["parent"]
        if parent:
            p = seg_by_code.get(parent)
            later = next((x for x in segments if x["code"] == parent), None)
            if p is None and later is not None and later["chain"] != chain:
                rep.error(w, f"parent {parent} belongs to chain {later['chain']}, not {chain}")
            elif p is None:
                rep.error(w, f"parent {parent} " + ("must appear earlier in the file" if later else "does not exist"))
            elif p["chain"] != chain:
                rep.error(w, f"parent {parent} belongs to chain {p['chain']}, not {chain}")
            else:
                if not code.startswith(parent + "-"):
                    rep.error(w, f"sub-segment code should start with its parent code '{parent}-'")
                if p["tier"] != s["tier"]:
                    rep.warn(w, f"tier {s['tier']} differs from parent {parent} tier {p['tier']}")
                if p["parent"]:
                    rep.warn(w, "sub-segment nested more than one level deep")
        if parent == code:
            rep.error(w, "segment is its own parent")
        split_list(w, "aliases", s["aliases"], rep)
        products = split_list(w, "products", s["products"], rep)
        keywords = split_list(w, "keywords", s["keywords"], rep)
        if not products:
            rep.warn(w, "no products listed")
        if not KEYWORDS_MIN <= len(keywords) <= KEYWORDS_MAX:
            rep.error(w, f"{len(keywords)} keywords, expected {KEYWORDS_MIN}-{KEYWORDS_MAX}")
        chain_name = chain_by_code[chain]["name"]
        for kw in keywords:
            if kw in GENERIC_KEYWORDS or kw == chain_name:
                rep.error(w, f"keyword {kw!r} is too generic to identify a segment")
            elif len(kw) < 2:
                rep.error(w, f"keyword {kw!r} is too short")
            keyword_owners[chain][kw].append(code)
        if s["industry_codes"]:
            codes = s["industry_codes"].split("|")
            for ic in codes:
                if not INDUSTRY_CODE_RE.match(ic):
                    rep.error(w, f"industry code {ic!r} is not a 4-digit GB/T 4754-2017 class")
                elif ic not in GBT4754_2017:
                    rep.warn(w, f"industry code {ic} not in the validator's GB/T 4754-2017 table; verify it")
            if len(set(codes)) != len(codes):
                rep.error(w, "duplicate industry codes")
        s["_keywords"] = keywords
        seg_by_code[code] = s

    for chain, owners in keyword_owners.items():
        for kw, codes in sorted(owners.items()):
            if len(codes) >= KEYWORD_SHARED_ERROR:
                rep.error(f"segments.csv [{chain}]", f"keyword {kw!r} shared by {len(codes)} segments {codes}")
            elif len(codes) == 2:
                rep.warn(f"segments.csv [{chain}]", f"keyword {kw!r} shared by {codes}")

    # Keyword matching is by substring: a keyword contained in another
    # segment's keyword makes every match of the longer one ambiguous.
    for chain, owners in keyword_owners.items():
        for short in owners:
            for long_ in owners:
                if short == long_ or short not in long_:
                    continue
                for a in owners[short]:
                    for b in owners[long_]:
                        if a == b:
                            continue
                        if seg_by_code[a]["parent"] == b or seg_by_code[b]["parent"] == a:
                            continue
                        rep.warn(f"segments.csv [{chain}]",
                                 f"keyword {short!r} ({a}) is a substring of {long_!r} ({b})")

    def ancestors(code):
        seen = []
        cur = seg_by_code.get(code, {}).get("parent")
        while cur and cur in seg_by_code and cur not in seen:
            seen.append(cur)
            cur = seg_by_code[cur]["parent"]
        return seen

    # ---- flows ----------------------------------------------------------
    edges = defaultdict(list)  # chain -> [(from, to)]
    seen_edges = set()
    for f in flows:
        w = f"{f['_where']} ({f['from']} -> {f['to']})"
        chain = f["chain"]
        if chain not in chain_by_code:
            rep.error(w, f"unknown chain {chain!r}")
            continue
        ok = True
        for end in ("from", "to"):
            s = seg_by_code.get(f[end])
            if s is None:
                rep.error(w, f"'{end}' segment {f[end]!r} does not exist")
                ok = False
            elif s["chain"] != chain:
                rep.error(w, f"'{end}' segment {f[end]} belongs to chain {s['chain']}, not {chain}")
                ok = False
        check_text(w, "description", f["description"], rep)
        if not f["description"] or not CJK_RE.search(f["description"]):
            rep.error(w, "flow description must be Chinese text")
        if not ok:
            continue
        a, b = f["from"], f["to"]
        if a == b:
            rep.error(w, "self loop")
            continue
        if (a, b) in seen_edges:
            rep.error(w, "duplicate flow")
            continue
        seen_edges.add((a, b))
        if a in ancestors(b) or b in ancestors(a):
            rep.error(w, "flow between a segment and its own parent/child (hierarchy is not a flow)")
            continue
        ta, tb = seg_by_code[a]["tier"], seg_by_code[b]["tier"]
        if ta in TIER_RANK and tb in TIER_RANK and TIER_RANK[ta] > TIER_RANK[tb]:
            rep.warn(w, f"flow goes against tier order ({ta} -> {tb})")
        edges[chain].append((a, b))

    # acyclicity (Kahn's algorithm per chain)
    for chain, es in edges.items():
        nodes = {n for e in es for n in e}
        indeg = Counter(b for _, b in es)
        succ = defaultdict(list)
        for a, b in es:
            succ[a].append(b)
        queue = sorted(n for n in nodes if indeg[n] == 0)
        visited = 0
        while queue:
            n = queue.pop()
            visited += 1
            for m in succ[n]:
                indeg[m] -= 1
                if indeg[m] == 0:
                    queue.append(m)
        if visited != len(nodes):
            rep.error(f"flows.csv [{chain}]", "flow graph has a cycle: " + " -> ".join(find_cycle(succ)))

    # ---- per-chain counts -------------------------------------------------
    summary = []
    for code, c in chain_by_code.items():
        segs = [s for s in seg_by_code.values() if s["chain"] == code]
        tiers = Counter(s["tier"] for s in segs)
        subs = sum(1 for s in segs if s["parent"])
        nflows = len(edges.get(code, []))
        summary.append((code, c["name"], c["category"], len(segs), tiers, subs, nflows))
        where = f"chain {code}"
        if c["category"] == "leading":
            if len(segs) < LEADING_MIN_SEGMENTS:
                rep.error(where, f"{len(segs)} segments, leading chains need >= {LEADING_MIN_SEGMENTS}")
            if subs < LEADING_MIN_SUBSEGMENTS:
                rep.error(where, f"{subs} sub-segments, leading chains need >= {LEADING_MIN_SUBSEGMENTS}")
            for t in TIERS:
                if tiers[t] < LEADING_MIN_PER_TIER:
                    rep.error(where, f"{tiers[t]} {t} segments, leading chains need >= {LEADING_MIN_PER_TIER}")
            if nflows < LEADING_MIN_FLOWS:
                rep.error(where, f"{nflows} flows, leading chains need >= {LEADING_MIN_FLOWS}")
        else:
            if len(segs) < OTHER_MIN_SEGMENTS:
                rep.error(where, f"{len(segs)} segments, need >= {OTHER_MIN_SEGMENTS}")
            for t in TIERS:
                if tiers[t] < 1:
                    rep.error(where, f"no {t} segment")
        touched = {n for e in edges.get(code, []) for n in e}
        for s in segs:
            if s["code"] not in touched:
                if not s["parent"]:
                    rep.error(f"{s['_where']} ({s['code']})", "top-level segment has no flow in or out")
                else:
                    rep.warn(f"{s['_where']} ({s['code']})", "sub-segment has no flow in or out")
    return rep, summary


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    strict = "--strict" in argv[1:]
    data_dir = Path(args[0]) if args else DEFAULT_DIR
    rep, summary = validate(data_dir)

    print(f"Chain definitions in {data_dir}")
    print(f"{'chain':<6}{'category':<16}{'segs':>5}{'up':>4}{'mid':>5}{'down':>6}{'subs':>6}{'flows':>7}")
    for code, name, cat, n, tiers, subs, nflows in summary:
        print(f"{code:<6}{cat:<16}{n:>5}{tiers['upstream']:>4}{tiers['midstream']:>5}"
              f"{tiers['downstream']:>6}{subs:>6}{nflows:>7}  {name}")
    for w in rep.warnings:
        print(f"WARNING {w}")
    for e in rep.errors:
        print(f"ERROR   {e}")
    failed = bool(rep.errors) or (strict and bool(rep.warnings))
    print(f"{len(rep.errors)} error(s), {len(rep.warnings)} warning(s): "
          f"{'FAILED' if failed else 'OK'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
