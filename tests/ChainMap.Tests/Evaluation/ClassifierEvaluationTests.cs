using ChainMap.Chains;
using ChainMap.Import;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Evaluation;

/// <summary>
/// The classifier measured on the hand-labelled companies (labelled/dev.csv, labelled/holdout.csv):
/// fails when chain- or segment-level precision or recall drops below the recorded baseline. The
/// baselines are the figures measured when the rules were last tuned (docs/benchmarks.md,
/// "Classifier"), rounded down to the whole per cent and minus one point more, so that a
/// one-company change of a label or a rule does not fail the build but a real regression does.
/// Raise them when the classifier improves. Tuned on dev only; holdout is the "lists it was not
/// tuned on" figure; fresh (195 Jiangsu registrations of 2004, labelled before any classifier ran
/// on them) is the independent second check of issue #19 and is never tuned on either. products-dev and
/// products-holdout (issue #19 round 4) are the halves of a set whose rows carry main products and an industry name:
/// the dev half may be tuned on, the holdout half never. codes (session 26) is a set shaped like vendor and register
/// exports (a CSRC industry code and name, the address and a long 经营范围), measured whole before any tuning and then
/// split: codes-dev may be tuned on, codes-holdout never. registers (session 29) is register rows of four province/year files
/// nobody had read, drawn at random (registers-random) and at random among the rows the classifier confirms (registers-shown):
/// never tuned on. registers-dev (session 30) is 240 random register rows of four other files, registers-dev2 (session 31),
/// registers-dev3 (session 32) and registers-dev4 (session 33) 160 of four more each: the register rows one may tune on.
/// </summary>
[TestFixture]
internal sealed class ClassifierEvaluationTests
{
    // set, chain precision, chain recall, segment precision, segment recall (measured − margin, in per cent)
    private static readonly object[] Baselines =
    [
        // Issue #19 round 4 (s24-classify, docs/benchmarks.md "Issue #19, round 4 (classifier)"): measured, rounded down,
        // minus one point. dev 89.4 / 71.4 / 56.6 / 39.8, holdout 85.5 / 66.8 / 48.7 / 33.1, fresh 82.9 / 45.9 / 64.3 / 34.2.
        // Round 8 (s28-classify, ADR 0305; docs/benchmarks.md "Issue #19, round 8"): dev 89.5 / 71.9 / 58.2 / 40.6 (segment
        // baselines raised 55 → 57, 38 → 39), holdout 85.9 / 66.8 / 50.7 / 34.0 (48 → 49, 32 → 33); fresh 83.3 / 47.3 / 69.8 /
        // 38.0 (65.1 / 35.4 on main e70fd36: 医药连锁 of SW-RETAIL; raised 81 / 44 / 63 / 33 → 82 / 46 / 68 / 37); codes 86.1 / 71.3 /
        // 59.7 / 48.6 and codes-dev 86.1 / 67.8 / 57.1 / 44.2 (session 27's trade clauses; chain precision 84 → 85, codes-dev
        // segment precision 55 → 56).
        // Round 9 (s29-classify, ADR 0310; docs/benchmarks.md "Issue #19, round 9"): dev 89.5 / 72.4 / 58.7 / 41.2 (chain and
        // segment recall raised 70 → 71, 39 → 40), products-dev 82.0 / 76.1 / 70.8 / 61.3 (80 / 71 / 67 / 55 → 81 / 75 / 69 / 60),
        // products-holdout 81.5 / 75.9 / 65.7 / 54.1 (79 / 71 / 63 / 50 → 80 / 74 / 64 / 53); the other sets hold.
        // Session 32 (s32-chain, ADR 0370: a coarse label's usual segment becomes a chain-level membership, 环节待定, neither right nor
        // wrong in segment figures; chain figures unchanged): dev 89.5 / 72.4 / 77.2 / 32.9 (segment 57 / 40 → 76 / 31).
        // Session 35 (s35-class, ADR 0450: a segment only when the row can name it; chain figures unchanged on every set): dev 90.5 / 71.2 / 85.2 / 31.1
        // (segment precision raised to the figure rounded down, 76 → 85; recall 31.1 stays above 31).
        // Session 46 (s46-audit, ADR 0710: the pool audit's wrong classes): dev 90.5 / 71.2 / 86.0 (154/179) / 31.9 (a parts maker's ZQ-PARTSALE dropped: one right chain fewer, one wrong segment fewer; segment precision 85 → 86).
        // Session 47 (s47-dz, ADR 0775: a name's word alone beside a cell of another trade): dev 90.4 (293/324) / 70.9 (293/413) / 86.0
        // (153/178) / 31.7: 锐科激光's DZ-OPTO, named by 激光 in the name alone under 专用机械, goes with four laser-machine and hologram-film
        // makers' wrong ones on the listed pools; chain recall lowered 71.0 → 70.9 and segment precision 86.0 → 85.9 (85.96) for that one row.
        // Session 48 (s48-lfw, ADR 0795: a fine-chemicals maker's kind is the child its words name): dev 90.4 / 70.9 / 87.1 (155/178) / 32.1
        // (武汉德宝精细化工 and 荆州旭升化工助剂, HG-FINE → HG-FINE-ADD); segment precision raised 85.9 → 87.0, recall 31.0 → 32.0.
        // Session 48 (s48-yjr, ADR 0805: 消防设施工程 opening a licence): dev 90.5 (294/325) / 71.2 (294/413) / 87.2 (156/179) / 32.3 (156/483)
        // (武汉华盛电子, YJ-PROT-FIRE); chain recall raised 70.9 → 71.0.
        // Session 48 (s48-zqr, ADR 0810: 汽车驾驶室 a ZQ-CHASSIS word): the same figures apart (湖北金农丰, a truck-cab maker, ZQ-CHASSIS).
        // Both merged (lead): 90.5 (295/326) / 71.4 (295/413) / 87.2 (157/180) / 32.5 (157/483); chain recall raised 71.0 → 71.4, segment
        // recall 32.0 → 32.5.
        new object[] { "dev", 88.0, 71.4, 87.0, 32.5 },
        // Round 7 (s27-classify, ADR 0285): holdout 85.9 / 66.8 / 49.6 / 33.4 (segment precision raised 47 → 48).
        // Round 10 (s30-regdev, ADR 0330): holdout 86.0 / 67.1 / 50.9 / 34.3 (chain 84 / 65 → 85 / 66).
        // Session 32 (s32-chain, ADR 0370: a coarse label's usual segment becomes a chain-level membership, 环节待定, neither right nor
        // wrong in segment figures; chain figures unchanged): holdout 86.0 / 67.1 / 66.0 / 27.8 (49 / 33 → 65 / 26).
        // Session 34 (s34-home, ADR 0420: the home city's chains; the label 工程机械 alone guesses no 专汽 segment): holdout 87.4 /
        // 66.4 / 68.7 / 27.5 (raised to the figures rounded down: 85 → 87, 65 → 68, 26 → 27; chain recall 67.1 → 66.4 stays above 66).
        // Session 35 (s35-class, ADR 0450: a segment only when the row can name it; chain figures unchanged on every set): holdout 87.4 / 66.4 / 75.2 / 26.3
        // (precision 68 → 75). Segment recall is lowered 27 → 26 by design: right segment guesses that rested on what names only the trade
        // are now chain-level memberships, which ADR 0370 counts as no segment hit (a blind set: its rows were not read); docs/benchmarks.md.
        // Session 41 (s41-reg, ADR 0560: a seller in no makers' segment of any tier, farm-supply counters, packaging printers, 淀粉, 绿化种植; never tuned on, headline only): 87.9 / 66.8 / 76.1 / 26.6 (one wrong membership fewer; segment precision 75 → 76).
        new object[] { "holdout", 87.0, 66.0, 76.0, 26.0 },
        // Round 10 (s30-regdev, ADR 0330; docs/benchmarks.md "Issue #19, round 10"): fresh 86.0 / 50.0 / 72.7 / 40.5 (insurers'
        // branches, 苗木, 货运, 软硬件开发 … of register rows): 86.7 / 52.7 / 73.9 / 43.0 (82 / 46 / 68 / 37 → 85 / 51 / 72 / 42).
        // Round 12 (s32-regs3, ADR 0375; tuned on the register tuning sets, never on fresh): 87.5 / 56.8 / 75.5 / 46.8 (raised).
        // Session 35 (s35-class, ADR 0450: a segment only when the row can name it; chain figures unchanged on every set): fresh 87.5 / 56.8 / 80.0 / 45.6 (74 → 80).
        // Session 39 (s39-reg, ADR 0525): 87.5 / 56.8 / 80.4 / 46.8 (segment recall 45 → 46).
        // Session 41 (s41-reg, ADR 0560: a seller in no makers' segment of any tier, farm-supply counters, packaging printers, 淀粉, 绿化种植; never tuned on, headline only): 87.8 / 58.1 / 80.9 / 48.1 (one more right row; raised to the figures rounded down).
        // Session 42 (s42-voc, ADR 0605: words register licences use that no segment held, mined from unlabelled register files): 88.2 (45/51) / 60.8 / 81.6 / 50.6
        // (never tuned on, headline only: two software developers whose licence opens 计算机软件的开发; raised to the figures rounded down).
        // Session 46 (s46-listed, ADR 0705: 出口贸易 alone names no farm produce, a 申万 industry outside the chains backs no segment; never tuned on,
        // headline only): 91.8 (45/49) / 60.8 / 85.4 (41/48) / 51.9: two wrong chains fewer (raised to the figures rounded down).
        // Session 47 (s47-raudit, ADR 0750; never tuned on, headline only): 93.8 (45/48) / 60.8 / 87.2 (41/47) / 51.9 (raised to the figures rounded down).
        // Session 47 (s47-label, ADR 0755: a water-freight company is a haulier, a verbless chemicals licence, 种植农作物, 酒类加工; fresh not
        // read): 92.0 (46/50) / 62.2 (46/74) / 85.7 (42/49) / 53.2 (42/79) (raised to the figures rounded down).
        // Both merged (lead, session 47): 93.9 (46/49) / 62.2 (46/74) / 87.5 (42/48) / 53.2 (raised to the figures rounded down).
        new object[] { "fresh", 93.0, 62.0, 87.0, 53.0 },
        // products-dev 73.4 / 68.5 / 59.2 / 51.6, products-holdout 67.6 / 67.2 / 50.5 / 45.4 (main 08a2bcb: 54.2 / 72.1 /
        // 37.2 / 49.8 and 53.7 / 71.3 / 37.5 / 50.2). Precision rose 13–22 points; chain recall fell 4 points on both halves
        // and segment recall 5 on products-holdout (a group's side lines no longer place it, ADR 0202), so those three
        // baselines are lowered (71 → 67, 70 → 66, 49 → 44); the reasons are in docs/benchmarks.md.
        // Merged with round 4b (申万 2021 names, data/industry/sw2021.csv, ADR 0199) on main b27c39f: products-dev 77.5 / 71.6 /
        // 64.2 / 55.1, products-holdout 74.7 / 69.5 / 58.8 / 48.8 (dev, holdout and fresh as above).
        // Round 5 (s25-classify, docs/benchmarks.md "Issue #19, round 5 (session 25)"; ADR 0230): products-dev 81.6 / 72.1 /
        // 67.9 / 55.6, products-holdout 80.8 / 72.4 / 64.4 / 51.2 (raised where they rose; products-dev segment recall stays 54).
        // dev, fresh unchanged; holdout 85.5 / 66.4 / 48.9 / 33.1 (chain recall −0.4: one company; its baseline holds).
        // Round 7 (s27-classify, ADR 0285; docs/benchmarks.md "Issue #19, round 7"): products-dev 81.7 / 72.6 / 68.6 / 56.4,
        // products-holdout 80.8 / 72.4 / 64.8 / 51.2 (its baselines hold).
        // Session 31 (s31-segs, ADR 0365: a word inside a longer word of another segment names nothing): products-dev 82.0 /
        // 76.1 / 71.5 / 61.3 (segment precision 69 → 70), products-holdout 82.0 / 75.9 / 66.1 / 54.1 (80 → 81, 64 → 65).
        // Session 32 (s32-chain, ADR 0370: a coarse label's usual segment becomes a chain-level membership, 环节待定, neither right nor
        // wrong in segment figures; chain figures unchanged): products-dev 82.0 / 76.1 / 71.2 / 58.2 (segment recall 60 → 57),
        // products-holdout 82.0 / 75.9 / 66.2 / 49.8 (53 → 48).
        // Session 33 (s33-segp, ADR 0390: two sources beat one within a chain; a word only part of a mapped label's name names
        // nothing): products-dev 82.9 / 76.1 / 72.4 / 58.2 (segment precision 70 → 71), products-holdout 83.0 / 75.9 / 68.2 / 50.2
        // (81 → 82, 65 → 67, 48 → 49); holdout, codes, codes-dev and codes-holdout rose by less than a baseline step.
        // Session 35 (s35-class, ADR 0450: a segment only when the row can name it; chain figures unchanged on every set): products-dev 83.8 / 76.1 / 74.7 / 57.8 (71 → 74).
        // Session 36 (s36-class, ADR 0470: a products-only membership yields to the cell's chain; recall unchanged): products-dev
        // 85.7 / 76.1 / 76.5 / 57.8 (chain precision 81 → 85, segment precision 74 → 76).
        // Session 38 (s38-list, ADR 0500: a TCM maker's dosage forms name 中药饮片与中成药, not 化学制剂; chain figures unchanged on every
        // set): products-dev 85.7 / 76.1 / 77.1 / 58.2 (76 → 77, 57 → 58).
        // Session 40 (s40-seg, ADR 0545: a products line the cell does not back names the chain, 环节待定; chain figures unchanged on
        // every set): products-dev 85.7 / 76.1 / 78.8 (130/165) / 57.8 (130/225). Segment precision 77 → 78; segment recall lowered by
        // design 58 → 57: one right FW-INFO (a campus-IT maker's 运维服务 under 其他计算机设备) is now a chain-level membership of its right
        // chain with FW-INFO suggested first, beside four wrong segments of the same shape.
        // Session 41 (s41-rec, ADR 0565: words of trades no segment held, 色选机 and 偏光片): products-dev 85.9 / 77.2 / 79.0 (132/167) /
        // 58.7 (132/225): two more right chains and segments; raised to the figures rounded down (75 → 77, 78 → 79, 57 → 58).
        // Session 41 (s41-prec, ADR 0570: the machines for a thing name no maker of it, a maker's 出口贸易 names the chain; recall
        // unchanged): products-dev 86.2 (150/174) / 76.1 / 79.8 (130/163) / 57.8: a lithium-battery machine maker's 锂电池专用设备 no longer
        // makes it a battery maker, a dairy maker's 出口贸易 is 环节待定 (85 → 86, 78 → 79).
        // Both merged (lead): products-dev 86.4 (152/176) / 77.2 (152/197) / 80.0 (132/165) / 58.7 (132/225), raised to the figures
        // rounded down.
        // Session 42 (s42-lvl, ADR 0610: a maker's service line that only its products name, in a chain the cell does not back, proposes
        // nothing): products-dev 87.3 (151/173) / 76.6 (151/197) / 80.0 / 58.7: two wrong chains gone (康佳's 供应链贸易, a jeweller's
        // 融资租赁) and one right one (正元智慧's 运维服务 in 现代服务业): chain precision raised 86 → 87, chain recall lowered 77 → 76.
        // Session 44 (s44-seg, ADR 0665: a products side line the cell backs only through its division yields to the products' head): products-dev
        // 88.3 (151/171) / 76.6 / 81.0 (132/163) / 58.7: a generator maker's fourth line 动力电池 no longer in 新能源 and 专汽 (two wrong chains and
        // segments gone); raised to the figures rounded down (chain precision 87 → 88; segment precision 80.98 % stays at 80).
        // Session 45 (s45-r2, ADR 0695: co-op shops read whole for farm inputs, shipping hauliers, 道路货物运输, 变流设备, 自控设备, 养鱼,
        // 蔬菜制品, 工程塑料制品, a division word adds the first item's segment): 88.3 (151/171) / 76.6 (151/197) / 81.1 (133/164) / 59.1 (133/225) (raised to the figures rounded down).
        // Session 46 (s46-listed, ADR 0705: a 申万 industry outside the eight chains backs no segment (工程咨询服务Ⅲ → HG), 出口贸易 alone names no
        // farm produce (a dairy's export line), 备用照明, a products word's guess by its place): 89.3 (151/169) / 76.6 (151/197) / 81.8 (135/165) /
        // 60.0 (135/225) (chain precision 88 → 89, segment recall 59 → 60).
        // Session 47 (s47-paudit, ADR 0740: a device's word before its part's, the cell's chip design, a line's machines, lighting,
        // refrigeration and seasonings cells outside the chains): 89.9 (151/168) / 76.6 (151/197) / 81.2 (134/165) / 59.6 (134/225). Segment
        // recall lowered 60 → 59.5: 福日电子 (消费电子零部件及组装, a phone ODM labelled DZ-TERM, 难判) had DZ-TERM only from the industry's
        // word 消费电子, which now names the parts the industry makes; it gets DZ-EMS (the contract maker's reading). Chain precision 89.9 stays at 89.
        // Session 48 (s48-lfw, ADR 0795): 90.4 (151/167) / 76.6 / 82.3 (135/164) / 60.0 (135/225): 苏利精细化工's HG-FINE becomes HG-FINE-AGRO
        // (its 农药中间体; labelled HG-FINE-AGRO|HG-FINE-ADD). Segment precision raised 81 → 82, recall 59.5 → 60.
        // Session 48 (s48-pmiss, ADR 0785: a 申万 equipment cell of C39 names 电子信息, the cell's own segment is no contradiction, 化学工程 →
        // HG-TECH, filling machines): 90.6 (154/170) / 78.2 (154/197) / 81.7 (134/164) / 59.6 (134/225): three right chain-level 电子信息
        // memberships (中新赛克, 正元智慧, 河南思维); raised 89 → 90, 76 → 78.
        new object[] { "products-dev", 90.0, 78.0, 82.0, 60.0 },
        // Session 34 (s34-home, ADR 0420): products-holdout 83.8 / 77.0 / 69.1 / 51.2 (raised to the figures rounded down: 82 → 83,
        // 74 → 77, 67 → 69, 49 → 51). codes-holdout fell 86.9 / 63.9 → 86.2 / 63.3 (one more wrong 应急装备 membership from 防爆 in a
        // name); its baselines hold.
        // Session 35 (s35-class, ADR 0450: a segment only when the row can name it; chain figures unchanged on every set): products-holdout 83.8 / 77.0 / 71.9 / 51.2 (69 → 71).
        // Session 36 (s36-class, ADR 0470; recall unchanged): products-holdout 84.3 / 77.0 / 72.4 / 51.2 (83 → 84, 71 → 72).
        // Session 40 (s40-seg, ADR 0545): products-holdout 84.3 / 77.0 / 72.9 (105/144) / 51.2 (105/205); its baselines hold.
        // Session 42 (s42-lvl, ADR 0610; never tuned on, headline only): 84.8 (134/158) / 77.0 / 72.9 / 51.2: one wrong chain fewer; baselines hold.
        // Session 43, round 2 (s43-r2, ADR 0640; never tuned on, headline only): 84.9 (135/159) / 77.6 (135/174) / 73.1 (106/145) / 51.7
        // (106/205): one right chain and segment more (72 → 73).
        // Session 46 (s46-listed, ADR 0705; never tuned on, headline only): 85.4 (135/158) / 77.6 / 73.6 (106/144) / 51.7: one wrong chain and one
        // wrong segment fewer (84 → 85).
        // Session 47 (s47-paudit, ADR 0740): 87.1 (135/155) / 77.6 / 73.9 (105/142) / 51.2: chain precision raised 85 → 87.
        // Session 48 (s48-lxny, ADR 0790; never tuned on, headline only): 87.7 (135/154) / 77.6 / 74.5 (105/141) / 51.2: a wrong XNY
        // membership fewer (segment precision raised 73 → 74).
        // Session 48 (s48-pmiss, ADR 0785; never tuned on, headline only): 87.4 (139/159) / 79.9 (139/174) / 73.9 / 51.2: four right chains
        // more, no wrong one (77 → 79).
        // Session 48, both merged (lead): 87.97 (139/158) / 79.9 (139/174) / 74.5 (105/141) / 51.2 (105/205): chain precision stays 87 (rounded down).
        new object[] { "products-holdout", 87.0, 79.0, 74.0, 51.0 },
        // Session 26 (s26-evalset, docs/benchmarks.md "Issue #19: the codes set (session 26)"): 409 companies shaped like
        // vendor/register exports (CSRC industry code and name, address, long 经营范围), labelled before any classifier ran
        // and never tuned on. Measured on main 1dcf7ea's rules: 75.6 / 61.9 / 48.5 / 40.9.
        // Its halves (split in session 26 before any tuning; codes-dev may be tuned on, codes-holdout never), measured on
        // main 99de414: codes-dev 75.0 / 59.6 / 46.7 / 38.7, codes-holdout 76.3 / 64.3 / 50.4 / 43.1. Round 6b (a division
        // alone, ADR 0265; docs/benchmarks.md "Issue #19, round 6b"): codes 82.5 / 71.0 / 55.7 / 48.6, codes-dev 81.7 /
        // 67.1 / 52.9 / 44.8, codes-holdout 83.3 / 75.0 / 58.3 / 52.5.
        // Round 7 (s27-classify, ADR 0285): codes 85.7 / 71.3 / 59.5 / 48.6, codes-dev 85.3 / 67.8 / 56.7 / 44.2, codes-holdout
        // 86.1 / 75.0 / 62.0 / 53.1.
        // Round 9 (s29-classify): codes 86.8 / 71.3 / 60.3 / 48.9 (segment precision 58 → 59), codes-dev 87.6 / 67.8 / 58.4 / 44.8
        // (precision 85 → 86, 56 → 57: a bracket opening with 不含 is what the licence excludes).
        // Round 10 (s30-regdev): codes 86.9 / 71.7 / 60.5 / 49.2 (segment recall 47 → 48), codes-holdout 86.2 / 75.7 / 62.3 / 53.8
        // (its baselines hold).
        // Session 31 (s31-segs, ADR 0365): codes 87.2 / 71.7 / 60.7 / 49.2 (chain precision 85 → 86), codes-dev 88.4 / 67.8 /
        // 58.9 / 44.8 (86 → 87), codes-holdout unchanged.
        // Session 32 (s32-chain, ADR 0370: a coarse label's usual segment becomes a chain-level membership, 环节待定, neither right nor
        // wrong in segment figures; chain figures unchanged): codes 87.2 / 71.7 / 61.6 / 44.3 (segment 59 / 48 →
        // 60 / 43), codes-dev 88.4 / 67.8 / 60.7 / 41.7 (57 / 43 → 59 / 40), codes-holdout 86.2 / 75.7 / 62.5 / 46.9 (52 → 45).
        // Round 12 (s32-regs3, ADR 0375: 技术转让 no word of FW-RD, building consultants out of FW-BIZ): codes 88.0 / 71.7 / 61.2 /
        // 49.2 (86 → 87, 59 → 60), codes-dev 89.2 / 67.8 / 59.3 / 44.8 (87 → 88, 57 → 58), codes-holdout 86.9 / 75.7 / 62.8 / 53.8.
        // Both merged (main, session 32): codes 88.0 / 71.7 / 62.2 / 44.3, codes-dev 89.2 / 67.8 / 61.3 / 41.7, codes-holdout
        // 86.9 / 75.7 / 63.0 / 46.9.
        // Session 35 (s35-class, ADR 0450: a segment only when the row can name it; chain figures unchanged on every set): codes 88.1 / 72.4 / 63.5 / 45.2, codes-dev unchanged,
        // codes-holdout 86.2 / 75.7 / 63.0 / 46.9 (one right segment fewer: a name's trade word beside a division cell; baselines hold).
        // Session 37 (s37-prec, ADR 0485: a licence clause that makes nothing names no maker; chain-level beside a division): codes 88.5 /
        // 72.4 / 64.4 / 44.9 (raised to the figures rounded down: 87 → 88, 61 → 64), codes-dev 91.0 / 69.2 / 66.4 / 43.6 (88 → 90, 60 → 66),
        // codes-holdout 86.2 / 75.7 / 62.7 / 46.3 (one right segment of a dealing clause is now chain-level in its right chain; its
        // baselines 62 / 46 hold, not lowered).
        // Session 38 (s38-list, ADR 0500: a TCM maker's dosage forms name 中药饮片与中成药; chain figures unchanged): codes 88.5 / 72.4 /
        // 64.5 / 45.5 (segment recall 43 → 45), codes-dev 91.0 / 69.2 / 66.7 / 44.2 (segment recall 40 → 44), codes-holdout 86.2 / 75.7 /
        // 62.5 / 46.9 (segment precision fell 62.7 → 62.5, recall rose 46.3 → 46.9; its baselines hold).
        // Session 39 (s39-list, ADR 0530: one word of a listed company's licence beside a division names the chain, 环节待定; chain
        // figures unchanged): codes 88.5 / 72.4 / 74.1 / 39.9, codes-dev 91.0 / 69.2 / 78.6 / 40.5, codes-holdout 86.2 / 75.7 / 70.0 /
        // 39.4. Segment precision raised to the figures rounded down (64 → 74, 66 → 78, 62 → 70); segment recall lowered by design
        // (45 → 39, 44 → 40, 46 → 39): about one in three of the segments such a lone licence word gave was right, and each is now a
        // chain-level membership of its right chain with that segment suggested first.
        // Session 39 (s39-reg, ADR 0525: 颜料 a keyword of HG-FINE-COAT; chain figures unchanged): codes 88.5 / 72.4 / 63.9 / 45.5,
        // codes-dev 91.0 / 69.2 / 66.1 / 44.2, codes-holdout 86.2 / 75.7 / 62.0 / 46.9: a textile-dye maker's 染料、颜料和助剂 licence
        // proposes HG-FINE-COAT beside its labelled HG-FINE-ADD in codes-dev, and one more segment of codes-holdout (blind, headline
        // only) is wrong: segment precision baselines lowered, codes 64 → 63 and codes-holdout 62 → 61 (61.98 %: 75/121); codes-dev's holds.
        // Both merged (lead, session 39): codes 88.5 / 72.4 / 73.7 (129/175) / 39.9, codes-dev 91.0 / 69.2 / 78.6 (66/84) / 40.5, codes-holdout 86.2 / 75.7 / 69.2 (63/91) / 39.4: against s39-list alone, codes and codes-holdout have one wrong segment more (颜料; 174 → 175 and 90 → 91 proposed), codes-dev is unchanged.
        // Session 40 (s40-seg, ADR 0545: the licence's first item against the industry cell names only the chain; chain figures
        // unchanged): codes 88.5 / 72.4 / 77.9 (127/163) / 39.3, codes-dev 91.0 / 69.2 / 82.1 (64/78) / 39.3, codes-holdout 86.2 / 75.7 /
        // 74.1 (63/85) / 39.4. Segment precision raised to the figures rounded down (73 → 77, 78 → 82, 69 → 74); codes-dev's segment recall
        // lowered by design 40 → 39: a C38 maker whose licence opens with 软件开发 keeps 电子信息 and 现代服务业 at chain level (DZ-SVC,
        // FW-INFO suggested first) beside four wrong segments of the same shape; codes' recall baseline 39 holds.
        // Session 41 (s41-rec, ADR 0565: a port operator's licence words and GB/T 5532 in 多式联运与陆港, 偏光片 in 电子材料): codes 88.6 /
        // 73.1 / 78.2 (129/165) / 39.9, codes-dev 91.2 / 70.5 / 82.5 (66/80) / 40.5 (two more right chains and segments each), codes-holdout
        // unchanged. Raised to the figures rounded down (codes 70 → 73, 77 → 78; codes-dev 90 → 91, 66 → 70, 39 → 40).
        // Session 41 (s41-reg, ADR 0560: a seller in no makers' segment of any tier, farm-supply counters, packaging printers, 淀粉, 绿化种植;
        // never tuned on, headline only): codes-holdout 86.2 / 75.7 / 74.4 / 40.0 (segment recall 39 → 40): one more right segment (淀粉).
        // Session 42 (s42-seg, ADR 0600: GB/T 5166 化肥批发 and 5167 农药批发 in 农资投入品, 互联网零售 a word of 电子商务, a numbered licence's
        // first item read after its number): codes 88.7 (211/238) / 73.8 (211/286) / 78.6 (132/168) / 40.9 (132/323), codes-dev 91.3
        // (105/115) / 71.9 (105/146) / 82.9 (68/82) / 41.7 (68/163): two more right segments and chains (浙农 NC-INPUT, 南极电商 FW-ECOM)
        // and one more right chain (厦门港务, 现代服务业 at chain level with FW-LOGI-PORT suggested first); codes-holdout unchanged. Raised
        // to the figures rounded down (codes 39 → 40; codes-dev 70 → 71, 40 → 41).
        // Session 42 (s42-reg, ADR 0590: activities written together, a numbered licence's number, 储运 hauliers, seeds sold in a trade clause, 包装容器, 瓶胚, 密封件, 形象策划, 公关服务;
        // codes never tuned on, headline only): codes 88.6 (210/237) / 73.4 / 78.1 (132/169) / 40.9 (segment recall raised 39 → 40), codes-dev
        // 91.2 (104/114) / 71.2 / 81.7 (67/82) / 41.1 (a numbered licence's made list one more right chain, 瓶胚 one more right segment; 形象策划
        // turned a listed row's chain-level 现代服务业 into a wrong FW-BIZ: segment precision lowered 82 → 81, recall raised 70 → 71, 40 → 41),
        // codes-holdout 86.2 / 75.7 / 74.7 (65/87) / 40.6 (one more right segment, 密封件 or 瓶胚; baselines hold).
        // Merged main of session 42 (s42-seg + s42-reg + s42-list): codes 88.7 (211/238) / 73.8 / 78.2 (133/170) / 41.2 (133/323), codes-dev
        // 91.3 (105/115) / 71.9 / 81.9 (68/83) / 41.7 (68/163) (codes' segment recall raised 40 → 41).
        // Session 42 (s42-voc, ADR 0605: words register licences use that no segment held, mined from unlabelled register files): 88.7 (212/239) / 74.1 / 78.4 / 41.5
        // (never tuned on, headline only; raised to the figures rounded down).
        // Session 44 (s44-listed, ADR 0655: 摩托车 rules 专汽's 发动机 out only as 摩托车发动机; 发动机零配件, 环卫服务, 高性能纤维 as segment words): 88.8 (214/241) / 74.8 / 78.6 (136/173) / 42.1
        // (never tuned on, headline only; raised to the figures rounded down).
        // Session 44 (s44-seg, ADR 0665: a division's guess yields to a segment the row's words name; never tuned on, headline only): codes
        // 88.7 / 74.1 / 80.2 (130/162) / 40.2 (130/323): nine segment memberships fewer, five of them wrong; segment precision raised 78 → 80,
        // segment recall lowered 41 → 40.
        // Session 46 (s46-audit, ADR 0710: the pool audit's wrong classes): codes 89.1 / 74.1 / 82.0 (132/161 = 81.99 %) / 40.9 (never tuned on, headline only; 88 → 89, 80 → 81; chain recall 74.8 → 74.1: the per-chain lines say two right and one wrong 专汽 memberships fewer, the rows were not read).
        // Session 46 (s46-r2, ADR 0720; headline only): 89.1 (213/239) / 74.5 (213/286) / 81.5 (132/162) / 40.9 (132/323) (raised to the
        // figures rounded down: one chain-right but segment-wrong ZQ-PARTSALE of a parts maker went).
        // Merged main of session 46 (both rounds): 89.1 (212/238) / 74.1 (212/286) / 82.0 (132/161) / 40.9 (132/323): s46-r2's row is the
        // one s46-audit's rules already changed.
        // Session 46 (s46-listed, ADR 0705: a division's usual segment beside a name word of the same division names the chain; headline only):
        // 88.8 / 74.8 / 81.8 (130/159) / 40.2 (130/323): five segment memberships fewer, two of them right (segment precision 80 → 81).
        // Merged main of session 46 with s46-listed: 89.1 (212/238) / 74.1 / 83.3 (130/156) / 40.2 (130/323) (segment precision 83).
        // Session 47 (s47-caudit, ADR 0745: a form only patent medicines take names TCM; a chemicals maker's pesticides are no farm input;
        // a civil-explosives maker is in no chain by its cell; headline only): 89.5 (212/237) / 74.1 / 84.0 (131/156 = 83.97 %) / 40.6 (131/323)
        // (baselines hold: 84.0 shown is 83.97 rounded).
        // Session 47 (s47-miss, ADR 0760: CSRC C39 alone names 电子信息 at chain level): 89.3 (218/244) / 76.2 (218/286) / 84.0 / 40.6: six
        // right chains and one wrong added (chain recall raised 74 → 76).
        new object[] { "codes", 89.0, 76.0, 83.0, 40.0 },
        // Session 42 (s42-voc, ADR 0605: words register licences use that no segment held, mined from unlabelled register files): 91.4 (106/116) / 72.6 / 82.1 / 42.3 (raised to the figures rounded down).
        // Session 44 (s44-listed, ADR 0655: 摩托车 rules 专汽's 发动机 out only as 摩托车发动机; 发动机零配件, 环卫服务, 高性能纤维 as segment words): 91.5 (108/118) / 74.0 (108/146) / 82.4 (70/85) /
        // 42.9 (two engine-parts makers, 西仪 and 玄潭, in 专汽; raised to the figures rounded down).
        // Session 44 (s44-seg, ADR 0665): codes-dev 91.4 / 72.6 / 84.0 (68/81) / 41.7 (68/163): 化学制剂 guessed from C27 beside the licence's
        // 中药 words gone at two TCM makers (wrong) and at 亚宝药业 (labelled both): segment precision raised 82 → 83 (83.95 %), recall lowered 42 → 41.
        // Merged main of session 44 (s44-listed + s44-seg + s44-gbt + s44-reg + the lead): 91.5 (108/118) / 74.0 (108/146) / 84.1 (69/82) / 42.3 (69/163)
        // (segment figures raised to the figures rounded down).
        // Session 46 (s46-listed, ADR 0705: C27医药制造业's usual segment 化学药 beside a name's 药业 names the chain, 环节待定): 91.5 / 74.0 / 85.9 (67/78)
        // / 41.1 (67/163): four SW-CHEM memberships now chain-level, two wrong (仁和's TCM, 康辰's biologics) and two right (信立泰, 康弘, whose
        // first suggestion is still SW-CHEM): segment precision raised 84 → 85, segment recall lowered 42 → 41.
        // Session 47 (s47-caudit, ADR 0745): 91.5 / 74.0 / 87.2 (68/78) / 41.7 (68/163): 益盛药业's licence lists 丸剂, so its dosage forms
        // are patent medicines (SW-TCM, labelled) and no longer SW-CHEM: segment precision raised 85 → 87.
        // Session 47 (s47-miss, ADR 0760): 91.7 (111/121) / 76.0 (111/146) / 87.2 / 41.7: three C39 rows gain their chain, 电子信息, at
        // chain level (chain recall raised 73 → 76).
        // Session 47 (s47-lzq, ADR 0770): 92.5 (111/120) / 76.0 / 87.2 / 41.7: 河南神火煤电's 铝型材 names no vehicle on a listed row, so its
        // wrong 专汽 chain-level membership is gone (chain precision raised 91 → 92).
        new object[] { "codes-dev", 92.0, 76.0, 87.0, 41.0 },
        // Session 44 (s44-listed, ADR 0655: 摩托车 rules 专汽's 发动机 out only as 摩托车发动机; 发动机零配件, 环卫服务, 高性能纤维 as segment words): 86.2 / 75.7 / 75.0 (66/88) / 41.3
        // (never tuned on, headline only; segment figures raised to the figures rounded down).
        // Session 44 (s44-seg, ADR 0665; never tuned on, headline only): codes-holdout 86.2 / 75.7 / 76.5 (62/81) / 38.8 (62/160): six segment
        // memberships fewer, three right and three wrong; segment precision raised 74 → 76, recall lowered 40 → 38.
        // Merged main of session 44: 86.2 / 75.7 / 76.8 (63/82) / 39.4 (63/160) (never tuned on, headline only; segment recall raised 38 → 39).
        // Session 46 (s46-audit, ADR 0710: the pool audit's wrong classes): codes-holdout 86.7 / 74.3 / 79.7 (63/79) / 39.4 (never tuned on, headline only; segment precision 76 → 79; chain recall 75.7 → 74.3, baseline holds: as codes).
        // Session 46 (s46-r2, ADR 0720; headline only): 86.8 (105/121) / 75.0 (105/140) / 78.8 (63/80) / 39.4 (63/160) (raised to the
        // figures rounded down).
        // Merged main of session 46 (both rounds): 86.7 (104/120) / 74.3 (104/140) / 79.7 (63/79) / 39.4 (63/160) (chain recall 74, as
        // s46-audit measured; segment precision 79).
        // Session 46 (s46-listed, ADR 0705; never tuned on, headline only): 86.2 / 75.7 / 77.8 (63/81) / 39.4: one wrong segment fewer (76 → 77).
        // Merged main of session 46 with s46-listed: 86.7 (104/120) / 74.3 / 80.8 (63/78) / 39.4 (segment precision 80).
        // Session 47 (s47-caudit, ADR 0745; never tuned on, headline only): 87.4 (104/119) / 74.3 / 80.8 (63/78) / 39.4: one wrong chain
        // fewer (chain precision raised 86 → 87).
        // Session 47 (s47-miss, ADR 0760; headline only): 87.0 (107/123 = 86.99 %) / 76.4 (107/140) / 80.8 / 39.4: C39 alone names 电子信息
        // at chain level, three right chains and one wrong added (one row; 21 of 23 such additions right on the miss pool and codes-dev
        // together): chain precision lowered 87 → 86.9 (the measured 86.99 is below 87.0 by the one row), chain recall raised 74 → 76.
        new object[] { "codes-holdout", 86.9, 76.0, 80.0, 39.0 },
        // Session 29 (s29-fresh, docs/benchmarks.md "Issue #19: a labelled set of register rows never read (session 29)"):
        // 300 register rows of 2001/安徽, 2002/湖南, 2003/黑龙江, 2004/陕西, labelled by hand before the classifier ran on them
        // and never tuned on. Part A (registers-random, 200 rows at random) and part B (registers-shown, 100 rows at random among
        // those the classifier confirms a membership for). Measured on main 20f26fa: registers 86.0 / 83.2 / 71.8 / 69.9,
        // registers-random 80.8 / 66.3 / 62.7 / 51.6, registers-shown 89.6 / 99.0 / 77.9 / 86.3.
        // Round 9b (s29-trade, ADR 0325; docs/benchmarks.md "Issue #19, round 9b"): dealers' licence lists, pharmacy branches and
        // farm-machinery dealers; registers 87.0 / 83.2 / 79.1 / 72.5, registers-random 81.9 / 66.3 / 68.1 / 53.8,
        // registers-shown 90.5 / 99.0 / 86.7 / 89.2 (raised where they rose; every other set unchanged).
        // Round 10 (s30-regdev, ADR 0330; tuned on registers-dev, never on these): registers 87.6 / 87.6 / 80.0 / 76.7,
        // registers-random 83.8 / 75.3 / 71.3 / 62.6 (raised), registers-shown unchanged.
        // Round 11 (s31-regs, ADR 0360; tuned on registers-dev and registers-dev2, never on these): registers 87.7 / 88.6 / 80.2 /
        // 77.7, registers-random 84.1 / 77.5 / 72.0 / 64.8 (raised), registers-shown unchanged.
        // Round 12 (s32-regs3, ADR 0375; tuned on registers-dev, -dev2 and -dev3, never on these): registers 89.2 / 89.2 / 81.6 /
        // 78.2, registers-random 87.5 / 78.7 / 75.0 / 65.9 (raised), registers-shown unchanged.
        // Session 35 (s35-class, ADR 0450: a segment only when the row can name it; chain figures unchanged on every set): registers 89.2 / 89.2 / 84.7 / 77.7,
        // registers-random 87.5 / 78.7 / 81.9 / 64.8 (precision raised 80 → 84, 74 → 81), registers-shown unchanged.
        // Session 37 (s37-reg, ADR 0480: words of register rows; tuned on registers-dev … dev5, never on these): registers 90.2 / 89.7 / 85.8 / 78.2,
        // registers-random 88.8 / 79.8 / 83.3 / 65.9, registers-shown 91.3 / 99.0 (95/96) / 87.5 / 89.2 (raised to the figures rounded down).
        // Session 38 (s38-reg, ADR 0495: a licence's activity words skipped before its first item, IT-service, advertising, drinking-water
        // and patent-agency words; tuned on registers-dev … dev6, never on these): registers 90.3 / 90.3 / 85.9 / 78.8, registers-random
        // 88.9 / 80.9 / 83.6 / 67.0 (recall raised), registers-shown unchanged.
        // Session 43 (s43-svc, ADR 0630: 运业/快运 hauliers and freight named before passengers, store and market words, engineering consultancies read before 咨询, an electronics word only dealt in names no DZ maker; never tuned on, headline only): registers
        // 90.8 (167/184) / 90.3 / 86.4 (152/176) / 78.8, registers-shown 92.2 (95/103) / 99.0 / 88.3 (91/103) / 89.2 (one wrong membership fewer
        // each; raised to the figures rounded down), registers-random unchanged.
        // Session 43, round 2 (s43-r2, ADR 0640: a name's chain-level guess yields to the first clause's segment of the same chain when that clause makes): 
        // registers 90.8 / 90.3 / 85.9 (152/177) / 78.8: one wrong segment more (never tuned on, headline only); segment precision lowered 86 → 85.
        // Session 45 (s45-r2, ADR 0695: a name's division word adds the making first item's segment, 生产肉制品 beside 米面制品; measured
        // headline only): 90.8 (167/184) / 90.3 (167/185) / 86.0 (153/178 = 85.96) / 79.3 (153/193) (segment recall raised to 79).
        // Session 46 (s46-audit, ADR 0710: the pool audit's wrong classes): registers 92.3 / 90.3 / 87.6 (155/177) / 80.3 (never tuned on, headline only; 90 → 92, 85 → 87, 79 → 80).
        // Session 46 (s46-r2, ADR 0720: 超市 in a name; headline only): 90.8 (168/185) / 90.8 (168/185) / 86.0 (154/179) / 79.8 (154/193)
        // (raised to the figures rounded down).
        // Merged main of session 46 (both rounds): 92.3 (168/182) / 90.8 (168/185) / 87.6 (156/178) / 80.8 (156/193) (rounded down).
        // Session 46 (s46-listed, ADR 0705: 出口贸易 alone names no farm produce; headline only): 91.3 (167/183) / 90.3 / 86.4 (153/177) / 79.3: one wrong
        // chain fewer (raised to the figures rounded down).
        // Merged main of session 46 with s46-listed: 92.8 (168/181) / 90.8 / 88.1 (156/177) / 80.8 (rounded down).
        // Session 47 (s47-raudit, ADR 0750; never tuned on, headline only): 93.3 (168/180) / 90.8 / 88.6 (156/176) / 80.8 (raised to the figures rounded down).
        // Session 49 (s49-coop, ADR 0815: co-op stores relabelled by what they sell, then the co-op store rule and 农业生产资料): registers 93.5 / 91.0 / 88.9 / 81.2 (labels alone on base c64aced: 93.3 / 88.9 / 88.6 / 79.2; raised to the figures rounded down).
        new object[] { "registers", 93.0, 91.0, 88.0, 81.0 },
        // Session 43, round 2 (s43-r2, ADR 0640: a name's chain-level guess yields to the first clause's segment of the same chain when that clause makes): 
        // registers-random 88.9 / 80.9 / 82.4 (61/74) / 67.0: one wrong segment more (never tuned on, headline only); segment precision lowered 83 → 82.
        // Session 44, round 2 (s44-r2, ADR 0675: a drug-trading licence names SW-DIST beside a name's 医药): registers-random 88.9 / 80.9 /
        // 81.3 (61/75) / 67.0: one wrong segment more (never tuned on, headline only; registers 85.9 → 85.4, 152/178); segment precision
        // lowered 82 → 81. With the lead's shop names (药房, a name ending in 店, 零售连锁, found reading the round's changes on the kept-back
        // register rows, not these rows): 88.9 / 80.9 / 82.4 (61/74) / 67.0 again (registers 85.9 again); raised back to 82.
        // Session 46 (s46-audit, ADR 0710: the pool audit's wrong classes): registers-random 90.0 / 80.9 / 82.7 (62/75) / 68.1 (never tuned on, headline only; 88 → 90, 67 → 68).
        // Session 46 (s46-r2, ADR 0720: 超市 in a name; headline only): 89.0 (73/82) / 82.0 (73/89) / 82.7 (62/75) / 68.1 (62/91) (raised
        // to the figures rounded down).
        // Merged main of session 46 (both rounds): 90.1 (73/81) / 82.0 (73/89) / 82.9 (63/76) / 69.2 (63/91) (rounded down).
        // Session 47 (s47-raudit, ADR 0750; never tuned on, headline only): 91.3 (73/80) / 82.0 / 84.0 (63/75) / 69.2 (raised to the figures rounded down).
        // Session 49 (s49-coop, ADR 0815: co-op stores relabelled by what they sell, then the co-op store rule and 农业生产资料): registers-random 91.7 / 82.8 / 84.8 / 70.5 (labels alone on base c64aced: 91.3 / 78.5 / 84.0 / 66.3; raised to the figures rounded down).
        new object[] { "registers-random", 91.0, 82.0, 84.0, 70.0 },
        // Merged main of session 43 (s43-mod, s43-reg, s43-svc and the lead): 92.2 / 99.0 (95/96, 98.96) / 88.3 / 89.2.
        // Session 45 (s45-r2, ADR 0695: a name's division word adds the making first item's segment, 生产肉制品 beside 米面制品; measured
        // headline only): 92.2 (95/103) / 99.0 (95/96) / 88.5 (92/104) / 90.2 (92/102) (raised to the figures rounded down).
        // Session 46 (s46-audit, ADR 0710: the pool audit's wrong classes): registers-shown 94.1 / 99.0 / 91.2 (93/102) / 91.2 (never tuned on, headline only; 92 → 94, 88 → 91, 90 → 91).
        // Session 46 (s46-listed, ADR 0705; headline only): 93.1 (95/102) / 99.0 / 89.3 (92/103) / 90.2: one wrong chain fewer (raised to the figures rounded down).
        // Merged main of session 46 with s46-listed: 95.0 (95/100) / 99.0 / 92.1 (93/101) / 91.2 (rounded down).
        new object[] { "registers-shown", 95.0, 98.0, 92.0, 91.0 },
        // Session 30 (s30-regdev, ADR 0330; docs/benchmarks.md "Issue #19, round 10"): registers-dev, 240 random register rows
        // of 2000/福建, 2001/河北, 2002/江西, 2003/广西, labelled before the classifier ran on them; the register rows one may
        // tune on. Measured on main c102dac: 82.5 / 57.1 / 71.9 / 46.9; after round 10 (ADR 0330): 85.5 / 71.4 / 76.6 / 60.2; after
        // round 11 (ADR 0360): 85.7 / 72.5 / 76.9 / 61.2.
        // After round 12 (ADR 0375): 89.5 / 74.7 / 80.5 / 63.3.
        // Session 35 (s35-class, ADR 0450: a segment only when the row can name it; chain figures unchanged on every set): 90.7 / 74.7 / 88.4 / 62.2 (79 → 88).
        // Session 37 (s37-reg, ADR 0480: words of register rows): 92.0 / 75.8 / 89.9 / 63.3 (raised to the figures rounded down).
        // Session 40 (s40-reg, ADR 0540: post offices, 中国铁通, 塑胶, an IT licence read past its computer first item, a made list's second good): 92.4 / 80.2 / 90.4 / 67.3 (raised to the figures rounded down).
        // Session 41 (s41-reg, ADR 0560: a seller in no makers' segment of any tier, farm-supply counters, packaging printers, 淀粉, 绿化种植): 92.5 / 81.3 / 90.5 / 68.4 (raised to the figures rounded down).
        // Session 42 (s42-voc, ADR 0605: words register licences use that no segment held, mined from unlabelled register files): 92.6 (75/81) / 82.4 / 90.7 / 69.4 (raised to the figures rounded down).
        // Session 43 (s43-reg, ADR 0625: produce buyers, farm-supply counters not in HG-FINE-AGRO, nurseries, a licence that only trades chemicals, plastic-pipe and rubber-part words, 售电 not read out of 零售): 93.98 (78/83) / 85.7 / 92.3 / 73.5 (raised to the figures rounded down).
        // Session 43 (s43-svc, ADR 0630: 运业/快运 hauliers and freight named before passengers, store and market words, engineering consultancies read before 咨询, an electronics word only dealt in names no DZ maker): 92.7 (76/82) / 83.5 / 90.8 / 70.4 (raised to the figures rounded down).
        // Merged main of session 43 (s43-mod, s43-reg, s43-svc and the lead): 94.0 / 86.8 / 92.4 / 74.5.
        // Session 44 (s44-reg, ADR 0660: a word inside a longer word of the first item, 水产品加工, 土特产 out of NC-ECOM, a network contractor, plastics made): 94.1 (80/85) / 87.9 (80/91) / 93.7 (74/79) / 75.5 (74/98) (raised to the figures rounded down).
        // Session 45 (s45-wrong, ADR 0685: a veterinary-drug maker is no farm input; a food name that trades packaged food is in no segment): 96.4 (80/83) / 87.9 (80/91) / 96.1 (74/77) / 75.5 (74/98) (raised to the figures rounded down).
        // Session 46 (s46-audit, ADR 0710: the pool audit's wrong classes): registers-dev 97.6 / 87.9 / 97.4 (74/76) / 75.5 (96 → 97, 96 → 97).
        new object[] { "registers-dev", 97.0, 87.0, 97.0, 75.0 },
        // Session 31 (s31-regs, ADR 0360; docs/benchmarks.md "Issue #19, round 11"): registers-dev2, 160 random register rows
        // of 2000/河南, 2001/江苏, 2002/天津, 2003/山西, labelled before the classifier ran on them; more register rows to tune
        // on. Measured on main f25068b: 75.9 / 53.9 / 66.7 / 46.8; after round 11 (ADR 0360): 83.1 / 71.1 / 75.4 / 63.6.
        // After round 12 (ADR 0375): 86.6 / 76.3 / 79.1 / 68.8.
        // Session 35 (s35-class, ADR 0450: a segment only when the row can name it; chain figures unchanged on every set): 86.6 / 76.3 / 79.7 / 66.2 (precision 78 → 79;
        // recall lowered 67 → 66 by design: 2 right guesses of a name's trade word, 食品 and 化工, are chain-level memberships of the right chain).
        // Session 37 (s37-reg, ADR 0480: words of register rows): 87.0 (60/69) / 78.9 / 80.3 / 68.8 (raised to the figures rounded down).
        // Session 40 (s40-reg, ADR 0540: post offices, 中国铁通, 塑胶, an IT licence read past its computer first item, a made list's second good): 87.1 / 80.3 / 80.6 / 70.1 (raised to the figures rounded down).
        // Session 43 (s43-reg, ADR 0625: produce buyers, farm-supply counters not in HG-FINE-AGRO, nurseries, a licence that only trades chemicals, plastic-pipe and rubber-part words, 售电 not read out of 零售): 87.3 (62/71) / 81.6 / 80.9 / 71.4 (raised to the figures rounded down).
        // Session 43 (s43-svc, ADR 0630: 运业/快运 hauliers and freight named before passengers, store and market words, engineering consultancies read before 咨询, an electronics word only dealt in names no DZ maker): 88.4 (61/69) / 80.3 / 81.8 / 70.1 (raised to the figures rounded down).
        // Merged main of session 43 (s43-mod, s43-reg, s43-svc and the lead): 88.6 / 81.6 / 82.1 / 71.4.
        // Session 46 (s46-audit, ADR 0710: the pool audit's wrong classes): registers-dev2 89.9 / 81.6 / 83.3 (55/66) / 71.4 (88 → 89, 82 → 83).
        // Session 49 (s49-coop, ADR 0815: co-op stores relabelled by what they sell, then the co-op store rule and 农业生产资料): registers-dev2 90.5 / 82.7 / 84.5 / 73.2 (labels alone on base c64aced: 89.9 / 76.5 / 83.3 / 67.1; raised to the figures rounded down).
        new object[] { "registers-dev2", 90.0, 82.0, 84.0, 73.0 },
        // Session 32 (s32-regs3, ADR 0375; docs/benchmarks.md "Issue #19, round 12"): registers-dev3, 160 random register rows
        // of 2000/北京, 2001/云南, 2002/吉林, 2003/重庆, labelled before the classifier ran on them; a third register set to tune
        // on. Measured on main e0bc102 (a blind check of rounds 10–11): 74.3 / 57.8 / 47.2 / 35.4; after round 12: 91.4 / 71.1 /
        // 77.8 / 58.3.
        // Session 35 (s35-class, ADR 0450: a segment only when the row can name it; chain figures unchanged on every set): 91.4 / 71.1 / 84.8 / 58.3 (76 → 84).
        // Session 37 (s37-reg, ADR 0480: words of register rows): 91.7 / 73.3 / 85.3 / 60.4 (raised to the figures rounded down).
        // Session 38 (s38-reg, ADR 0495: IT-service licence words, a licence's activity words skipped): 92.5 / 82.2 / 86.8 / 68.8 (raised to the figures rounded down).
        // Session 40 (s40-reg, ADR 0540: post offices, 中国铁通, 塑胶, an IT licence read past its computer first item, a made list's second good): 92.9 / 86.7 / 87.5 / 72.9 (raised to the figures rounded down).
        // Session 45 (s45-r2, ADR 0695: co-op shops read whole for farm inputs, shipping hauliers, 道路货物运输, 变流设备, 自控设备, 养鱼,
        // 蔬菜制品, 工程塑料制品, a division word adds the first item's segment): 92.9 (39/42) / 86.7 (39/45) / 87.8 (36/41) / 75.0 (36/48) (raised to the figures rounded down).
        // Session 46 (s46-audit, ADR 0710: the pool audit's wrong classes): registers-dev3 95.1 / 86.7 / 90.0 (36/40) / 75.0 (92 → 95, 87 → 90).
        new object[] { "registers-dev3", 95.0, 86.0, 90.0, 75.0 },
        // Session 33 (s33-regs4, ADR 0395; docs/benchmarks.md "Issue #19, round 13"): registers-dev4, 160 random register rows
        // of 1995/山东, 1998/江苏, 1999/河北, 1999/湖北, labelled before the classifier ran on them; a fourth register set to tune
        // on. Measured on main e1dbe6b (a blind check of rounds 10–12): 88.6 / 77.5 / 81.4 / 70.4; after round 13: 90.1 / 80.0 /
        // 83.1 / 72.8.
        // Session 35 (s35-class, ADR 0450: a segment only when the row can name it; chain figures unchanged on every set): 90.3 / 81.3 / 87.0 / 74.1 (82 → 86: 60/69 is 86.96 %).
        // Session 37 (s37-reg, ADR 0480: words of register rows): 91.7 / 82.5 / 88.4 / 75.3 (raised to the figures rounded down).
        // Session 38 (s38-reg, ADR 0495): 90.4 (66/73) / 82.5 / 87.1 / 75.3: precision lowered 91 → 90 and 88 → 87 by one row, a decoration
        // company whose whole licence is `制作、发布国内各类广告业务`, labelled in no chain, now in FW-BIZ (the advertising words that place 3 rows
        // of registers-dev6 and 20 of 22 advertising firms of four unlabelled register files right).
        // Session 39 (s39-reg, ADR 0525: 颜料): 90.5 / 83.8 / 87.3 / 76.5 (recall raised to the figures rounded down).
        // Session 40 (s40-reg, ADR 0540: post offices, 中国铁通, 塑胶, an IT licence read past its computer first item, a made list's second good): 90.7 / 85.0 / 88.9 / 79.0 (raised to the figures rounded down).
        // Session 42 (s42-voc, ADR 0605: words register licences use that no segment held, mined from unlabelled register files): 90.8 (69/76) / 86.3 / 89.0 / 80.2 (raised to the figures rounded down).
        // Session 44 (s44-reg, ADR 0660: a word inside a longer word of the first item, 水产品加工, 土特产 out of NC-ECOM, a network contractor, plastics made): 92.0 (69/75) / 86.3 / 90.3 (65/72) / 80.2 (raised to the figures rounded down).
        new object[] { "registers-dev4", 92.0, 86.0, 90.0, 80.0 },
        // Session 36 (lead; docs/benchmarks.md "Issue #19: registers-dev5, a blind check (session 36)"): registers-dev5, 160 random
        // register rows of 2003/安徽, 2003/江西, 1997/河南, 1996/湖北, labelled before the classifier ran on them. Measured blind
        // on main d811fd2: 95.0 / 64.0 / 89.1 / 53.8. May be tuned on from session 37.
        // Session 37 (s37-reg, ADR 0480: words of register rows): tuned on: 95.7 / 75.3 / 90.8 / 64.8 (raised to the figures rounded down).
        // Session 39 (s39-reg, ADR 0525: 颜料): 95.8 / 76.4 / 90.9 / 65.9 (raised to the figures rounded down).
        // Session 40 (s40-reg, ADR 0540: post offices, 中国铁通, 塑胶, an IT licence read past its computer first item, a made list's second good): 96.0 / 80.9 / 91.4 / 70.3 (raised to the figures rounded down).
        // Session 41 (s41-reg, ADR 0560: a seller in no makers' segment of any tier, farm-supply counters, packaging printers, 淀粉, 绿化种植): 96.1 / 83.1 / 91.7 / 72.5 (raised to the figures rounded down).
        // Session 43 (s43-svc, ADR 0630: 运业/快运 hauliers and freight named before passengers, store and market words, engineering consultancies read before 咨询, an electronics word only dealt in names no DZ maker): 97.4 (74/76) / 83.1 / 92.96 (66/71) / 72.5 (raised to the figures rounded down).
        // Merged main of session 43 (s43-mod, s43-reg, s43-svc and the lead): 97.4 / 83.1 / 93.0 (92.96) / 72.5.
        // Session 43, round 2 (s43-r2, ADR 0640: a name's chain-level guess yields to the first clause's segment of the same chain when that clause makes): 
        // 97.4 / 83.1 / 93.1 (67/72) / 73.6 (67/91) (raised to the figures rounded down).
        // Session 44, round 2 (s44-r2, ADR 0675: a drug-trading licence names SW-DIST): 97.4 / 83.1 / 93.2 (68/73) / 74.7 (68/91) (raised).
        // Session 45 (s45-r2, ADR 0695: co-op shops read whole for farm inputs, shipping hauliers, 道路货物运输, 变流设备, 自控设备, 养鱼,
        // 蔬菜制品, 工程塑料制品, a division word adds the first item's segment): 97.4 (74/76) / 83.1 (74/89) / 93.2 (69/74) / 75.8 (69/91) (raised to the figures rounded down).
        // Session 46 (s46-r2, ADR 0720: a verbless 化工产品 licence of a 化工 name): 97.4 (74/76) / 83.1 (74/89) / 93.3 (70/75) / 76.9 (70/91)
        // (raised to the figures rounded down).
        // Session 48 (s48-label, ADR 0800: a cable-TV network's licence names FW-DIGI): 97.4 (75/77) / 84.3 (75/89) / 93.4 (71/76) / 78.0 (71/91)
        // (raised to the figures rounded down).
        new object[] { "registers-dev5", 97.0, 84.0, 93.0, 78.0 },
        // Session 37 (lead; docs/benchmarks.md "Issue #19: registers-dev6 and products-blind, blind checks (session 37)"): registers-dev6, 160 random
        // register rows of 2002/福建, 1998/四川, 2001/河南, 1992/湖北, labelled before the classifier ran on them. Measured blind
        // on main 706dcfa: 90.0 / 50.0 / 81.6 / 43.5.
        // Session 38 (s38-reg, ADR 0495: tuned on from this session): 91.5 / 60.0 / 84.5 / 53.3 (raised to the figures rounded down).
        // Session 39 (s39-reg, ADR 0525: a removal company is a haulier, a cotton station's 棉花收购): 91.8 / 62.2 / 85.0 / 55.4 (raised to
        // the figures rounded down).
        // Session 40 (s40-reg, ADR 0540: post offices, 中国铁通, 塑胶, an IT licence read past its computer first item, a made list's second good): 92.2 / 65.6 / 85.7 / 58.7 (raised to the figures rounded down).
        // Session 41 (s41-reg, ADR 0560: a seller in no makers' segment of any tier, farm-supply counters, packaging printers, 淀粉, 绿化种植): 92.4 / 67.8 / 86.2 / 60.9 (raised to the figures rounded down).
        // Session 42 (s42-reg, ADR 0590: activities written together, a numbered licence's number, 储运 hauliers, seeds sold in a trade clause, 包装容器, 瓶胚, 密封件, 形象策划, 公关服务): 92.5 (62/67) / 68.9 / 86.4 / 61.96 (57/92) (raised to the figures rounded down).
        // Session 42 (s42-voc, ADR 0605: words register licences use that no segment held, mined from unlabelled register files): 92.9 (65/70) / 72.2 / 86.96 (60/69) / 65.2 (raised to the figures rounded down).
        // Session 43 (s43-reg, ADR 0625: produce buyers, farm-supply counters not in HG-FINE-AGRO, nurseries, a licence that only trades chemicals, plastic-pipe and rubber-part words, 售电 not read out of 零售): 94.4 (67/71) / 74.4 / 90.0 (63/70) / 68.5 (raised to the figures rounded down).
        // Session 43 (s43-svc, ADR 0630: 运业/快运 hauliers and freight named before passengers, store and market words, engineering consultancies read before 咨询, an electronics word only dealt in names no DZ maker): 92.96 (66/71) / 73.3 / 87.1 / 66.3 (raised to the figures rounded down).
        // Merged main of session 43 (s43-mod, s43-reg, s43-svc and the lead): 94.4 / 75.6 / 90.1 / 69.6.
        // Session 44 (lead, ADR 0645: a general store's licence sells its goods): 94.4 (67/71) / 74.4 (67/90) / 91.4 (64/70) / 69.6; a chemicals
        // trader's HG-EQUIP (its first item 储罐, labelled HG-LOGI) is gone, a segment-wrong membership whose chain was right: chain recall
        // lowered to 74 for it.
        // Session 47 (s47-raudit, ADR 0750): 94.4 / 74.4 / 92.9 (65/70) / 70.7 (65/92) (raised to the figures rounded down).
        // Session 48 (s48-yjr, ADR 0805: 特种劳动防护 in a first made list): 94.4 (68/72) / 75.6 (68/90) / 92.96 (66/71) / 71.7 (66/92) (raised to the
        // figures rounded down).
        // Session 49 (s49-coop, ADR 0815: co-op stores relabelled by what they sell, then the co-op store rule and 农业生产资料): registers-dev6 94.7 / 76.6 / 93.3 / 72.9 (labels alone on base c64aced: 94.4 / 72.3 / 93.0 / 68.8; raised to the figures rounded down).
        new object[] { "registers-dev6", 94.0, 76.0, 93.0, 72.0 },
        // Session 37 (lead; docs/benchmarks.md "Issue #19: registers-dev6 and products-blind, blind checks (session 37)"): products-blind,
        // 120 random listed companies with industry and main products, labelled before the classifier ran on them. Measured blind on
        // main 706dcfa: 77.8 / 86.4 / 69.5 / 65.5. Never tuned on.
        // Session 40 (s40-seg, ADR 0545; never tuned on, headline only): 77.8 / 86.4 / 70.4 (57/81) / 65.5 (57/87): segment precision 69 → 70.
        // Session 41 (s41-reg, ADR 0560: 淀粉 a word of NC-GRAIN; never tuned on, headline only): 77.8 / 86.4 / 69.5 (57/82) / 65.5: one more
        // wrong segment (chain figures unchanged), while codes-holdout and codes gain one right segment each: segment precision lowered 70 → 69.
        // Session 42 (s42-lvl, ADR 0610; never tuned on, headline only): 78.7 (70/89) / 86.4 / 69.5 / 65.5: one wrong chain fewer (77 → 78).
        // Session 47 (s47-caudit, ADR 0745; never tuned on, headline only): 80.5 (70/87) / 86.4 / 71.3 (57/80) / 65.5: two wrong segment
        // memberships fewer, both in a wrong chain (89 → 87 chain, 82 → 80 segment memberships; raised 78 → 80, 69 → 71).
        // Session 47 (s47-paudit, ADR 0740): 78.7 (70/89) / 86.4 / 70.7 (58/82) / 66.7 (58/87): segment precision 69 → 70, recall 65 → 66.
        // Both merged (lead, session 47): 80.5 (70/87) / 86.4 / 72.5 (58/80) / 66.7 (58/87) (raised to the figures rounded down).
        // Session 48 (s48-lxny, ADR 0790; never tuned on, headline only): 81.4 (70/86) / 86.4 / 73.4 (58/79) / 66.7: a wrong XNY membership
        // fewer (raised 80 → 81, 72 → 73).
        new object[] { "products-blind", 81.0, 86.0, 73.0, 66.0 },
        // Session 46 (s46-zq, ADR 0725; docs/benchmarks.md "Issue #19: products-zq, a blind set where 专汽 lives, then a round on it (s46-zq,
        // session 46)"): products-zq, 120 listed companies (80 of the 专汽 industries, 40 others), labelled before any classifier ran on them
        // (committed e19cdc3). Measured blind on e19cdc3 (classifier of main 78ce91b): 75.0 (36/48) / 62.1 (36/58) / 59.1 (26/44) / 42.6 (26/61)
        // (rounded down); ZQ chain precision 68.8 % (11/16). Tuned on from then: with ADR 0725 (a 工程机械整机 cell's 专汽 guess yields to
        // products that name only off-road machines) 78.3 (36/46) / 62.1 (36/58) / 60.5 (26/43) / 42.6 (26/61); ZQ 78.6 % (11/14); with 燃油系统 a
        // word of ZQ-POWER 78.3 / 62.1 / 63.6 (28/44) / 45.9 (28/61) (raised to the figures rounded down).
        // Session 47 (s47-lzq, ADR 0770): 80.0 (36/45) / 62.1 / 65.1 (28/43) / 45.9: 闽发铝业's 铝型材 names no vehicle (ZQ-MAT gone; ZQ
        // 84.6 % (11/13)); raised 78 → 80, 63 → 65.
        // Session 48 (s48-lxny, ADR 0790): 80.0 (36/45) / 62.1 / 67.4 (29/43) / 47.5 (29/61): 奥特迅's 电动汽车充电 is no car (its wrong
        // XNY-NEV gone, its right DZ-IND in; raised 65 → 67, 45 → 47).
        // Session 48 (s48-pmiss, ADR 0785): 80.4 (37/46) / 63.8 (37/58) / 65.1 / 45.9: 苏州科达 (其他计算机设备) in 电子信息, 环节待定 (62 → 63).
        // Session 49 (s49-zqp, ADR 0830): 82.6 (38/46) / 65.5 (38/58) / 68.2 (30/44) / 49.2 (30/61): 索菱's 车载信息系统 and 车载导航 are 汽车电子
        // (DZ-AUTO in, its cell's chain-level ZQ gone; ZQ 91.7 % (11/12)); raised 80 → 82, 63 → 65, 67 → 68, 47 → 49.
        new object[] { "products-zq", 82.0, 65.0, 68.0, 49.0 },
        // Session 39 (lead; docs/benchmarks.md "Issue #19: registers-dev7, a blind check (lead, session 39)"): registers-dev7, 120 random
        // register rows of 2002/四川, 2000/湖南, 2003/辽宁, 1997/湖北, labelled before the classifier ran on them. Measured blind on
        // main 5eff3ac: 94.3 (33/35) / 61.1 (33/54) / 90.9 (30/33) / 54.5 (30/55).
        // Session 40 (s40-reg, ADR 0540; tuned on from this session): 95.7 (45/47) / 83.3 (45/54) / 93.3 (42/45) / 76.4 (42/55) (raised to the
        // figures rounded down).
        // Session 41 (s41-reg, ADR 0560: a seller in no makers' segment of any tier, farm-supply counters, packaging printers, 淀粉, 绿化种植): 96.0 / 88.9 / 93.8 / 81.8 (raised to the figures rounded down).
        // Session 43 (s43-reg, ADR 0625: produce buyers, farm-supply counters not in HG-FINE-AGRO, nurseries, a licence that only trades chemicals, plastic-pipe and rubber-part words, 售电 not read out of 零售): 96.1 (49/51) / 90.7 / 93.9 / 83.6 (raised to the figures rounded down).
        // Session 43, round 2 (s43-r2, ADR 0640: a name's chain-level guess yields to the first clause's segment of the same chain when that clause makes): 
        // 96.1 / 90.7 / 92.0 (46/50) / 83.6: a food company whose licence opens 土特产 goes from NC at chain level to NC-ECOM (labelled NC-VEG);
        // segment precision lowered 93 → 92.
        // Session 44 (s44-reg, ADR 0660: a word inside a longer word of the first item, 水产品加工, 土特产 out of NC-ECOM, a network contractor, plastics made): 96.1 / 90.7 / 93.9 (46/49) / 83.6 (raised to the figures rounded down).
        // Session 49 (s49-zqp, ADR 0830): 98.0 (49/50) / 90.7 / 95.8 (46/48) / 83.6: a waste-tyre recycler's 废旧轮胎 is no ZQ-TIRE (raised 96 → 98,
        // 93 → 95).
        new object[] { "registers-dev7", 98.0, 90.0, 95.0, 83.0 },
        // Session 40 (lead; docs/benchmarks.md "Issue #19: registers-dev8, a blind check (lead, session 40)"): registers-dev8, 120 random
        // register rows of 1996/河北, 2002/广西, 2001/广东, 2003/贵州, labelled before the classifier ran on them. Measured blind on
        // main 1300e44: 90.6 (29/32) / 70.7 (29/41) / 82.8 (24/29) / 57.1 (24/42).
        // Session 41 (s41-reg, ADR 0560: a seller in no makers' segment of any tier, farm-supply counters, packaging printers, 淀粉, 绿化种植;
        // tuned on from this session): 96.97 (32/33) / 78.0 (32/41) / 90.0 / 64.3 (raised to the figures rounded down).
        // Session 42 (s42-reg, ADR 0590: activities written together, a numbered licence's number, 储运 hauliers, seeds sold in a trade clause, 包装容器, 瓶胚, 密封件, 形象策划, 公关服务, 公关服务): 97.1 (34/35) / 82.9 / 90.6 / 69.0 (raised to the figures rounded down).
        // Session 43 (s43-svc, ADR 0630: 运业/快运 hauliers and freight named before passengers, store and market words, engineering consultancies read before 咨询, an electronics word only dealt in names no DZ maker): 97.2 (35/36) / 85.4 / 90.9 / 71.4 (raised to the figures rounded down).
        // Session 43, round 2 (s43-r2, ADR 0640: a name's chain-level guess yields to the first clause's segment of the same chain when that clause makes): 
        // 97.2 / 85.4 / 91.2 (31/34) / 73.8 (31/42) (raised to the figures rounded down).
        // Session 45 (s45-r2, ADR 0695: co-op shops read whole for farm inputs, shipping hauliers, 道路货物运输, 变流设备, 自控设备, 养鱼,
        // 蔬菜制品, 工程塑料制品, a division word adds the first item's segment): 97.2 (35/36) / 85.4 (35/41) / 94.1 (32/34) / 76.2 (32/42) (raised to the figures rounded down).
        // Session 49 (s49-coop, ADR 0815: co-op stores relabelled by what they sell, then the co-op store rule and 农业生产资料): registers-dev8 97.4 / 86.4 / 94.6 / 77.8 (labels alone on base c64aced: 97.2 / 79.5 / 94.1 / 71.1; raised to the figures rounded down).
        new object[] { "registers-dev8", 97.0, 86.0, 94.0, 77.0 },
        // Session 41 (lead; docs/benchmarks.md "Issue #19: registers-dev9, a blind check (lead, session 41)"): registers-dev9, 120 random
        // register rows of 2001/福建, 2002/重庆, 2001/天津, 1995/湖北, labelled before the classifier ran on them. Measured blind on
        // main 131efdb: 87.1 (27/31) / 56.3 (27/48) / 82.8 (24/29) / 47.1 (24/51).
        // Session 42 (s42-seg, ADR 0600: a numbered licence's first item read after its number; tuned on from this session): 88.2 (30/34) /
        // 62.5 (30/48) / 84.4 (27/32) / 52.9 (27/51) against 87.9 / 60.4 / 83.9 / 51.0 on main efdbe41: one more right chain and segment
        // (a rubber-goods maker whose licence opens 1、生产、加工：橡胶制品). Raised to the figures rounded down.
        // Session 42 (s42-reg, ADR 0590: activities written together, a numbered licence's number, 储运 hauliers, seeds sold in a trade clause, 包装容器, 瓶胚, 密封件, 形象策划, 公关服务; tuned on from this session): 89.7 (35/39) / 72.9 (35/48) / 86.5 (32/37) / 62.7 (32/51) (raised to the figures
        // rounded down; the merged main of session 41 stood at 87.9 / 60.4 / 83.9 / 51.0).
        // Merged main of session 42 (s42-seg + s42-reg + s42-list): 89.7 (35/39) / 72.9 (35/48) / 86.5 (32/37) / 62.7 (32/51).
        // Session 43 (s43-reg, ADR 0625: produce buyers, farm-supply counters not in HG-FINE-AGRO, nurseries, a licence that only trades chemicals, plastic-pipe and rubber-part words, 售电 not read out of 零售): 90.0 (36/40) / 75.0 / 86.8 / 64.7 (raised to the figures rounded down).
        // Session 45 (s45-wrong, ADR 0685: a food name that trades packaged food is in no segment): 92.1 (35/38) / 72.9 (35/48) / 91.7 (33/36) /
        // 64.7 (33/51). Chain recall is lowered to 72: a 蕃茄食品 company whose licence is 食品销售 (labelled NC-VEG, 难判) lost its wrong NC-WHOLESALE,
        // which had counted right at chain level.
        // Session 45 (s45-r2, ADR 0695: co-op shops read whole for farm inputs, shipping hauliers, 道路货物运输, 变流设备, 自控设备, 养鱼,
        // 蔬菜制品, 工程塑料制品, a division word adds the first item's segment): 90.2 (37/41) / 77.1 (37/48) / 87.2 (34/39) / 66.7 (34/51) (raised to the figures rounded down).
        // Merged main of session 45 (s45-wrong + s45-r2): 92.3 (36/39) / 75.0 (36/48) / 91.9 (34/37) / 66.7 (34/51) (rounded down).
        // Session 46 (s46-audit, ADR 0710: the pool audit's wrong classes): registers-dev9 92.3 / 75.0 / 92.1 (35/38) / 68.6 (91 → 92, 66 → 68).
        // Session 49 (s49-coop, ADR 0815: co-op stores relabelled by what they sell, then the co-op store rule and 农业生产资料): registers-dev9 92.5 / 75.5 / 92.3 / 69.2 (labels alone on base c64aced: 92.3 / 73.5 / 92.1 / 67.3; raised to the figures rounded down).
        new object[] { "registers-dev9", 92.0, 75.0, 92.0, 69.0 },
        // Session 42 (lead; docs/benchmarks.md "Issue #19: registers-dev10, a blind check (lead, session 42)"): registers-dev10, 120 random
        // register rows of 2000/陕西, 2000/江西, 2000/黑龙江, 2000/新疆, labelled before the classifier ran on them. Measured blind on
        // main efdbe41: 87.1 (27/31) / 60.0 (27/45) / 90.0 (27/30) / 57.4 (27/47); on the merged main of session 42 (s42-seg, s42-reg, s42-list,
        // whose briefs were written before the set was drawn): 87.5 (28/32) / 62.2 (28/45) / 90.3 (28/31) / 59.6 (28/47) (raised to the figures
        // rounded down). May be tuned on from session 43.
        // Session 42 (s42-voc, ADR 0605: words register licences use that no segment held, mined from unlabelled register files): 88.9 (32/36) / 71.1 / 91.4 (32/35) / 68.1
        // (the set read for the first time; raised to the figures rounded down).
        // Session 43 (s43-reg, ADR 0625: produce buyers, farm-supply counters not in HG-FINE-AGRO, nurseries, a licence that only trades chemicals, plastic-pipe and rubber-part words, 售电 not read out of 零售): 89.5 (34/38) / 75.6 / 91.9 / 72.3 (raised to the figures rounded down).
        // Session 43 (s43-svc, ADR 0630: 运业/快运 hauliers and freight named before passengers, store and market words, engineering consultancies read before 咨询, an electronics word only dealt in names no DZ maker): 89.2 (33/37) / 73.3 / 89.2 (33/37) / 70.2 (raised to the figures rounded down; segment precision lowered 91 → 89: a
        // network-cabling contractor labelled none, whose DZ-COMM from `通信设备及器材的销售` went, is now DZ-SVC and FW-INFO by its first item 计算机网络工程).
        // Merged main of session 43 (s43-mod, s43-reg, s43-svc and the lead): 89.7 / 77.8 / 89.7 / 74.5. (segment precision lowered 91 → 89: s43-svc, ADR 0630, a network contractor now in DZ-SVC and FW-INFO by 计算机网络工程.)
        // Session 44 (s44-reg, ADR 0660: a word inside a longer word of the first item, 水产品加工, 土特产 out of NC-ECOM, a network contractor, plastics made): 94.6 (35/37) / 77.8 / 94.6 (35/37) / 74.5 (the network contractor labelled none gets nothing; raised to the figures rounded down).
        // Session 45 (s45-wrong, ADR 0685: a food name that trades packaged food is in no segment): 97.2 (35/36) / 77.8 (35/45) / 97.2 (35/36) / 74.5 (35/47) (raised to the figures rounded down).
        // Session 47 (s47-label, ADR 0755): 97.3 (36/37) / 80.0 (36/45) / 97.3 (36/37) / 76.6 (36/47) (raised to the figures rounded down).
        new object[] { "registers-dev10", 97.0, 80.0, 97.0, 76.0 },
        // Session 42 (lead; docs/benchmarks.md "Issue #19: the register's headings and the reform preamble"): registers-habits, 60 random
        // register rows of 2002/内蒙古 and 2002/贵州 whose licence carries 许可经营项目：无 or the 2014 reform's preamble, labelled before the
        // classifier ran on them. Main 6979edd (before ADR 0615): 71.4 (10/14) / 58.8 (10/17) / 66.7 (10/15) / 58.8 (10/17); with ADR 0615:
        // 71.4 / 58.8 / 71.4 (10/14) / 58.8; with 农牧业生产资料 read before 牧业 (name-words.csv): 71.4 / 58.8 / 76.9 (10/13) / 58.8.
        // Session 43 (s43-reg, ADR 0625: produce buyers, farm-supply counters not in HG-FINE-AGRO, nurseries, a licence that only trades chemicals, plastic-pipe and rubber-part words, 售电 not read out of 零售): 73.3 (11/15) / 64.7 / 78.6 / 64.7 (raised to the figures rounded down).
        // Session 43 (s43-svc, ADR 0630: 运业/快运 hauliers and freight named before passengers, store and market words, engineering consultancies read before 咨询, an electronics word only dealt in names no DZ maker): 75.0 (12/16) / 70.6 (12/17) / 80.0 (12/15) / 70.6 (raised to the figures rounded down).
        // Merged main of session 43 (s43-mod, s43-reg, s43-svc and the lead): 76.5 / 76.5 / 81.3 / 76.5.
        new object[] { "registers-habits", 76.0, 76.0, 81.0, 76.0 },
        // Session 43 (lead; docs/benchmarks.md "Issue #19: registers-dev11, a blind check (lead, session 43)"): registers-dev11, 120 random
        // register rows of 2000/天津, 2000/宁夏, 2000/贵州, 2000/重庆, labelled before the classifier ran on them. Measured blind on main
        // bd5cb40: 97.4 (37/38) / 67.3 (37/55) / 91.4 (32/35) / 55.2 (32/58).
        // Merged main of session 43: blind on the merged helpers (s43-mod, s43-reg, s43-svc) unchanged from bd5cb40; 100.0 (37/37) / 67.3 /
        // 94.1 (32/34) / 55.2 once the lead took 认证服务 out of ZQ-RD (its one wrong chain, found in the blind reading; not blind).
        // Session 43, round 2 (s43-r2, ADR 0640: 无机盐, 叶面肥, 水路运输 words; an advertiser by its licence's opening operations; a printer
        // by its categories): 100.0 (42/42) / 76.4 (42/55) / 95.0 (38/40) / 65.5 (38/58); with the chain-level name that yields to the first
        // clause's segment (the Tan-sheep farm's NC-LIVE): 100.0 / 76.4 / 95.1 (39/41) / 67.2 (39/58) (raised to the figures rounded down).
        // Session 44 (s44-reg, ADR 0660: a word inside a longer word of the first item, 水产品加工, 土特产 out of NC-ECOM, a network contractor, plastics made): 100.0 (43/43) / 78.2 (43/55) / 95.2 (40/42) / 69.0 (40/58) (raised to the figures rounded down).
        // Session 49 (s49-coop, ADR 0815: co-op stores relabelled by what they sell, then the co-op store rule and 农业生产资料): registers-dev11 100.0 / 83.9 / 97.8 / 76.3 (labels alone on base c64aced: 100.0 / 76.8 / 95.2 / 67.8; raised to the figures rounded down).
        new object[] { "registers-dev11", 100.0, 83.0, 97.0, 76.0 },
        // Session 44 (lead; docs/benchmarks.md "Issue #19: registers-dev12, a blind check (lead, session 44)"): registers-dev12, 120 random
        // register rows of 2001/海南, 2001/青海, 2002/青海, 2003/宁夏, labelled before the classifier ran on them (committed 3c1ae36). Measured
        // blind on main f0c5c4f: 82.1 (32/39) / 60.4 (32/53) / 77.8 (28/36) / 48.3 (28/58).
        // Merged main of session 44's first round (s44-listed, s44-seg, s44-gbt, s44-reg; their briefs forbade the set's rows, and they read
        // its headline only): blind, unchanged, 82.1 / 60.4 / 77.8 / 48.3. With the lead's ADR 0645 from the blind reading (a general store's
        // licence sells its goods; heating radiators) — not blind: 88.9 (32/36) / 60.4 (32/53) / 84.8 (28/33) / 48.3 (28/58).
        // Session 44, round 2 (s44-r2, ADR 0675, tuned on: 种养, 肉羊, 藏药/民族药, 专利事务/孵化器, a drug-trading licence names SW-DIST):
        // 90.0 (36/40) / 67.9 (36/53) / 87.8 (36/41) / 62.1 (36/58) (raised to the figures rounded down).
        // Session 45 (s45-wrong, ADR 0685: the known wrong classes; a veterinary-drug maker, 种养 of a vegetable company, 藏药 inside 中藏药材,
        // a food name that trades packaged food): 94.7 (36/38) / 67.9 (36/53) / 94.7 (36/38) / 62.1 (36/58) (raised to the figures rounded down).
        // Session 45 (s45-r2, ADR 0695: co-op shops read whole for farm inputs, shipping hauliers, 道路货物运输, 变流设备, 自控设备, 养鱼,
        // 蔬菜制品, 工程塑料制品, a division word adds the first item's segment): 90.2 (37/41) / 69.8 (37/53) / 88.1 (37/42) / 63.8 (37/58) (raised to the figures rounded down).
        // Merged main of session 45 (s45-wrong + s45-r2): 94.9 (37/39) / 69.8 (37/53) / 94.9 (37/39) / 63.8 (37/58) (rounded down).
        // Session 47 (s47-label, ADR 0755): 95.1 (39/41) / 73.6 (39/53) / 95.1 (39/41) / 67.2 (39/58) (raised to the figures rounded down).
        // Session 48 (s48-label, ADR 0800: a cable-TV network's licence names FW-DIGI): 95.2 (40/42) / 75.5 (40/53) / 95.2 (40/42) / 69.0 (40/58)
        // (raised to the figures rounded down; 40/58 is 68.97).
        // Session 49 (s49-coop, ADR 0815: co-op stores relabelled by what they sell, then the co-op store rule and 农业生产资料): registers-dev12 95.3 / 77.4 / 95.3 / 70.7 (labels alone on base c64aced: 95.2 / 75.5 / 95.2 / 69.0; raised to the figures rounded down).
        new object[] { "registers-dev12", 95.0, 77.0, 95.0, 70.0 },
        // Session 45 (s45-label; docs/benchmarks.md "Issue #19: registers-dev13, a thirteenth blind register set (s45-label, session 45)"):
        // registers-dev13, 120 random register rows of 1996/天津, 1994/辽宁, 1995/陕西, 1996/重庆, labelled before any classifier ran on them
        // (committed abd1c03). Measured blind on main 9a59f20 (headline only): 94.3 (33/35) / 60.0 (33/55) / 88.2 (30/34) / 50.8 (30/59)
        // (rounded down).
        // Session 45 (s45-r2, ADR 0695: co-op shops read whole for farm inputs, shipping hauliers, 道路货物运输, 变流设备, 自控设备, 养鱼,
        // 蔬菜制品, 工程塑料制品, a division word adds the first item's segment — tuned on: it is this round's set): 95.5 (42/44) / 76.4 (42/55) / 91.1 (41/45) / 69.5 (41/59) (raised to the figures rounded down).
        // Merged main of session 45: blind on s45-wrong (whose brief forbade the set) 97.1 (33/34) / 60.0 / 90.9 (30/33) / 50.8; with s45-r2
        // (tuned on it): 97.7 (42/43) / 76.4 (42/55) / 93.2 (41/44) / 69.5 (41/59) (rounded down).
        // Session 47 (s47-label, ADR 0755): 97.7 (43/44) / 78.2 (43/55) / 93.3 (42/45) / 71.2 (42/59) (raised to the figures rounded down).
        // Session 49 (s49-coop, ADR 0815: co-op stores relabelled by what they sell, then the co-op store rule and 农业生产资料): registers-dev13 97.9 / 85.5 / 93.9 / 77.97 (labels alone on base c64aced: 97.7 / 78.2 / 93.3 / 71.2; raised to the figures rounded down).
        new object[] { "registers-dev13", 97.0, 85.0, 93.0, 77.0 },
        // Session 46 (s46-label; docs/benchmarks.md "Issue #19: registers-dev14, a fourteenth blind register set (s46-label, session 46)"):
        // registers-dev14, 120 random register rows of 1993/陕西, 1992/天津, 1990/浙江, 1991/河北, labelled before any classifier ran on them
        // (committed 4ff4d42). Measured blind on main b76ad63 (headline only): 88.9 (40/45) / 71.4 (40/56) / 83.7 (36/43) / 63.2 (36/57)
        // (rounded down). With s46-audit's rules (ADR 0710, made without the set): 92.9 (39/42) / 69.6 (39/56) / 90.0 (36/40) / 63.2
        // (36/57): a car-parts works labelled ZQ-ELEC lost the ZQ-PARTSALE whose chain was right.
        // Session 46 (s46-r2, ADR 0720: a maker's goods are no trade, a car-parts name says whose parts, the opening 一般经营项目:
        // heading, 生产用 and a verbless 化工产品 licence of a chemicals dealer, 超市 — tuned on: it is this round's set): 95.5 (42/44) /
        // 75.0 (42/56) / 93.2 (41/44) / 71.9 (41/57) (raised to the figures rounded down).
        // Session 48 (s48-label, ADR 0800: a produce buyer's 购销): 95.6 (43/45) / 76.8 (43/56) / 93.3 (42/45) / 73.7 (42/57) (raised to the
        // figures rounded down).
        // Session 48 (s48-yjr, ADR 0805: 特种劳动防护 in a first made list): 95.7 (44/46) / 78.6 (44/56) / 93.5 (43/46) / 75.4 (43/57) (raised to
        // the figures rounded down).
        // Session 49 (s49-coop, ADR 0815: co-op stores relabelled by what they sell, then the co-op store rule and 农业生产资料): registers-dev14 96.2 / 89.3 / 94.2 / 85.96 (labels alone on base c64aced: 95.7 / 78.6 / 93.5 / 75.4; raised to the figures rounded down).
        new object[] { "registers-dev14", 96.0, 89.0, 94.0, 85.0 },
        // Session 47 (s47-label; docs/benchmarks.md "Issue #19: registers-dev15, a fifteenth blind register set (s47-label, session 47)"):
        // registers-dev15, 120 random register rows of 1989/广西, 1989/福建, 1987/广东, 1989/安徽, labelled before any classifier ran on them
        // (committed 6e5fc8a). Measured blind on main 494edca with only the set's name added (headline only): 94.4 (51/54) / 58.0 (51/88) /
        // 92.5 (49/53) / 54.4 (49/90) (rounded down; 51/88 is 57.95).
        // Session 47 (s47-label, ADR 0755: the set's recall round, tuned on): 94.6 (53/56) / 60.2 (53/88) / 92.7 (51/55) / 56.7 (51/90)
        // (raised to the figures rounded down).
        // With the session's other rules merged (lead, session 47; ADR 0750's device dealer): 94.6 / 60.2 / 94.5 (52/55) / 57.8 (52/90) (raised).
        // Session 49 (s49-coop, ADR 0815: co-op stores relabelled by what they sell, then the co-op store rule and 农业生产资料): registers-dev15 96.3 / 88.6 / 96.3 / 85.6 (labels alone on base c64aced: 94.6 / 60.2 / 94.5 / 57.8; raised to the figures rounded down).
        new object[] { "registers-dev15", 96.0, 88.0, 96.0, 85.0 },
        // Session 48 (s48-label; docs/benchmarks.md "Issue #19: registers-dev16, a sixteenth blind register set (s48-label, session 48)"):
        // registers-dev16, 120 random register rows of 1990/陕西, 1990/江西, 1990/广西, 1991/辽宁, labelled before any classifier ran on them
        // (committed 1adcbf5). Measured blind on main 0ad41ea with only the set's name added (aggregate and per-chain lines only): 92.9 (52/56) /
        // 59.8 (52/87) / 89.3 (50/56) / 54.9 (50/91) (rounded down).
        // Session 48 (s48-label, ADR 0800: the set's recall round, tuned on; a produce buyer's 购销): 93.0 (53/57) / 60.9 (53/87) / 89.5 (51/57) /
        // 56.0 (51/91) (raised to the figures rounded down; 53/57 is 92.98).
        // Session 49 (s49-coop, ADR 0815: co-op stores relabelled by what they sell, then the co-op store rule and 农业生产资料): registers-dev16 94.7 / 82.8 / 92.1 / 76.9 (labels alone on base c64aced: 93.0 / 60.9 / 89.5 / 56.0; raised to the figures rounded down).
        new object[] { "registers-dev16", 94.0, 82.0, 92.0, 76.0 },
        // Session 43 (s43-mod, docs/benchmarks.md "Issue #19: the modern scope format (s43-mod, session 43)"): modern-dev, 29 listed
        // companies whose 经营范围 is written in the 2021+ catalogue format. Main bd5cb40: 86.7 (13/15) / 48.1 (13/27) / 53.3 (8/15) /
        // 25.0 (8/32); with ADR 0620 (the format's headings, notes and generic items; Shenzhen's permit section first; research items
        // last): 94.7 (18/19) / 66.7 (18/27) / 63.2 (12/19) / 37.5 (12/32) (rounded down). Session 43 (s43-cat, ADR 0635: the catalogue's
        // terms as the main business, data/industry/catalogue-terms.csv): 95.0 (19/20) / 70.4 (19/27) / 70.0 (14/20) / 43.8 (14/32).
        // Session 44 (s44-listed, ADR 0655: 摩托车 rules 专汽's 发动机 out only as 摩托车发动机; 发动机零配件, 环卫服务, 高性能纤维 as segment words): 95.2 (20/21) / 74.1 (20/27) / 71.4 (15/21) /
        // 46.9 (15/32) (光威复材's 高性能纤维 in 应急装备's 基础材料 too; rounded down).
        // Session 49 (s49-modern, ADR 0820: a first item's making clause under the catalogue's headings, 欣旺达): 95.5 (21/22) / 77.8 (21/27) /
        // 72.7 (16/22) / 50.0 (16/32) (rounded down).
        new object[] { "modern-dev", 95.0, 77.0, 72.0, 50.0 },
        // Session 43 (s43-mod): modern-holdout, 19 listed companies of two other files of the same source, labelled and committed before
        // any classifier ran on them, never tuned on (headline only). Main bd5cb40: 100.0 (9/9) / 47.4 (9/19) / 88.9 (8/9) / 40.0 (8/20);
        // with ADR 0620: 100.0 (13/13) / 68.4 (13/19) / 92.3 (12/13) / 60.0 (12/20) (rounded down).
        new object[] { "modern-holdout", 100.0, 68.0, 92.0, 60.0 },
        // Session 43 (s43-cat, docs/benchmarks.md "Issue #19: the catalogue's terms (s43-cat, session 43)"): modern-blind, 11 listed companies
        // of three further files of the same source (legacy_p0 batches a, b, c), labelled and committed before any classifier ran on them,
        // never tuned on (headline only). Main 6931772: 75.0 (3/4) / 42.9 (3/7) / 50.0 (2/4) / 20.0 (2/10); with ADR 0635: the same.
        new object[] { "modern-blind", 75.0, 42.0, 50.0, 20.0 },
    ];

