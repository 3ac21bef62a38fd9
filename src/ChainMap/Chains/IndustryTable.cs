using System.Text;
using ChainMap.Text;

namespace ChainMap.Chains;

/// <summary>A GB/T 4754 code read from a company's industry text or name, and what it was read from.</summary>
internal sealed record IndustryCode(string Code, string Source);

/// <summary>
/// The industry vocabularies a company list carries, turned into GB/T 4754-2017 codes (2–4 digits):
/// the standard's own codes and names at every level (data/industry/gbt4754-2017.csv), the CSRC
/// industry (<c>C36 汽车制造业</c>: a section letter and the same two-digit divisions), the short
/// labels of securities data (化学制药, 汽车配件; data/industry/securities-labels.csv), the 申万 2021
/// industry classification at its three levels (汽车 &gt; 汽车零部件 &gt; 底盘与发动机系统, IT服务Ⅲ, LED;
/// data/industry/sw2021.csv), the GICS industries as Wind and other vendors write them in Chinese (机动车零配件与设备,
/// 可选消费-汽车与汽车零部件-汽车零配件-轮胎与橡胶, 西药; data/industry/gics.csv) and the words of company names that
/// name an industry (药业, 专用汽车; data/industry/name-words.csv). Script-, width- and case-insensitive.
/// </summary>
internal sealed class IndustryTable
{
    private static readonly char[] PartSeparators = ['|', '、', ';', '；', ',', '，', '/', '>', '＞', '-', '—', '_', ' ', '\t', '(', ')', '（', '）', '：', ':'];

    // A 申万 path is written with these between its levels (汽车-汽车零部件-底盘与发动机系统); list separators excluded.
    private static readonly char[] PathSeparators = ['>', '＞', '-', '—', '－', '_', '/', '／', '→', ' ', '\t', '(', ')', '（', '）', '：', ':'];

    // What vendors write next to a 申万 name to say which classification it is: 底盘与发动机系统(申万), 申万汽车.
    private static readonly string[] SwMarks = ["申万2021", "申万行业", "申万", "sw2021"];

    // What vendors write next to a GICS name to say which classification it is: 西药(Wind), Wind行业:中药.
    private static readonly string[] GicsMarks = ["wind行业", "wind", "gics"];

    private static readonly Lazy<IndustryTable> Embedded = new(() => new IndustryTable(
        EmbeddedData.Read("ChainMap.industry.gbt4754-2017.csv", "data/industry/gbt4754-2017.csv"),
        EmbeddedData.Read("ChainMap.industry.securities-labels.csv", "data/industry/securities-labels.csv"),
        EmbeddedData.Read("ChainMap.industry.name-words.csv", "data/industry/name-words.csv"),
        EmbeddedData.Read("ChainMap.industry.sw2021.csv", "data/industry/sw2021.csv"),
        EmbeddedData.Read("ChainMap.industry.division-segments.csv", "data/industry/division-segments.csv"),
        EmbeddedData.Read("ChainMap.industry.gics.csv", "data/industry/gics.csv")));

    private readonly HashSet<string> codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> nameOfCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> codesOfName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> codesOfLabel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> segmentsOfLabel = new(StringComparer.Ordinal);
    private readonly List<(string Word, string[] Codes, string[] Segments)> nameWords = [];

    /// <summary>Finds which of <see cref="nameWords"/> a name holds in one pass (ADR 0780).</summary>
    private readonly TermScanner nameWordScanner;

    private readonly Dictionary<string, SwIndustry> swByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SwIndustry> swByBareName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SwIndustry> swByCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> segmentsOfDivision = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> chainOfDivision = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> segmentsBelow = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GicsIndustry> gicsByName = new(StringComparer.Ordinal);

    // The making classes' names (GB/T divisions 13–42) and their standard split forms, as licence items write them (ADR 0585).
    private readonly Dictionary<string, string> classOfName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> classesOfSplitForm = new(StringComparer.Ordinal);

