using System.Text;
using System.Text.RegularExpressions;
using ChainMap.Text;

namespace ChainMap.Chains;

// ---- The catalogue's scope format (经营范围规范表述, ADR 0620) ----
internal sealed partial class CompanyClassifier
{
    /// <summary>
    /// The catalogue's items that almost every licence written since 2021 carries whatever the company does (ADR 0620): the R&amp;D
    /// boilerplate, the trade permits, investing and renting out property, a holding's management and the permits nearly every firm
    /// holds beside its trade (building work on its own premises, an internet licence for its website). They name no segment, so
    /// they are read after the items that do: the company's own trade is the first item that is not one of them.
    /// </summary>
    internal static readonly string[] GenericCatalogueItems =
    [
        "货物进出口", "技术进出口", "进出口代理", "经营进出口业务", "进出口业务", "信息咨询服务", "以自有资金从事投资活动",
        "自有资金投资的资产管理服务", "非居住房地产租赁", "住房租赁", "土地使用权租赁", "企业总部管理", "建设工程施工", "建设工程设计",
        "第一类增值电信业务", "第二类增值电信业务",
    ];

    /// <summary>The parts of the catalogue's R&amp;D item `技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广` (and its shorter forms).</summary>
    private static readonly string[] GenericTechnologyParts = ["技术服务", "技术开发", "技术咨询", "技术交流", "技术转让", "技术推广"];

    /// <summary>
    /// The (folded, exclusion notes removed) business scope in the catalogue's format read in the order its structure gives
    /// (ADR 0620): the section headings (一般项目:, 许可项目:, and Shenzhen's 一般经营项目是: / 许可经营项目是:) and the closing note of
    /// the permit section (依法须经批准的项目,经相关部门批准后方可开展经营活动…) are no items; in Shenzhen's licence the making stands under
    /// 许可经营项目是 (making needed a licence there), so that section is read first; elsewhere the sections keep their order; and the
    /// <see cref="GenericCatalogueItems"/> go after every other item. A scope with none of the format's marks is returned as it is.
    /// </summary>
    internal static string InCatalogueOrder(string scope)
    {
        if (scope.Length == 0 || !CatalogueMark().IsMatch(scope))
        {
            return scope;
        }

        var text = PermitNote().Replace(scope, ";");
        var headings = CatalogueHeading().Matches(text);
        var sections = new List<(bool ShenzhenPermit, string Body)>();
        var start = 0;
        var shenzhenPermit = false;
        foreach (Match heading in headings)
        {
            sections.Add((shenzhenPermit, text[start..heading.Index]));
            shenzhenPermit = heading.Value.StartsWith("许可经营项目是", StringComparison.Ordinal);
            start = heading.Index + heading.Length;
        }

        sections.Add((shenzhenPermit, text[start..]));
        var ordered = sections.Where(s => s.ShenzhenPermit).Concat(sections.Where(s => !s.ShenzhenPermit));
        var own = new List<string>();
        var generic = new List<string>();
        foreach (var (_, body) in ordered)
        {
            foreach (var raw in body.Split(CatalogueItemEnds, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var item = raw.Trim('(', ')', '.', '。');
                if (item.Length == 0)
                {
                    continue;
                }

                (IsGenericCatalogueItem(item) ? generic : own).Add(item);
            }
        }

        var builder = new StringBuilder(text.Length);
        foreach (var item in own.Concat(generic))
        {
            builder.Append(builder.Length > 0 ? ";" : string.Empty).Append(item);
        }

        return builder.ToString();
    }

    /// <summary>True for one of <see cref="GenericCatalogueItems"/> or the R&amp;D item made only of <see cref="GenericTechnologyParts"/>.</summary>
    internal static bool IsGenericCatalogueItem(string item) =>
        Array.IndexOf(GenericCatalogueItems, item) >= 0
        || Array.Exists(GenericResearchEndings, e => item.EndsWith(e, StringComparison.Ordinal))
        || item.Split('、', StringSplitOptions.TrimEntries) is var parts && Array.TrueForAll(parts, p => Array.IndexOf(GenericTechnologyParts, p) >= 0);

    /// <summary>
    /// The endings of the catalogue's research and technology-promotion items (新材料技术研发, 电子专用材料研发, 新材料技术推广服务,
    /// 工程和技术研究和试验发展): the field a company studies or promotes, listed before its making items by habit, not what it makes.
    /// </summary>
    private static readonly string[] GenericResearchEndings = ["研发", "技术推广服务", "工程和技术研究和试验发展"];

    private static readonly char[] CatalogueItemEnds = [';', '；', ',', '，', '。'];

    /// <summary>The format's marks: a section heading, the permit section's closing note, or the catalogue's R&amp;D item.</summary>
    [GeneratedRegex("(?:一般项目|许可项目|一般经营项目是|许可经营项目是):|依法须经批准的项目,经相关部门批准后方可开展经营活动|技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广")]
    private static partial Regex CatalogueMark();

    [GeneratedRegex("(?:一般项目|许可项目|一般经营项目是|许可经营项目是|一般经营项目|许可经营项目):")]
    private static partial Regex CatalogueHeading();

    /// <summary>The permit section's closing note, with or without its brackets (…以相关部门批准文件或许可证件为准 / …以审批结果为准).</summary>
    [GeneratedRegex(@"\(?依法须经批准的项目,经相关部门批准后方可开展经营活动(?:,具体经营项目以[^)]{0,30}为准)?[)。]*")]
    private static partial Regex PermitNote();

    // ---- The standard's own words (ADR 0650) ----

    /// <summary>data/industry/gbt-class-words.csv: words GB/T 4754-2017 writes for a class (folded word, four-digit class code), of the kinds read.</summary>
    private static readonly Lazy<IReadOnlyList<(string Word, string Code)>> ClassWordTable = new(() =>
    [
        .. IndustryTable.Rows(EmbeddedData.Read("ChainMap.industry.gbt-class-words.csv", "data/industry/gbt-class-words.csv"))
            .Where(record => record.Length >= 3 && Array.IndexOf(ClassifierRules.StandardWordKinds, record[2].Trim()) >= 0)
            .Select(record => (Word: ChineseText.Fold(record[0].Trim()), Code: record[1].Trim()))
            .Where(row => row.Word.Length >= 2 && row.Code.Length == 4),
    ]);

    /// <summary>
    /// The standard's words that name one segment (ADR 0650): a word whose class a segment's industry_codes hold (the class or its
    /// group or division), and only that segment, or one segment with its parents (the most specific is kept). Left out: a segment's
    /// own word (it counts already), a word of several classes whose segments differ, and a word that is also written for a class no
    /// segment holds (it is no one trade's).
    /// </summary>
    internal Dictionary<string, int> StandardWords(IReadOnlyList<(string Word, string Code)> table)
    {
        var own = new HashSet<string>(terms.Select(t => t.Term), StringComparer.Ordinal);
        var segmentsOfWord = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var (word, code) in table)
        {
            if (own.Contains(word))
            {
                continue;
            }

            if (!segmentsOfWord.TryGetValue(word, out var found))
            {
                segmentsOfWord[word] = found = [];
            }

            var any = false;
            for (var s = 0; s < segments.Count; s++)
            {
                if (Array.Exists(segmentCodes[s], c => code.StartsWith(c, StringComparison.Ordinal)))
                {
                    found.Add(s);
                    any = true;
                }
            }

            if (!any)
            {
                found.Add(-1);
            }
        }

        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (word, found) in segmentsOfWord)
        {
            if (found.Contains(-1))
            {
                continue;
            }

            var leaves = found.Where(s => !found.Any(o => o != s && IsAncestor(s, o))).ToList();
            if (leaves.Count == 1)
            {
                words[word] = leaves[0];
            }
        }