    [TestCaseSource(nameof(Baselines))]
    public async Task Precision_and_recall_stay_at_or_above_the_baseline(string set, double chainPrecision, double chainRecall, double segmentPrecision, double segmentRecall)
    {
        var chains = (await ChainCsv.ReadFolderAsync(Path.Combine(TestData.DataPath, "chains"), CancellationToken.None)).Chains;
        var path = Path.Combine(Path.GetDirectoryName(TestData.DataPath)!, "tests", "ChainMap.Tests", "Evaluation", "labelled", set + ".csv");
        var companies = await ClassifierEvaluation.ReadAsync(path, CancellationToken.None);
        var classifier = new CompanyClassifier(chains);

        var report = ClassifierEvaluation.Evaluate(companies, chains, classifier.Classify);

        // A truncated file must not pass: every set holds 100 rows or more but registers-habits (60) and the modern sets (29, 19 and 11),
        // whose sizes LabelledSetTests checks.
        Assert.That(companies, Has.Count.GreaterThanOrEqualTo(set switch { "registers-habits" => 60, "modern-dev" => 29, "modern-holdout" => 19, "modern-blind" => 11, _ => 100 }));
        Assert.Multiple(() =>
        {
            Assert.That(report.Chain.Precision * 100, Is.GreaterThanOrEqualTo(chainPrecision), "chain precision");
            Assert.That(report.Chain.Recall * 100, Is.GreaterThanOrEqualTo(chainRecall), "chain recall");
            Assert.That(report.Segment.Precision * 100, Is.GreaterThanOrEqualTo(segmentPrecision), "segment precision");
            Assert.That(report.Segment.Recall * 100, Is.GreaterThanOrEqualTo(segmentRecall), "segment recall");
        });
    }