    /// <summary>Builds the table from the CSV texts (header row first; lists '|'-separated); without a GICS text, no GICS names are read.</summary>
    public IndustryTable(string gbtCsv, string securitiesLabelsCsv, string nameWordsCsv, string sw2021Csv, string divisionSegmentsCsv, string gicsCsv = "")
    {
        foreach (var row in Rows(gicsCsv))
        {
            // level,code,name,parent_code,gbt_codes,segments,note; a name that two levels share (能源, 电力) is read as the deeper one
            var industry = new GicsIndustry(
                int.Parse(row[0], System.Globalization.CultureInfo.InvariantCulture),
                SplitCodes(row.ElementAtOrDefault(4)),
                SplitCodes(row.ElementAtOrDefault(5)));
            var folded = ChineseText.Fold(row[2]).Trim();
            if (!gicsByName.TryGetValue(folded, out var known) || known.Level < industry.Level)
            {
                gicsByName[folded] = industry;
            }
        }

        foreach (var row in Rows(divisionSegmentsCsv))
        {
            // division,segments,note,level; level `chain`: the division names only the chain, its segment is a suggestion (ADR 0760)
            if (row.ElementAtOrDefault(3)?.Trim() == "chain")
            {
                AddCodes(chainOfDivision, row[0].Trim(), SplitCodes(row.ElementAtOrDefault(1)));
            }
            else
            {
                AddCodes(segmentsOfDivision, row[0].Trim(), SplitCodes(row.ElementAtOrDefault(1)));
            }
        }

        foreach (var row in Rows(gbtCsv))
        {
            // level,section,division,group,class,code,name,remark
            var code = row[5].Trim();
            var name = ChineseText.Fold(row[6]);
            if (code.Length is < 2 or > 4 || !code.All(char.IsAsciiDigit))
            {
                continue;
            }

            codes.Add(code);
            nameOfCode.TryAdd(code, row[6].Trim());
            if (code.Length == 4 && IsMakingDivision(code))
            {
                AddLicenceForms(code, name);
            }

            AddCodes(codesOfName, name, [code]);
            if (name.EndsWith('业') && name.Length > 3)
            {
                // CSRC and vendors write 汽车制造业 and 汽车制造 alike.
                AddCodes(codesOfName, name[..^1], [code]);
            }
        }

        foreach (var row in Rows(securitiesLabelsCsv))
        {
            // label,gbt_codes,segments,note
            AddCodes(codesOfLabel, ChineseText.Fold(row[0]), SplitCodes(row.ElementAtOrDefault(1)));
            AddCodes(segmentsOfLabel, ChineseText.Fold(row[0]), SplitCodes(row.ElementAtOrDefault(2)));
        }

        foreach (var row in Rows(nameWordsCsv))
        {
            var word = ChineseText.Fold(row[0]);
            if (word.Length >= 2)
            {
                // word,gbt_codes,segments,note
                nameWords.Add((word, SplitCodes(row.ElementAtOrDefault(1)), SplitCodes(row.ElementAtOrDefault(2))));
            }
        }

        // Longer words first (生物制药 is read before 制药); words of one length keep their order in the file (a stable sort), so a row added to the file does
        // not change which of two overlapping words of one length is read (农化 or 化工 in 某农化工).
        var ordered = nameWords.OrderByDescending(w => w.Word.Length).ToList();
        nameWords.Clear();
        nameWords.AddRange(ordered);
        nameWordScanner = new TermScanner([.. nameWords.Select(w => w.Word)]);

        foreach (var row in Rows(sw2021Csv))
        {
            // level,code,name,parent_code,gbt_codes,segments,note
            var industry = new SwIndustry(
                int.Parse(row[0], System.Globalization.CultureInfo.InvariantCulture),
                row[1].Trim(),
                row[2].Trim(),
                row.ElementAtOrDefault(3)?.Trim() ?? string.Empty,
                SplitCodes(row.ElementAtOrDefault(4)),
                SplitCodes(row.ElementAtOrDefault(5)),
                Array.Exists(OutsideMarks, m => (row.ElementAtOrDefault(6) ?? string.Empty).Contains(m, StringComparison.Ordinal)));
            swByCode[industry.Code] = industry;
            if (industry.ParentCode.Length > 0)
            {
                // The segments an industry's sub-industries stand for (半导体 → 半导体材料 DZ-MAT, 半导体设备 DZ-EQUIP …, ADR 0450).
                if (!segmentsBelow.TryGetValue(industry.ParentCode, out var below))
                {
                    segmentsBelow[industry.ParentCode] = below = new HashSet<string>(StringComparer.Ordinal);
                }

                below.UnionWith(industry.Segments);
            }
            var folded = ChineseText.Fold(industry.Name);
            swByName[folded] = industry;

            // Vendors drop the level mark (中药 for 中药Ⅱ and 中药Ⅲ; NFKC writes Ⅲ as iii): the deeper level wins.
            var bare = Bare(folded);
            if (!swByBareName.TryGetValue(bare, out var known) || known.Level < industry.Level)
            {
                swByBareName[bare] = industry;
            }
        }
    }