        return words;
    }

    private bool IsAncestor(int ancestor, int segment)
    {
        for (var p = parentIndex[segment]; p >= 0; p = parentIndex[p])
        {
            if (p == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    // ---- end of the standard's own words ----

    // ---- The catalogue's terms (ADR 0635) ----

    /// <summary>How many of the scope's first items are read for a catalogue term: the first, and the second when the first is none.</summary>
    internal const int CatalogueTermItems = 2;

    /// <summary>data/industry/catalogue-terms.csv: the catalogue's making, farming and trading terms, each with its segment (folded term, segment code).</summary>
    private static readonly Lazy<IReadOnlyList<(string Term, string Segment)>> CatalogueTermTable = new(() => ReadCatalogueTerms(
        EmbeddedData.Read("ChainMap.industry.catalogue-terms.csv", "data/industry/catalogue-terms.csv")));

    private Dictionary<string, int>? catalogueTerms;

    /// <summary>Reads the table's term and segment columns (header first), folding the term as scopes are folded.</summary>
    internal static IReadOnlyList<(string Term, string Segment)> ReadCatalogueTerms(string csv) =>
    [
        .. IndustryTable.Rows(csv)
            .Where(record => record.Length >= 2 && record[1].Trim().Length > 0)
            .Select(record => (Term: ChineseText.Fold(record[0].Trim()), Segment: record[1].Trim()))
            .Where(row => row.Term.Length > 0),
    ];

    /// <summary>
    /// The catalogue term (data/industry/catalogue-terms.csv) that the scope's first item is, or else its second (ADR 0635), with
    /// the segment the table gives it: an item that is the term as a whole, a closing bracketed note removed (化工产品生产 names no
    /// segment, so 专用化学产品制造(不含危险化学品) after it is read). Terms of segments the chains do not hold are skipped. Read as the
    /// main business (ADR 0201), only where nothing stronger places the company; a scope in the catalogue's format has its own
    /// items first (<see cref="InCatalogueOrder"/>). Under the format's section headings (<paramref name="catalogueHeadings"/>) a first
    /// item written as a making clause names the term its first goods make (<see cref="MadeGoodsTermOf"/>, ADR 0820).
    /// </summary>
    private (string Term, int Segment)? CatalogueTermOf(string scope, bool catalogueHeadings)
    {
        var table = LazyInitializer.EnsureInitialized(ref catalogueTerms, () =>
        {
            var terms = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (term, segment) in CatalogueTermTable.Value)
            {
                if (segmentIndex.TryGetValue(segment, out var index))
                {
                    terms.TryAdd(term, index);
                }
            }

            return terms;
        });
        var items = 0;
        foreach (var raw in scope.Split(CatalogueItemEnds, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var item = raw.EndsWith(')') && raw.LastIndexOf('(') is var open and > 0 ? raw[..open].TrimEnd() : raw;
            if (item.Length == 0)
            {
                continue;
            }

            if (table.TryGetValue(item, out var segment))
            {
                return (item, segment);
            }

            if (items == 0 && catalogueHeadings && MadeGoodsTermOf(item, table) is { } made)
            {
                return made;
            }

            if (++items == CatalogueTermItems)
            {
                break;
            }
        }

        return null;
    }

    /// <summary>
    /// The verbs a making clause lists after its goods and 的 (ADR 0820): `电池、充电器的研发、制造、销售` names 制造 or 生产 among them.
    /// </summary>
    private static readonly string[] MadeGoodsClauseVerbs = ["研发", "研制", "开发", "设计", "生产", "制造", "加工", "销售", "批发", "零售"];

    /// <summary>The separators of a making clause's goods and verbs (`电池、充电器及产线`, `研发、制造、销售`, `生产和销售`).</summary>
    private static readonly string[] MadeGoodsClauseSeparators = ["、", "及", "和", "与"];

    /// <summary>
    /// True when the (folded) scope carries a section heading of the catalogue's format, 一般项目: / 许可项目: or Shenzhen's
    /// 一般经营项目是: / 许可经营项目是: (ADR 0820): a register written since the format, where a making clause's bare goods (电池) mean the
    /// catalogue's trade. The older 一般经营项目: / 许可经营项目: and the permit note alone do not count (野马电池's 1996 licence, dry cells).
    /// </summary>
    internal static bool HasCatalogueHeadings(string foldedScope) => foldedScope.Length > 0 && CatalogueSectionHeading().IsMatch(foldedScope);

    [GeneratedRegex("(?:一般项目|许可项目|一般经营项目是|许可经营项目是):")]
    private static partial Regex CatalogueSectionHeading();

    /// <summary>
    /// A first item that is a making clause in the register's own words, in a scope under the catalogue format's headings (ADR 0820),
    /// `A、B…的[研发、]生产|制造[、销售]`: the catalogue term its first goods make (A + 制造, else A + 生产: 电池 → 电池制造), when every
    /// word after the last 的 is a making or selling verb and 生产 or 制造 is one of them. A clause that only sells or develops its goods
    /// names no term, nor does a first word that no term makes; a second item's making clause is read as before (a side line: a lamp
    /// maker's 塑料制品、五金制品的制造).
    /// </summary>
    private static (string Term, int Segment)? MadeGoodsTermOf(string item, Dictionary<string, int> table)
    {
        var of = item.LastIndexOf('的');
        if (of <= 0 || of == item.Length - 1)
        {
            return null;
        }

        var verbs = item[(of + 1)..].Split(MadeGoodsClauseSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (verbs.Length == 0 || !verbs.All(verb => MadeGoodsClauseVerbs.Contains(verb, StringComparer.Ordinal))
            || !verbs.Any(verb => verb is "生产" or "制造"))
        {
            return null;
        }

        var goods = item[..of].Split(MadeGoodsClauseSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (goods.Length == 0)
        {
            return null;
        }

        foreach (var term in (string[])[goods[0] + "制造", goods[0] + "生产"])
        {
            if (table.TryGetValue(term, out var segment))
            {
                return (term, segment);
            }
        }

        return null;
    }

    // ---- end of the catalogue's terms ----
}

// ---- end of the catalogue's scope format ----