    [Test]
    public async Task Mistakes_are_grouped_by_chain_and_by_the_rule_that_placed_them()
    {
        LabelledCompany[] companies =
        [
            new("t-1", new CompanyText("某某甲股份", "中成药", null, null), ["HG-DAILY"]),
            new("t-2", new CompanyText("某某乙股份", "中成药", null, null), ["HG-DAILY"]),
            new("t-3", new CompanyText("某某丙股份", "中成药", null, null), ["SW-TCM"]),
            new("t-4", new CompanyText("某某丁股份", "汽车整车", null, null), ["ZQ-CHASSIS"]),
        ];

        var report = await EvaluateAsync(companies);

        var proposed = report.Causes.Single(c => c.Kind == "proposed");
        var missed = report.Causes.Single(c => c.Kind == "missed");
        var chainLevel = report.Causes.Single(c => c.Kind == "chain-level");
        Assert.Multiple(() =>
        {
            Assert.That((proposed.Chain, proposed.Basis, proposed.Cause), Is.EqualTo(("SW", "行业", "推断: 中成药")), "one rule, not one line per company");
            Assert.That((proposed.Count, proposed.ChainRight, proposed.SegmentRight), Is.EqualTo((3, 1, 1)));
            Assert.That((missed.Chain, missed.Basis, missed.Cause, missed.Count), Is.EqualTo(("HG", "placed in SW", "行业: 中成药", 2)));
            Assert.That((chainLevel.Chain, chainLevel.Cause, chainLevel.Count, chainLevel.ChainRight, chainLevel.SegmentRight), Is.EqualTo(("ZQ", "推断: 汽车整车", 1, 1, 0)),
                "汽车整车 names the chain only (ADR 0370): a right chain, no segment claimed");
            Assert.That((report.Segment.Predicted, report.Segment.Labelled, report.ChainLevel.Predicted, report.ChainLevel.TruePositives), Is.EqualTo((3, 4, 1, 1)));
        });
    }