    /// <summary>The table built from the files of data/industry embedded in the library.</summary>
    public static IndustryTable Default => Embedded.Value;

    /// <summary>
    /// The GB/T class a business-scope item names (ADR 0585), as the standardised licence wording (经营范围规范表述) writes making
    /// classes: the class's own name (塑料零件及其他塑料制品制造, 汽车零部件及配件制造) or one of its standard split forms, the
    /// parts of the name around 及, 和 or 、 with the name's closing verb (塑料零件制造, 其他塑料制品制造 → 2929). Only classes of
    /// GB/T divisions 13–42 (making; 43 is repair); a split form that two classes share (配件制造) names none. The item must be
    /// folded and stand alone (no verb of trade: 塑料制品销售 is no class name); null when it names no class.
    /// </summary>
    public IndustryCode? ReadLicenceItem(string foldedItem)
    {
        if (classOfName.TryGetValue(foldedItem, out var code))
        {
            return new IndustryCode(code, nameOfCode[code]);
        }

        return classesOfSplitForm.TryGetValue(foldedItem, out var split) && split.Count == 1 && split.First() is var only
            ? new IndustryCode(only, $"{foldedItem}（{nameOfCode[only]}）")
            : null;
    }

    /// <summary>The standard's name of a code (e.g. 3630 → 改装汽车制造), or null.</summary>
    public string? NameOf(string code) => nameOfCode.GetValueOrDefault(code);

