using System.Globalization;
using ChainMap.Chains;
using ChainMap.Domain;
using ChainMap.Regions;
using ChainMap.Storage;
using ChainMap.Text;

namespace ChainMap.Import;

/// <summary>A row turned into a company, or the reasons it could not be; unassigned rows still import.</summary>
internal sealed record ResolvedRow(CompanyRecord? Record, IReadOnlyList<ImportProblem> Problems, bool Unassigned);

/// <summary>
/// Turns one row of a company file into a <see cref="CompanyRecord"/>: validates the USCC, finds
/// the region (code; province/city/county names with or without suffix in either script, placeholders
/// skipped, development zones placed in their host, a name not found leaving the row one level up with
/// a warning (<see cref="RegionNameResolver"/>); a region text; the address, searched for the most
/// specific division it names; else the region digits of the USCC; an ambiguous name is reported,
/// never guessed), finds segments (code, name or alias; else the best few from the name, products,
/// industry and business scope, <see cref="CompanyClassifier"/>, with confidence and evidence), parses
/// amounts, counts and dates, and keeps every text
/// exactly as written (a leading '=' is stored as text, never evaluated).
/// </summary>
internal sealed class CompanyRowResolver(RegionCatalog regions, SegmentMatcher segments)
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy/M/d", "yyyy/MM/dd", "yyyy-M-d", "yyyy.M.d", "yyyy.MM.dd", "yyyyMMdd", "yyyy年M月d日", "yyyy年MM月dd日",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd H:mm:ss", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm", "yyyy-MM-ddTHH:mm:ss",
    ];

    // pandas writes nan and None for an empty cell; 待定, 未知, 不详 are what a person types for "not known yet".
    private static readonly string[] BlankMarkers = ["-", "--", "—", "——", "/", "n/a", "N/A", "NA", "null", "NULL", "nan", "NaN", "None", "none", "无", "暂无", "空", "(空)", "（空）",
        "待定", "未知", "不详", "暂缺", "未填", "未填写", "待补充"];

    private static readonly System.Text.RegularExpressions.Regex CompoundAmount = new(
        @"^(?<yi>\d+(?:\.\d+)?)亿(?<wan>\d+(?:\.\d+)?)万元?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static readonly System.Text.RegularExpressions.Regex SpreadsheetError = new(
        @"^#(?:N/A|VALUE!|REF!|NAME\?|DIV/0!|NULL!|NUM!|SPILL!|CALC!)$", System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    // Two or more of x, ×, * standing where a name's words should be (XX有限公司, 湖北***公司), not inside a Latin word.
    // A name that is only a placeholder word, with a legal form or a number at most: 测试企业, 测试有限公司2, 示例公司, test, demo01.
    private static readonly System.Text.RegularExpressions.Regex PlaceholderWord = new(
        @"^(?:测试|示例|样例|演示|范例|模板|模版|样本|test|testing|demo|sample|example|dummy)(?:企业|公司|单位|有限公司|有限责任公司|股份有限公司|名称)?\s*\d*$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    private static readonly System.Text.RegularExpressions.Regex MaskedName = new(
        @"(?<![A-Za-z])[xX×ｘＸ*＊]{2,}(?![A-Za-z])", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    // A unit's currency in brackets inside the unit's own: 100(万元(人民币)), 780(万元(港币)) read as (万元人民币), (万元港币).
    private static readonly System.Text.RegularExpressions.Regex NestedBracket = new(
        @"(?<=[(（][^()（）]*)[(（](?<inner>[^()（）]+)[)）](?=[)）]$)", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    // Brackets left empty where a register's unit would stand: 10(), 3,100().
    private static readonly System.Text.RegularExpressions.Regex EmptyUnit = new(
        @"[(（]\s*[)）]$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static readonly System.Text.RegularExpressions.Regex BracketedUnit = new(
        @"[(（](?<unit>亿元|亿|万元|万)[)）]$|(?<=[万亿])[(（](?<unit>元)[)）]$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    // A month or a year alone (2010年5月, 2010-05, 2010年, 2010): read as its first day.
    private static readonly System.Text.RegularExpressions.Regex PartialDate = new(
        @"^(?<year>\d{4})(?:年|(?=[-/.]\d)|$)(?:[-/.]?(?<month>\d{1,2})月?)?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static readonly System.Text.RegularExpressions.Regex StaffBand = new(
        @"^(?:(?<low>\d{1,7})\s*(?:-|~|～|—|－|至|到)\s*\d{1,7}|(?<low>\d{1,7})\s*(?:\+|以上|及以上)|(?:大于|多于|超过)\s*(?<low>\d{1,7})|(?<below>小于|少于|不足|低于)\s*\d{1,7})$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// Words of a register's 企业类型 that name a legal or ownership form and no controller (有限责任公司, 普通合伙,
    /// 集体分支机构(非法人), 个体户, 农民专业合作社, 内资企业法人): no mistake, so no warning.
    /// </summary>
    private static readonly string[] LegalForms =
    [
        "有限责任公司", "股份有限公司", "有限公司", "合伙", "个体", "个人独资", "分公司", "分支机构", "股份合作", "合作社", "集体", "全民所有制", "联营",
        "非法人", "来料加工", "股份制", "企业法人",
    ];

    private static readonly char[] TagSeparators = ['|', '、', ',', '，', ';', '；', '/'];
    private static readonly char[] SegmentSeparators = ['|', '、', ';', '；', ',', '，'];
    private static readonly string[] Fields = [.. CompanyColumns.Fields];
    private static readonly int NameField = CompanyColumns.Ordinal(CompanyColumns.Name);
    private static readonly int UsccField = CompanyColumns.Ordinal(CompanyColumns.Uscc);
    private static readonly int RegionCodeField = CompanyColumns.Ordinal(CompanyColumns.RegionCode);
    private static readonly int ProvinceField = CompanyColumns.Ordinal(CompanyColumns.Province);
    private static readonly int CityField = CompanyColumns.Ordinal(CompanyColumns.City);
    private static readonly int CountyField = CompanyColumns.Ordinal(CompanyColumns.County);
    private static readonly int RegionField = CompanyColumns.Ordinal(CompanyColumns.Region);
    private static readonly int AddressField = CompanyColumns.Ordinal(CompanyColumns.Address);
    private static readonly int IndustryField = CompanyColumns.Ordinal(CompanyColumns.Industry);
    private static readonly int ProductsField = CompanyColumns.Ordinal(CompanyColumns.Products);
    private static readonly int ScopeField = CompanyColumns.Ordinal(CompanyColumns.Scope);
    private static readonly int SegmentField = CompanyColumns.Ordinal(CompanyColumns.Segment);
    private static readonly int RoleField = CompanyColumns.Ordinal(CompanyColumns.Role);
    private static readonly int CapitalField = CompanyColumns.Ordinal(CompanyColumns.RegisteredCapital);
    private static readonly int FoundedField = CompanyColumns.Ordinal(CompanyColumns.Founded);
    private static readonly int EmployeesField = CompanyColumns.Ordinal(CompanyColumns.Employees);
    private static readonly int RevenueField = CompanyColumns.Ordinal(CompanyColumns.Revenue);
    private static readonly int ListedField = CompanyColumns.Ordinal(CompanyColumns.ListedCode);
    private static readonly int CodeField = CompanyColumns.Ordinal(CompanyColumns.Code);
    private static readonly int TagsField = CompanyColumns.Ordinal(CompanyColumns.Tags);
    private static readonly int ControllerField = CompanyColumns.Ordinal(CompanyColumns.Controller);
    private static readonly int StatusField = CompanyColumns.Ordinal(CompanyColumns.Status);

    private readonly Dictionary<string, (string Province, string? City, string? County)> places = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RegionResolution> regionsByNames = new(StringComparer.Ordinal);
    private readonly RegionNameResolver names = new(regions);
    private readonly Dictionary<string, Domain.Segment?> exactSegments = new(StringComparer.Ordinal);

    /// <summary>Resolves a row given as canonical field → raw text.</summary>
    public ResolvedRow Resolve(string file, int line, IReadOnlyDictionary<string, string> row, string source)
    {
        ArgumentNullException.ThrowIfNull(row);
        var values = Fields.Select(f => row.TryGetValue(f, out var v) ? v : null).ToArray();
        return Resolve(file, line, values, Fields, source);
    }

    /// <summary>
    /// Resolves a row given as raw text per field ordinal (<see cref="CompanyColumns.Fields"/>);
    /// problems name the column as <paramref name="columnNames"/> gives it (the file's header).
    /// </summary>
    public ResolvedRow Resolve(string file, int line, IReadOnlyList<string?> values, IReadOnlyList<string> columnNames, string source)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(columnNames);
        List<ImportProblem>? problems = null;
        void Problem(int field, string? value, string reason, ProblemSeverity severity = ProblemSeverity.Error) =>
            (problems ??= []).Add(new ImportProblem(file, line, columnNames[field], value, reason, severity));
        string Get(int field) => Clean(values[field]);
        ResolvedRow Rejected() => new(null, problems!, false);

        // Long values are refused with the row, not cut: a cut value would look imported and be wrong.
        // (The name has its own, tighter limit below.)
        for (var field = 0; field < values.Count; field++)
        {
            if (field != NameField && values[field] is { Length: > ImportLimits.MaxFieldLength } tooLong)
            {
                Problem(field, tooLong[..50] + "…", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"a value of {tooLong.Length:N0} characters is longer than the limit of {ImportLimits.MaxFieldLength:N0} characters per field; the row was not imported — shorten the value"));
            }
        }

        if (problems is { Count: > 0 })
        {
            return Rejected();
        }

        var name = PlainText(values[NameField]);
        if (name.Length == 0)
        {
            Problem(NameField, name, "company name is empty");
            return Rejected();
        }

        // Before the placeholder checks: a name damaged to � and punctuation alone holds no letter either, and the damage is what to say.
        if (name.Contains('\uFFFD', StringComparison.Ordinal))
        {
            // U+FFFD is what a decoder writes for bytes it could not read: the text was decoded with the wrong encoding
            // and saved again before it reached this file, and the name cannot be read back from it.
            Problem(NameField, name[..Math.Min(name.Length, 50)] + (name.Length > 50 ? "…" : string.Empty),
                "the name holds � (U+FFFD), the mark a wrong decoding leaves: the row was damaged before it reached this file and cannot be read; take it again from its source");
            return Rejected();
        }

        if (PlaceholderName(name) is { } placeholder)
        {
            Problem(NameField, name, $"{placeholder}: the row names no company, so it is not imported");
            return Rejected();
        }

        if (name.AsSpan().IndexOfAny('\n', '\r') >= 0)
        {
            // A quote opened and never closed swallows the following lines into one field.
            Problem(NameField, name[..Math.Min(name.Length, 50)] + (name.Length > 50 ? "…" : string.Empty),
                "the company name spans several lines: probably a quote (\") opened and not closed on this line; fix the quotes and import again");
            return Rejected();
        }

        if (name.Length > 200)
        {
            Problem(NameField, name[..50] + "…", $"a company name of {name.Length} characters is not a name; check the column mapping");
            return Rejected();
        }

        var status = Get(StatusField);
        if (RegistrationStatus.Closed(status) is { } closed)
        {
            Problem(StatusField, status, $"the company is closed ({closed}): a closed company is no target, so the row is not imported (if it is already stored, delete it on its page)");
            return Rejected();
        }

        if (RegistrationStatus.MovedOut(status))
        {
            Problem(StatusField, status, "the company moved its registration away (迁出): the place in this row may be the old one; the row is imported as written", ProblemSeverity.Warning);
        }

        string? uscc = null;
        string? usccError = null;
        var usccText = Get(UsccField);
        if (usccText.Length > 0)
        {
            if (Uscc.TryParse(usccText, out var parsed, out var error))
            {
                uscc = parsed.Value;
            }
            else if (usccText.Length is 13 or 15 && usccText.All(char.IsAsciiDigit))
            {
                // Registers give a company closed before the unified code of 2015 its old 注册号 in this column.
                usccError = $"a business registration number (注册号, {usccText.Length} digits), not a USCC";
            }
            else
            {
                usccError = $"invalid USCC: {error}";
            }
        }

        // One delegate for the row's parsers (a method group converts to a new delegate at every call).
        Action<int, string?, string, ProblemSeverity> problem = Problem;
        // A bare 代码 column (Wind: 000001.SZ) is the listed code where its value is a stock code, and only then (ADR 0690).
        var listed = NullIfEmpty(Get(ListedField)) ?? StockCode(Get(CodeField));
        var region = ResolveRegion(Get, uscc, name, listed, problem);
        if (usccError is not null)
        {
            // A typo in the code, or an old 15-digit registration number in its column: the company is still a
            // company. It is imported without the code and identified by its name and region (docs/import.md),
            // unless nothing else places it.
            Problem(UsccField, usccText, region is null ? usccError : usccError + "; the company is imported without it and identified by its name and region",
                region is null ? ProblemSeverity.Error : ProblemSeverity.Warning);
        }

        if (region is null)
        {
            return Rejected();
        }

        var capital = ParseAmount(CapitalField, Get(CapitalField), problem);
        var revenue = ParseAmount(RevenueField, Get(RevenueField), problem);
        var employees = ParseCount(EmployeesField, Get(EmployeesField), problem);
        var founded = ParseDate(FoundedField, Get(FoundedField), problem);
        if (problems is not null && problems.Exists(p => p.Severity == ProblemSeverity.Error))
        {
            return Rejected();
        }

        var tagText = Get(TagsField);
        IReadOnlyList<string> tags = tagText.Length == 0
            ? []
            : tagText.Split(TagSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(ChineseText.ToSimplified).Distinct(StringComparer.Ordinal).ToList();
        var controllerText = Get(ControllerField);
        if (controllerText.Length > 0)
        {
            // The controller type (央企, 地方国企, …) is kept as a tag: it counts towards strength (docs/discovery.md).
            if (CompanyTags.Controller(controllerText) is { } controller)
            {
                if (!tags.Contains(controller))
                {
                    tags = [.. tags, controller];
                }
            }
            else if (ChineseText.Fold(controllerText) is var foldedType && !LegalForms.Any(form => foldedType.Contains(form, StringComparison.Ordinal)))
            {
                // A register's 企业类型 is often a legal form alone (有限责任公司): it says nothing of the controller, and is no mistake.
                Problem(ControllerField, controllerText, "names no known controller type (央企, 地方国企, 国有企业, 外资企业, 公众企业, 民营企业); the row is imported without one", ProblemSeverity.Warning);
            }
        }

        var products = NullIfEmpty(Get(ProductsField));
        var industry = Cap(NullIfEmpty(Get(IndustryField)), MaxIndustryLength);
        var scope = Cap(NullIfEmpty(Get(ScopeField)), MaxScopeLength);
        var role = NullIfEmpty(Get(RoleField));

        var memberships = new List<SegmentMembership>(2);
        var segmentText = Get(SegmentField);
        if (segmentText.Length > 0)
        {
            foreach (var part in segmentText.Split(SegmentSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!exactSegments.TryGetValue(part, out var segment))
                {
                    segment = segments.FindExact(part);
                    if (exactSegments.Count < 10_000)
                    {
                        exactSegments[part] = segment;
                    }
                }

                if (segment is not null)
                {
                    if (!HasSegment(memberships, segment.Code))
                    {
                        memberships.Add(new SegmentMembership(segment.Code, role ?? products, 1.0, string.Concat(columnNames[SegmentField], ": ", part), source));
                    }
                }
                else
                {
                    Problem(SegmentField, part, "no segment has this code, name or alias; the company is imported and matched from its products where possible", ProblemSeverity.Warning);
                }
            }
        }

        if (memberships.Count == 0)
        {
            // Below the classifier's threshold a membership is stored as 待确认 (unconfirmed).
            foreach (var match in segments.Classify(new CompanyText(name, industry, products, scope)))
            {
                memberships.Add(new SegmentMembership(
                    match.MembershipCode, role ?? products, match.Confidence, match.Evidence, MembershipSources.Classifier(source),
                    match.IsConfirmedByRule ? MembershipStatus.Confirmed : MembershipStatus.Unconfirmed));
            }
        }

        var (province, city, county) = Place(region.Code);
        var nameKey = ChineseText.NormalizeCompanyName(name);
        var record = new CompanyRecord(
            uscc is not null ? "u:" + uscc : "n:" + nameKey + "|" + region.Code,
            uscc,
            name,
            nameKey,
            region.Code,
            province,
            city,
            county,
            capital,
            founded,
            employees,
            revenue,
            listed,
            tags,
            products,
            NullIfEmpty(Get(AddressField)),
            CompanyStrength.Score(capital, revenue, employees, listed, tags, founded),
            memberships,
            industry,
            scope);
        return new(record, problems ?? (IReadOnlyList<ImportProblem>)[], memberships.Count == 0);
    }

    /// <summary>Text as stored: trimmed, NULs dropped; a leading formula character is kept as text, never evaluated (exports neutralise it).</summary>
    internal static string PlainText(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var trimmed = value.Trim();
        return trimmed.Contains('\0', StringComparison.Ordinal) ? trimmed.Replace("\0", string.Empty, StringComparison.Ordinal) : trimmed;
    }

    /// <summary>
    /// A name with a delimiter or a quote in it is a row the file's quoting broke (several cells read as one), not a
    /// company's name: its start is no place to trust.
    /// </summary>
    private static bool LooksLikeOneName(string name) => name.Length <= 100 && name.AsSpan().IndexOfAny(",;\t\"|") < 0;

    /// <summary>True when a cell holds no value: empty, blank, or one of the usual "no value" markers (-, N/A, 暂无 …).</summary>
    internal static bool IsBlank(string? value) => Clean(value).Length == 0;

    /// <summary>
    /// Why a company name names no company, or null: a "no value" marker (N/A, -, 无), a spreadsheet's error value (#N/A,
    /// #REF!), no letter at all (0, ???), or a template or masked name (某某有限公司, XX科技有限公司, 湖北***有限公司).
    /// </summary>
    internal static string? PlaceholderName(string name)
    {
        if (Clean(name).Length == 0)
        {
            return "the name is a \"no value\" marker";
        }

        if (SpreadsheetError.IsMatch(name))
        {
            return "the name is a spreadsheet's error value";
        }

        if (!HasLetter(name))
        {
            return "the name holds no letter or Chinese character";
        }

        if (CompanyColumns.FieldOf(name) == CompanyColumns.Name)
        {
            // 企业名称 or 公司名称 in the name column: a second header row (two tables pasted one under the other).
            return "the name is a column header (企业名称, 公司名称): a header row repeated inside the table";
        }

        if (PlaceholderWord.IsMatch(ChineseText.Fold(name)))
        {
            return "the name is a placeholder (测试, 示例, test, demo)";
        }

        // 某 stands for a word left out (随州市某专用汽车有限公司, 某公司): no name of 560,000 registered companies
        // (elevencats, 2000–2004) holds it.
        return name.Contains('某', StringComparison.Ordinal) || MaskedName.IsMatch(name) ? "the name is a template or masked (某某, XX, ***)" : null;
    }

    private static bool HasLetter(string name)
    {
        foreach (var c in name)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><see cref="PlainText"/>, with the usual "no value" markers (-, 无, N/A, ...) read as empty.</summary>
    private static string Clean(string? value)
    {
        var text = PlainText(value);
        return text.Length is > 0 and <= 4 && Array.IndexOf(BlankMarkers, text) >= 0 ? string.Empty : text;
    }

    private (string Province, string? City, string? County) Place(string code)
    {
        if (!places.TryGetValue(code, out var place))
        {
            places[code] = place = regions.Place(code);
        }

        return place;
    }

    /// <summary>
    /// 6 digits, with or without .SZ / .SH / .BJ (000001.SZ, 600000): a stock code, as written; anything else (a region code
    /// 430100, an internal number) is none.
    /// </summary>
    private string? StockCode(string text)
    {
        if (text.Length is not (6 or 9) || !text[..6].All(char.IsAsciiDigit))
        {
            return null;
        }

        if (text.Length == 9 && !(text[6] == '.' && text[7..].ToUpperInvariant() is "SZ" or "SH" or "BJ"))
        {
            return null;
        }

        return text.Length == 6 && (regions.Find(text) ?? regions.FindRetiredCode(text)) is not null ? null : text;
    }

    /// <summary>
    /// The row's division. A region cell that writes, in brackets, where the company is registered (佛山市(注册江门), 广州市（注册地：
    /// 东莞）) names its seat: the bracket's place wins over the rest of the row unless the rest names a place inside it (ADR 0690).
    /// </summary>
    private Region? ResolveRegion(Func<int, string> get, string? uscc, string name, string? listed, Action<int, string?, string, ProblemSeverity> problem)
    {
        foreach (var field in RegionFields)
        {
            var value = get(field);
            if (value.Length > 0 && value.Contains('注', StringComparison.Ordinal) && RegisteredAt.Match(value) is { Success: true } match)
            {
                return ResolveRegisteredAt(get, field, value, match, uscc, name, listed, problem);
            }
        }

        return ResolveRegionCore(get, uscc, name, listed, problem);
    }

    /// <summary>
    /// The row's division when the cell <paramref name="field"/> names the seat in brackets (<paramref name="match"/>). Apart from
    /// <see cref="ResolveRegion"/> so that the closures it needs are allocated for such rows only, not for every row of an import.
    /// </summary>
    private Region? ResolveRegisteredAt(Func<int, string> get, int field, string value, System.Text.RegularExpressions.Match match, string? uscc, string name, string? listed, Action<int, string?, string, ProblemSeverity> problem)
    {
        var rest = value.Remove(match.Index, match.Length).Trim();
        string Without(int f) => f == field ? rest : get(f);
        // The bracket is a place on its own: its most specific division (龙岩上杭 → 上杭县), else the place it starts with
        // as a name's start is read (河北保定, 中山小榄: 河北 and 中山 are also districts of 天津 and 大连, which the
        // address reading leaves as ambiguous at a text's start).
        var place = match.Groups["place"].Value;
        var seat = names.FromText(place).Region ?? names.FromNamePrefix(place + "公司");
        if (seat is null)
        {
            // The bracket names no place that can be found: the row is read without it.
            return ResolveRegionCore(Without, uscc, name, listed, problem);
        }

        var held = new List<(int Field, string? Value, string Reason, ProblemSeverity Severity)>();
        var others = ResolveRegionCore(Without, uscc, name, listed, (f, v, r, s) => held.Add((f, v, r, s)));
        if (others is not null && regions.IsWithin(others.Code, seat.Code))
        {
            foreach (var p in held)
            {
                problem(p.Field, p.Value, p.Reason, p.Severity);
            }

            return others;
        }

        problem(field, value, $"the cell names where the company is registered, {match.Value.Trim()}: the company is placed there, in {seat.Name}"
            + (others is null ? string.Empty : $", not in {others.Name}"), ProblemSeverity.Warning);
        return seat;
    }

    private static readonly int[] RegionFields = [ProvinceField, CityField, CountyField, RegionField, AddressField];

    /// <summary>(注册江门), （注册地：东莞）, (注册地址 福州马尾): a place in brackets after 注册 / 注册地 / 注册地址.</summary>
    private static readonly System.Text.RegularExpressions.Regex RegisteredAt = new(@"[(（]\s*注册(?:地址|地)?\s*[:：]?\s*(?<place>[^()（）:：]{2,30}?)\s*[)）]", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private Region? ResolveRegionCore(Func<int, string> get, string? uscc, string name, string? listed, Action<int, string?, string, ProblemSeverity> problem)
    {
        var province = get(ProvinceField);
        var city = get(CityField);
        var county = get(CountyField);
        var regionText = get(RegionField);
        var address = get(AddressField);
        var hasNames = province.Length + city.Length + county.Length > 0;

        var code = get(RegionCodeField);
        if (code.Length > 0)
        {
            if (code.EndsWith(".0", StringComparison.Ordinal))
            {
                code = code[..^2];
            }

            if ((regions.Find(code) ?? regions.FindRetiredCode(code)) is { } byCode)
            {
                // A retired code (开县 500234) stands for the division its territory is in now (开州区 500154).
                return byCode;
            }

            if (!hasNames && regionText.Length == 0 && address.Length == 0)
            {
                problem(RegionCodeField, code, "not a GB/T 2260 division code", ProblemSeverity.Error);
                return null;
            }

            problem(RegionCodeField, code, "not a GB/T 2260 division code; the region is taken from the other region columns", ProblemSeverity.Warning);
        }

        (int Field, string Value, string Reason)? firstError = null;
        if (hasNames)
        {
            var key = string.Concat(province, "\u0001", city, "\u0001", county, "\u0001", regionText);
            if (!regionsByNames.TryGetValue(key, out var answer))
            {
                answer = names.ResolveNames(province, city, county, null, regionText);
                if (regionsByNames.Count < 100_000)
                {
                    regionsByNames[key] = answer;
                }
            }

            if (address.Length > 0 && answer.Region?.Level != RegionLevel.County)
            {
                // The names stop short of a county: the address may name it (not cached: addresses differ per row).
                answer = names.ResolveNames(province, city, county, address, regionText);
            }

            if (answer.Region is not null)
            {
                foreach (var note in answer.Notes)
                {
                    problem(FieldOf(note.Part), note.Value, note.Reason, ProblemSeverity.Warning);
                }

                return answer.Region;
            }

            if (answer.Notes.FirstOrDefault(n => n.Part != RegionPart.Text) is { } failed)
            {
                firstError = (FieldOf(failed.Part), failed.Value, failed.Reason);
            }
        }

        if (regionText.Length > 0)
        {
            var (found, reason) = names.FromText(regionText);
            if (found is not null)
            {
                return found;
            }

            firstError ??= (RegionField, regionText, reason!);
        }

        string? addressReason = null;
        if (address.Length > 0)
        {
            var (found, reason) = names.FromText(address);
            if (found is not null)
            {
                return found;
            }

            addressReason = reason;
        }

        if (uscc is not null && (regions.Find(uscc.Substring(2, 6)) ?? regions.FindRetiredCode(uscc.Substring(2, 6))) is { } registered)
        {
            return registered;
        }

        if (firstError is null && (addressReason is null or "no region is named in this text"))
        {
            // Nothing else names a place. The company's name may (深圳市…, 南京…: a listed company's or a vendor list's name
            // usually starts with one; a group's branch names it after 集团/公司: 中国宝安集团上海实业公司), and a stock code
            // names its company's seat (ADR 0690). A warning, so that an analyst can check it.
            var oneName = LooksLikeOneName(name);
            var named = oneName ? names.FromNamePrefix(name) : null;
            var how = "the place its name starts with";
            if (named is null && oneName && names.FromGroupBranch(name) is { } branch)
            {
                (named, how) = (branch, "the place its name names after 集团/公司 (a group's branch)");
            }

            var seat = regions.ListedSeat(listed);
            if (seat is not null && (named is null || !regions.IsWithin(named.Code, seat.Code)))
            {
                problem(NameField, name, $"no region column, address or credit code names a place: the company is placed in {seat.Name}, the seat of its stock code {listed} (data/listed-seats.csv)"
                    + (named is null ? string.Empty : $", not in {named.Name}, {how}") + "; check it", ProblemSeverity.Warning);
                return seat;
            }

            if (named is not null)
            {
                problem(NameField, name, $"no region column, address or credit code names a place: the company is placed in {named.Name}, {how}"
                    + (seat is null ? string.Empty : $", within its stock code's seat {seat.Name}") + "; check it", ProblemSeverity.Warning);
                return named;
            }
        }

        if (firstError is { } error)
        {
            // Not even a province: the first name that was not found (or was ambiguous) says why.
            problem(error.Field, error.Value, error.Reason, ProblemSeverity.Error);
            return null;
        }

        problem(AddressField, address, addressReason is not null && addressReason.StartsWith("ambiguous", StringComparison.Ordinal)
            ? addressReason
            : "no region: give a region code, province/city/county names, a region or an address", ProblemSeverity.Error);
        return null;
    }

    private static int FieldOf(RegionPart part) => part switch
    {
        RegionPart.Province => ProvinceField,
        RegionPart.City => CityField,
        RegionPart.County => CountyField,
        _ => AddressField,
    };

    private static decimal? ParseAmount(int field, string text, Action<int, string?, string, ProblemSeverity> problem)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var plain) && WanYuan.InRange(plain))
        {
            return plain;
        }

        var flat = NestedBracket.Replace(text, "${inner}");
        if (CurrencyRates.Default.Find(flat) is var (currency, written))
        {
            // 652.68(万美元), 8(万元美元), 500万港币, USD 5,000,000: the currency's name stands where 元 would, so the
            // amount reads as one in 元 would (万 of the currency here), then turns into 元 at the table's rate.
            var asYuan = flat.Replace(written, "元", StringComparison.Ordinal).Replace("元元", "元", StringComparison.Ordinal).Trim();
            if (asYuan.StartsWith('元'))
            {
                asYuan = asYuan[1..].Trim() + "元";
            }

            if (ReadYuanAmount(asYuan) is { } wanOfCurrency && Math.Round(wanOfCurrency * currency.YuanPerUnit, 4) is var converted && WanYuan.InRange(converted))
            {
                return converted;
            }

            problem(field, text, $"not an amount in {written} (e.g. 500万{written}, 652.68(万{written})): the company is imported without this value", ProblemSeverity.Warning);
            return null;
        }

        if (ReadYuanAmount(flat) is { } amount)
        {
            return amount;
        }

        problem(field, text, "not a non-negative amount in 万元 (e.g. 500, 1,200.5, 500万元, 1.2亿): the company is imported without this value", ProblemSeverity.Warning);
        return null;
    }

    /// <summary>An amount in 万元 as written in 元, 万元 or 亿 (brackets, separators and 人民币 allowed), or null.</summary>
    private static decimal? ReadYuanAmount(string text)
    {
        var cleaned = text.Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal)
            .Replace("人民币", "", StringComparison.Ordinal).Replace("RMB", "", StringComparison.OrdinalIgnoreCase).Replace("CNY", "", StringComparison.OrdinalIgnoreCase)
            .Replace("¥", "", StringComparison.Ordinal).Replace("￥", "", StringComparison.Ordinal)
            .Replace("万元元", "万元", StringComparison.Ordinal); // 60(万元人民币元), as the 2004 陕西 register writes it

        // A register writes the unit in brackets: 50(万元人民币), 5,711.19(万元), 1,500(万), 5000万(元); 800(元) alone says
        // too little to guess (元 or 万元?), and stays unread.
        // Empty brackets (10()) say no unit, as a bare number does: 万元.
        cleaned = BracketedUnit.Replace(EmptyUnit.Replace(cleaned, ""), "${unit}");
        if (CompoundAmount.Match(cleaned) is { Success: true } compound)
        {
            // 1亿2000万 (register style): 亿 and 万 written together.
            var yi = decimal.Parse(compound.Groups["yi"].Value, NumberStyles.Number, CultureInfo.InvariantCulture);
            var wan = decimal.Parse(compound.Groups["wan"].Value, NumberStyles.Number, CultureInfo.InvariantCulture);
            if (yi <= WanYuan.Limit / 10_000m && WanYuan.InRange((yi * 10_000m) + wan))
            {
                return (yi * 10_000m) + wan;
            }
        }

        var factor = 1m;
        foreach (var (unit, unitFactor) in new[] { ("亿元", 10_000m), ("亿", 10_000m), ("万元", 1m), ("万", 1m), ("元", 0.0001m) })
        {
            if (cleaned.EndsWith(unit, StringComparison.Ordinal))
            {
                cleaned = cleaned[..^unit.Length];
                factor = unitFactor;
                break;
            }
        }

        return decimal.TryParse(cleaned, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value <= WanYuan.Limit && WanYuan.InRange(value * factor)
            ? value * factor
            : null;
    }

    private static int? ParseCount(int field, string text, Action<int, string?, string, ProblemSeverity> problem)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var cleaned = text.Replace(",", "", StringComparison.Ordinal).Replace("人", "", StringComparison.Ordinal).Trim();
        if (cleaned.EndsWith(".0", StringComparison.Ordinal))
        {
            cleaned = cleaned[..^2];
        }

        if (int.TryParse(cleaned, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0)
        {
            return value;
        }

        if (StaffBand.Match(cleaned) is { Success: true } band)
        {
            // A register's 人员规模 band (50-99人, 1000人以上) is read as its lower bound; "fewer than 50" has none.
            return band.Groups["below"].Success ? null : int.Parse(band.Groups["low"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        problem(field, text, "not a whole non-negative number of people (or a band such as 50-99人, 1000人以上): the company is imported without this value", ProblemSeverity.Warning);
        return null;
    }

    /// <summary>
    /// A date written yyyy-MM-dd (four, two and two ASCII digits) that exists, or null for anything else: what
    /// <see cref="DateOnly.TryParseExact(string, string, IFormatProvider, DateTimeStyles, out DateOnly)"/> reads with that format.
    /// </summary>
    internal static DateOnly? IsoDate(string text)
    {
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
        {
            return null;
        }

        var value = 0;
        for (var i = 0; i < 10; i++)
        {
            if (i is 4 or 7)
            {
                continue;
            }

            var digit = text[i] - '0';
            if (digit is < 0 or > 9)
            {
                return null;
            }

            value = (value * 10) + digit;
        }

        var (year, month, day) = (value / 10_000, value / 100 % 100, value % 100);
        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    private static DateOnly? ParseDate(int field, string text, Action<int, string?, string, ProblemSeverity> problem)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (IsoDate(text) is { } plain)
        {
            // The usual form, read without the culture's parser (about a third of a row's reading otherwise).
            if (plain.Year is >= 1800 and <= 2100)
            {
                return plain;
            }
        }
        else if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            if (iso.Year is >= 1800 and <= 2100)
            {
                return iso;
            }
        }
        else if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 1800 and <= 2100)
        {
            return DateOnly.FromDateTime(date);
        }
        else if (text.Length == 5 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial >= 1)
        {
            // An Excel date serial (days since 1899-12-30) in a cell that was not formatted as a date.
            return new DateOnly(1899, 12, 30).AddDays(serial);
        }
        else if (PartialDate.Match(text) is { Success: true } partial)
        {
            var year = int.Parse(partial.Groups["year"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
            var month = partial.Groups["month"].Success ? int.Parse(partial.Groups["month"].Value, NumberStyles.None, CultureInfo.InvariantCulture) : 1;
            if (year is >= 1800 and <= 2100 && month is >= 1 and <= 12)
            {
                return new DateOnly(year, month, 1);
            }
        }

        problem(field, text, "not a date (expected e.g. 2015-06-30, 2015/6/30 or 2015年6月30日): the company is imported without this value", ProblemSeverity.Warning);
        return null;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    /// <summary>Whether <paramref name="memberships"/> holds <paramref name="code"/> (a loop: no closure per segment of a row).</summary>
    private static bool HasSegment(List<SegmentMembership> memberships, string code)
    {
        foreach (var membership in memberships)
        {
            if (membership.SegmentCode == code)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The industry and scope texts are kept on the company so that a re-classification sees what the
    /// import saw; they are capped (the classifier reads the capped text too) so one pasted register
    /// extract cannot bloat the store.
    /// </summary>
    internal const int MaxIndustryLength = 200;

    internal const int MaxScopeLength = 2000;

    internal static string? Cap(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