    [Test]
    public async Task A_row_labelled_none_that_gets_only_a_chain_level_membership_is_listed_as_a_mistake()
    {
        LabelledCompany[] companies =
        [
            new("t-1", new CompanyText("某某丁股份", "汽车整车", null, null), []),
            new("t-2", new CompanyText("某某戊股份", "汽车整车", null, null), ["ZQ-CHASSIS"]),
            new("t-3", new CompanyText("某某己股份", "中成药", null, null), ["SW-TCM"]),
        ];

        var report = await EvaluateAsync(companies);

        // Session 42: a wrong chain that claims no segment left the segment sets equal (none and none), and the row was not
        // listed; `--mistakes` showed the chain-level cause counted as wrong but never the row that carried it.
        Assert.That(report.Mistakes.Select(m => m.Company.Id), Is.EqualTo(new[] { "t-1", "t-2" }),
            "t-1: a wrong chain; t-2: the right chain but not its segment; t-3: right");
    }

    // ADR 0610: how often a chain-level membership's first suggested segment, or any of them, is a labelled segment of the row, by cause.
    // 汽车整车 names 专汽 only and suggests ZQ-CHASSIS first, then ZQ-NEV, ZQ-POWER, ZQ-POWER-ENGINE, ZQ-CHASSIS-AXLE, ZQ-CHASSIS-BRAKE.
    [Test]
    public async Task Chain_level_memberships_count_how_often_their_first_or_any_suggestion_is_labelled()
    {
        LabelledCompany[] companies =
        [
            new("t-1", new CompanyText("某某甲股份", "汽车整车", null, null), ["ZQ-CHASSIS"]),
            new("t-2", new CompanyText("某某乙股份", "汽车整车", null, null), ["ZQ-POWER-ENGINE"]),
            new("t-3", new CompanyText("某某丙股份", "汽车整车", null, null), ["ZQ-TRAILER"]),
            new("t-4", new CompanyText("某某丁股份", "汽车整车", null, null), []),
        ];

        var report = await EvaluateAsync(companies);

        var chainLevel = report.Causes.Single(c => c.Kind == "chain-level");
        Assert.Multiple(() =>
        {
            Assert.That((chainLevel.Cause, chainLevel.Count, chainLevel.ChainRight), Is.EqualTo(("推断: 汽车整车", 4, 3)));
            Assert.That((chainLevel.FirstSuggested, chainLevel.AnySuggested), Is.EqualTo((1, 2)), "t-1 first; t-2 among the suggestions; t-3 and t-4 neither");
            Assert.That((report.ChainLevelFirstSuggested, report.ChainLevelAnySuggested), Is.EqualTo((1, 2)));
        });
    }