    /// <summary>
    /// The GB/T codes an industry cell names: codes (<c>C3630</c>, <c>3630</c>, <c>C36</c>), names at any
    /// level (改装汽车制造, 汽车制造业), securities labels (汽车配件, 化学制药Ⅱ), in any combination
    /// separated by | 、 ; , / - or spaces. Unknown parts are ignored.
    /// </summary>
    public IReadOnlyList<IndustryCode> Read(string? industry)
    {
        if (string.IsNullOrWhiteSpace(industry))
        {
            return [];
        }

        var found = new List<IndustryCode>(2);
        var whole = ChineseText.Fold(industry);
        if (Lookup(whole) is { } wholeCodes)
        {
            foreach (var code in wholeCodes)
            {
                Add(found, code, industry.Trim());
            }

            return found;
        }

        if (SwPathEnd(industry) is { } sw)
        {
            foreach (var code in sw.Codes)
            {
                Add(found, code, industry.Trim());
            }

            return found;
        }

        if (GicsPathEnd(industry) is { } gics)
        {
            foreach (var code in gics.Codes)
            {
                Add(found, code, industry.Trim());
            }

            return found;
        }

        if (LeadingCode(whole, out var named) is { } leading && codes.Contains(leading) && NamesCode(leading, named))
        {
            // A code written with its own standard name (C36汽车制造业, D44电力、热力生产和供应业: the CSRC style) is that
            // code alone: the pieces of its name (电力, 精制茶 of 酒、饮料和精制茶制造业) are not industries of their own.
            Add(found, leading, industry.Trim());
            return found;
        }

        foreach (var raw in industry.Split(PartSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var part = ChineseText.Fold(raw);
            var digits = LeadingCode(part, out var rest);
            if (digits is not null && codes.Contains(digits))
            {
                Add(found, digits, raw);
            }
            else if (digits is not null && digits.Length == 3 && codes.Any(c => c.Length == 4 && c.StartsWith(digits, StringComparison.Ordinal)))
            {
                // Groups with a single class are listed only as the class (362 → 3620).
                Add(found, digits, raw);
            }

            foreach (var code in Lookup(rest) ?? [])
            {
                Add(found, code, raw);
            }
        }

        return found;
    }

    /// <summary>
    /// The segments a securities label stands for when nothing else is known (汽车整车 → ZQ-CHASSIS),
    /// from the <c>segments</c> column of securities-labels.csv; the label's most frequent segment, a weak guess.
    /// </summary>
    public IReadOnlyList<(string Label, string Segment)> LabelSegments(string? industry)
    {
        if (string.IsNullOrWhiteSpace(industry))
        {
            return [];
        }

        if (SwPathEnd(industry) is { } sw)
        {
            // A 申万 name or path says only what its most specific level says (汽车零部件 > 车身附件及饰件: nothing).
            return [.. sw.Segments.Select(segment => (industry.Trim(), segment))];
        }

        if (Division(industry) is { } division)
        {
            // A division alone (C27医药制造业, 软件和信息技术服务业) says only its most frequent segment, a weak guess.
            return [.. segmentsOfDivision.GetValueOrDefault(division, []).Select(segment => (industry.Trim(), segment))];
        }

        if (!segmentsOfLabel.ContainsKey(ChineseText.Fold(industry).Trim()) && GicsPathEnd(industry) is { } gics)
        {
            // A GICS name or path (as Wind writes it) says what its most specific level says (机动车零配件与设备: nothing).
            return [.. gics.Segments.Select(segment => (industry.Trim(), segment))];
        }

        var found = new List<(string, string)>();
        foreach (var raw in industry.Split(PartSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Prepend(industry))
        {
            var folded = ChineseText.Fold(raw);
            var key = segmentsOfLabel.ContainsKey(folded) ? folded : folded.TrimEnd('i', 'v');
            var segments = SwIndustryOf(folded) is { } named ? named.Segments : segmentsOfLabel.GetValueOrDefault(key) ?? [];
            foreach (var segment in segments)
            {
                if (!found.Exists(f => f.Item2 == segment))
                {
                    found.Add((raw.Trim(), segment));
                }
            }
        }

        return found;
    }

    /// <summary>
    /// The 申万 2021 industry an industry cell names, as a single name at any level (底盘与发动机系统, IT服务Ⅲ,
    /// 中药, 汽车零部件(申万)) or as a path from a higher level down (汽车 &gt; 汽车零部件 &gt; 底盘与发动机系统,
    /// 汽车-汽车零部件-底盘与发动机系统): the most specific level named; null when the cell is not such a name or path.
    /// </summary>
    public (string Code, string Name, int Level)? ShenwanIndustry(string? industry) =>
        SwPathEnd(industry) is { } sw ? (sw.Code, sw.Name, sw.Level) : null;

    /// <summary>
    /// The GB/T codes that words of a company name point to (药业 → 27), longest word first, each text
    /// position used once; and the segments such a word stands for when nothing else is known (专用汽车 → ZQ-BODY).
    /// </summary>
    public (IReadOnlyList<IndustryCode> Codes, IReadOnlyList<(string Word, string Segment)> Segments) ReadName(string foldedName)
    {
        if (foldedName.Length == 0)
        {
            return ([], []);
        }

        List<IndustryCode>? found = null;
        List<(string, string)>? segments = null;
        List<(int Start, int End)>? used = null;
        foreach (var index in nameWordScanner.Find(foldedName))
        {
            var (word, wordCodes, wordSegments) = nameWords[index];
            var at = foldedName.IndexOf(word, StringComparison.Ordinal);
            if (at < 0 || (used is not null && used.Exists(u => at < u.End && at + word.Length > u.Start)))
            {
                continue;
            }

            (used ??= []).Add((at, at + word.Length));
            foreach (var code in wordCodes)
            {
                Add(found ??= [], code, word);
            }

            foreach (var segment in wordSegments)
            {
                (segments ??= []).Add((word, segment));
            }
        }

        return (found ?? (IReadOnlyList<IndustryCode>)[], segments ?? (IReadOnlyList<(string, string)>)[]);
    }

    private string[]? Lookup(string folded)
    {
        if (folded.Length == 0)
        {
            return null;
        }

        if (codesOfName.TryGetValue(folded, out var byName))
        {
            return byName;
        }

        if (SwIndustryOf(folded) is { } sw)
        {
            return sw.Codes;
        }

        if (codesOfLabel.TryGetValue(folded, out var byLabel))
        {
            return byLabel;
        }

        // 申万 levels: 汽车零部件Ⅱ, 化学制药Ⅲ (NFKC writes Ⅱ as ii).
        var trimmed = folded.TrimEnd('i', 'v');
        if (trimmed.Length < folded.Length && trimmed.Length >= 2)
        {
            return codesOfLabel.GetValueOrDefault(trimmed) ?? codesOfName.GetValueOrDefault(trimmed);
        }

        return null;
    }

    /// <summary>
    /// The notes of data/industry/sw2021.csv that mark a 申万 industry no segment of the eight chains holds: 八条链之外 (钢铁, 其他纺织,
    /// 工程咨询服务Ⅲ) and 八条链无…分段 (乳品, 渔业, 输变电设备).
    /// </summary>
    private static readonly string[] OutsideMarks = ["八条链之外", "八条链无"];

    /// <summary>
    /// True when the industry cell is a 申万 industry (name or path) that sw2021.csv marks outside the eight chains (<see cref="OutsideMarks"/>, no
    /// segment): its GB/T codes (其他纺织 → 17, 工程咨询服务Ⅲ → 748, 钢铁 → 31) say what the company is not, but back no segment (ADR 0705).
    /// </summary>
    public bool NamesAnIndustryOutsideTheChains(string? industry) => SwPathEnd(industry) is { Outside: true, Segments.Length: 0 };

    /// <summary>The 申万 industry a folded name stands for (with or without its level mark Ⅱ/Ⅲ or a 申万 mark), or null.</summary>
    private SwIndustry? SwIndustryOf(string folded)
    {
        var key = WithoutSwMarks(folded);
        if (key.Length == 0)
        {
            return null;
        }

        return swByName.GetValueOrDefault(key) ?? swByBareName.GetValueOrDefault(Bare(key));
    }

    /// <summary>
    /// The most specific 申万 industry of a name or a path of names, when every part is a 申万 name and each lies
    /// under the next more specific one (汽车 &gt; 汽车零部件 &gt; 底盘与发动机系统); otherwise null.
    /// </summary>
    private SwIndustry? SwPathEnd(string? industry)
    {
        if (string.IsNullOrWhiteSpace(industry) || swByName.Count == 0)
        {
            return null;
        }

        if (SwIndustryOf(ChineseText.Fold(industry)) is { } whole)
        {
            return whole;
        }

        SwIndustry? deepest = null;
        var named = new List<SwIndustry>(3);
        foreach (var raw in industry.Split(PathSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var folded = ChineseText.Fold(raw);
            if (folded.Length == 0 || WithoutSwMarks(folded).Length == 0)
            {
                continue; // 底盘与发动机系统 (申万): the mark alone is no part of the path
            }

            if (SwIndustryOf(folded) is not { } part)
            {
                return null;
            }

            named.Add(part);
            if (deepest is null || part.Level >= deepest.Level)
            {
                deepest = part;
            }
        }

        return deepest is not null && named.TrueForAll(n => IsSelfOrAncestor(n, deepest)) ? deepest : null;
    }

    /// <summary>
    /// The GICS industry an industry cell names, as Wind, Choice and other vendors write it in Chinese: a single name at any
    /// level (机动车零配件与设备, 西药, 西药(Wind)) or a path from a higher level down (可选消费-汽车与汽车零部件-汽车零配件-轮胎与橡胶):
    /// the deepest level named; null when any part of the cell is not a GICS name. Read only where the GB/T, 申万 and securities
    /// tables know nothing of the cell, so a name they share (电子元件, 通信设备) keeps its meaning there.
    /// </summary>
    private GicsIndustry? GicsPathEnd(string industry)
    {
        if (gicsByName.Count == 0)
        {
            return null;
        }

        var whole = WithoutGicsMarks(ChineseText.Fold(industry).Trim());
        if (Gics(whole) is { } named)
        {
            return named;
        }

        GicsIndustry? deepest = null;
        foreach (var raw in whole.Split(PathSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Gics(raw) is not { } part)
            {
                return null;
            }

            if (deepest is null || part.Level >= deepest.Level)
            {
                deepest = part;
            }
        }

        return deepest;
    }

    /// <summary>A GICS name, with or without the level mark Wind writes where two levels share a name (电力Ⅲ, 能源Ⅱ; NFKC writes Ⅲ as iii).</summary>
    private GicsIndustry? Gics(string folded) =>
        gicsByName.GetValueOrDefault(folded) ?? gicsByName.GetValueOrDefault(Bare(folded));

    private static string WithoutGicsMarks(string folded)
    {
        foreach (var mark in GicsMarks)
        {
            folded = folded.Replace($"({mark})", string.Empty, StringComparison.Ordinal)
                .Replace($"[{mark}]", string.Empty, StringComparison.Ordinal);
            if (folded.StartsWith(mark, StringComparison.Ordinal))
            {
                folded = folded[mark.Length..].TrimStart(':', '-', '_', ' ');
            }
        }

        return folded.Trim();
    }

    private bool IsSelfOrAncestor(SwIndustry candidate, SwIndustry of)
    {
        for (SwIndustry? at = of; at is not null; at = swByCode.GetValueOrDefault(at.ParentCode))
        {
            if (at.Code == candidate.Code)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A folded 申万 name without its level mark (中药iii → 中药).</summary>
    private static string Bare(string folded) => folded.TrimEnd('i', 'v') is { Length: >= 2 } bare ? bare : folded;

    private static string WithoutSwMarks(string folded)
    {
        foreach (var mark in SwMarks)
        {
            folded = folded.Replace($"({mark})", string.Empty, StringComparison.Ordinal)
                .Replace($"[{mark}]", string.Empty, StringComparison.Ordinal);
            if (folded.StartsWith(mark, StringComparison.Ordinal))
            {
                folded = folded[mark.Length..].TrimStart(':', '-', '_');
            }
        }

        return folded == "sw" ? string.Empty : folded;
    }

    /// <summary>
    /// True when an industry cell names a GB/T division (two digits) and nothing more specific: its code with
    /// or without its standard name (<c>C15</c>, <c>C15酒、饮料和精制茶制造业</c>, as the CSRC writes it) or the name alone.
    /// </summary>
    public bool NamesOnlyADivision(string? industry) => Division(industry) is not null;

    /// <summary>
    /// True when the industry cell is a 申万 industry whose sub-industries stand for two or more segments (半导体: 半导体材料 →
    /// DZ-MAT, 半导体设备 → DZ-EQUIP, 数字芯片设计 → DZ-DESIGN …): the classification itself says that the label spans several
    /// segments, so its usual segment is only the most frequent one (ADR 0450).
    /// </summary>
    public bool SpansSegments(string? industry) =>
        SwPathEnd(industry) is { } sw && segmentsBelow.TryGetValue(sw.Code, out var below) && below.Count >= 2;

    /// <summary>
    /// The segment a division's chain-level guess suggests, when the industry cell names only a division whose trades all lie in one
    /// chain and none of whose segments dominates (C39 计算机、通信和其他电子设备制造业: components, displays, terminals, network
    /// equipment are all 电子信息; level <c>chain</c> in data/industry/division-segments.csv, ADR 0760); otherwise null. Such a division
    /// guesses no segment (<see cref="LabelSegments"/>): it names the chain (环节待定) of a row nothing else places in that chain.
    /// </summary>
    public string? ChainLevelGuess(string? industry) =>
        Division(industry) is { } division && chainOfDivision.TryGetValue(division, out var guess) && guess.Length > 0 ? guess[0] : null;

    /// <summary>
    /// The segment a 申万 cell's chain-level guess suggests (session 48, ADR 0785): a 申万 industry that data/industry/sw2021.csv maps to
    /// no segment and marks inside the chains, whose GB/T codes are groups or classes (not the whole division) of one division that names
    /// only a chain (39, ADR 0760: 其他计算机设备 3911|3912|3913|3919, 通信终端及配件 3922, 安防设备 3939), names that chain as the division
    /// would; otherwise null. A cell coded with the whole division (其他电子Ⅲ, 军工电子Ⅲ → 39) is a catch-all of trades and names nothing.
    /// </summary>
    public string? SwChainLevelGuess(string? industry)
    {
        if (SwPathEnd(industry) is not { Segments.Length: 0, Outside: false, Codes.Length: > 0 } sw || sw.Codes[0].Length < 3)
        {
            return null;
        }

        var division = sw.Codes[0][..2];
        return Array.TrueForAll(sw.Codes, c => c.Length > 2 && c.StartsWith(division, StringComparison.Ordinal))
            && chainOfDivision.TryGetValue(division, out var guess) && guess.Length > 0 ? guess[0] : null;
    }

    /// <summary>The division (two digits) an industry cell names and nothing more specific (<see cref="NamesOnlyADivision"/>), or null.</summary>
    private string? Division(string? industry)
    {
        if (string.IsNullOrWhiteSpace(industry))
        {
            return null;
        }

        var whole = ChineseText.Fold(industry).Trim();
        if (LeadingCode(whole, out var named) is { } leading)
        {
            return leading.Length == 2 && codes.Contains(leading) && NamesCode(leading, named) ? leading : null;
        }

        return codesOfName.TryGetValue(whole, out var byName) && byName is [{ Length: 2 } only] ? only : null;
    }

    /// <summary>True when <paramref name="rest"/> (folded) is the standard name of <paramref name="code"/>, or its start.</summary>
    private bool NamesCode(string code, string rest)
    {
        var text = rest.Trim().Trim(' ', '-', '_', ':', '：', '·');
        return text.Length == 0
            || (nameOfCode.TryGetValue(code, out var name) && ChineseText.Fold(name) is var folded
                && (folded == text || (text.Length >= 2 && folded.StartsWith(text, StringComparison.Ordinal))));
    }

    /// <summary>Reads a leading code (optional section letter, then 2–4 digits); <paramref name="rest"/> is what follows.</summary>
    private static string? LeadingCode(string part, out string rest)
    {
        var start = part.Length > 0 && part[0] is >= 'a' and <= 't' ? 1 : 0;
        var end = start;
        while (end < part.Length && char.IsAsciiDigit(part[end]))
        {
            end++;
        }

        var length = end - start;
        if (length is < 2 or > 4 || (end < part.Length && char.IsAsciiLetterOrDigit(part[end])))
        {
            rest = part;
            return null;
        }

        rest = part[end..];
        return part[start..end];
    }

    // The verbs that close a making class's name (塑料零件及其他塑料制品制造, 蔬菜加工, 包装装潢及其他印刷).
    private static readonly string[] ClassVerbs = ["制造", "加工", "印刷"];

    private static bool IsMakingDivision(string code) =>
        int.TryParse(code.AsSpan(0, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var division)
        && division is >= 13 and <= 42;

    private void AddLicenceForms(string code, string foldedName)
    {
        classOfName.TryAdd(foldedName, code);
        var verb = Array.Find(ClassVerbs, v => foldedName.EndsWith(v, StringComparison.Ordinal) && foldedName.Length > v.Length);
        if (verb is null)
        {
            return;
        }

        var parts = foldedName[..^verb.Length].Split(['及', '和', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length < 2)
        {
            return;
        }

        foreach (var part in parts.Where(p => p.Length >= 2))
        {
            if (!classesOfSplitForm.TryGetValue(part + verb, out var classes))
            {
                classesOfSplitForm[part + verb] = classes = new HashSet<string>(StringComparer.Ordinal);
            }

            classes.Add(code);
        }
    }

    private static void Add(List<IndustryCode> found, string code, string source)
    {
        if (!found.Exists(f => f.Code == code))
        {
            found.Add(new IndustryCode(code, source));
        }
    }

    private static void AddCodes(Dictionary<string, string[]> map, string key, string[] values)
    {
        if (key.Length == 0)
        {
            return;
        }

        map[key] = map.TryGetValue(key, out var existing) ? [.. existing.Union(values)] : values;
    }

    private static string[] SplitCodes(string? list) =>
        (list ?? string.Empty).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The records of a table of data/industry (CSV, header first) whose first column is not empty.</summary>
    internal static IEnumerable<string[]> Rows(string csv)
    {
        using var reader = new StringReader(csv);
        using var parser = new CsvHelper.CsvParser(reader, System.Globalization.CultureInfo.InvariantCulture);
        var first = true;
        while (parser.Read())
        {
            if (first)
            {
                first = false;
                continue;
            }

            if (parser.Record is { Length: > 0 } record && record[0].Length > 0)
            {
                yield return record;
            }
        }
    }

    /// <summary>One row of data/industry/sw2021.csv.</summary>
    private sealed record SwIndustry(int Level, string Code, string Name, string ParentCode, string[] Codes, string[] Segments, bool Outside);

    /// <summary>A GICS industry of data/industry/gics.csv: its level (1 sector … 4 sub-industry), GB/T codes and usual segments.</summary>
    private sealed record GicsIndustry(int Level, string[] Codes, string[] Segments);
}