    [TestCase("产品: 冷藏车、保温车; 行业代码: C3630; 独立依据: 产品 0.50 + 行业 0.55", "产品: 冷藏车、保温车")]
    [TestCase("行业代码: 汽车整车→361; 推断: 汽车整车; 独立依据: 行业 0.44", "推断: 汽车整车")]
    [TestCase("行业代码: 调味发酵品Ⅲ→146; 独立依据: 行业 0.33", "行业代码: 调味发酵品Ⅲ→146")]
    public void The_cause_of_a_membership_is_its_rule_without_the_sources_worth(string evidence, string cause) =>
        Assert.That(ClassifierEvaluation.CauseOf(evidence), Is.EqualTo(cause));

    [Test]
    public async Task Chain_level_memberships_name_the_right_chain_and_count_in_no_segment_figure()
    {
        var chains = (await ChainCsv.ReadFolderAsync(Path.Combine(TestData.DataPath, "chains"), CancellationToken.None)).Chains;
        var path = Path.Combine(Path.GetDirectoryName(TestData.DataPath)!, "tests", "ChainMap.Tests", "Evaluation", "labelled", "dev.csv");
        var companies = await ClassifierEvaluation.ReadAsync(path, CancellationToken.None);
        var matcher = new SegmentMatcher(chains);
        var predicted = companies.Sum(c => matcher.Classify(c.Text).Count);

        var report = ClassifierEvaluation.Evaluate(companies, chains, matcher.Classify);

        // Session 32 (ADR 0370): 133 chain-level memberships on dev, 117 (88.0 %) in a labelled chain.
        Assert.That(report.ChainLevel.Predicted, Is.GreaterThanOrEqualTo(100), "dev rows carrying only a short name and a coarse label");
        Assert.That(report.ChainLevel.Precision * 100, Is.GreaterThanOrEqualTo(85.0), "a chain-level membership names a labelled chain");
        Assert.That(report.Segment.Predicted + report.ChainLevel.Predicted, Is.EqualTo(predicted), "every membership is counted once, as a segment or as a chain");
    }

    [Test]
    public async Task The_earlier_keyword_matcher_is_below_the_baseline_so_the_test_can_fail()
    {
        var chains = (await ChainCsv.ReadFolderAsync(Path.Combine(TestData.DataPath, "chains"), CancellationToken.None)).Chains;
        var path = Path.Combine(Path.GetDirectoryName(TestData.DataPath)!, "tests", "ChainMap.Tests", "Evaluation", "labelled", "dev.csv");
        var companies = await ClassifierEvaluation.ReadAsync(path, CancellationToken.None);
        var matcher = new SegmentMatcher(chains);

        var report = ClassifierEvaluation.Evaluate(companies, chains, c => matcher.MatchText(string.Join(' ', new[] { c.Products ?? c.Scope, c.Industry, c.Name }.Where(t => t is not null)), limit: 2));

        Assert.That(report.Chain.Recall * 100, Is.LessThan((double)((object[])Baselines[0])[2]));
    }

    /// <summary>The report of the rules' classifier with the default chains on a few made-up labelled rows.</summary>
    private static async Task<ClassifierReport> EvaluateAsync(IReadOnlyList<LabelledCompany> companies)
    {
        var chains = (await ChainCsv.ReadFolderAsync(Path.Combine(TestData.DataPath, "chains"), CancellationToken.None)).Chains;
        return ClassifierEvaluation.Evaluate(companies, chains, new CompanyClassifier(chains).Classify);
    }
}
