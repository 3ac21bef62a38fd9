using System.Globalization;
using ChainMap.Chains;
using ChainMap.Domain;
using ChainMap.Regions;
using ChainMap.Storage;
using ChainMap.Text;

namespace ChainMap.Import;

/// <summary>A row turned into a company, or the reasons it could not be; unassigned rows still import.</summary>
public sealed record ResolvedRow(CompanyRecord? Record, IReadOnlyList<ImportProblem> Problems, bool Unassigned);

/// <summary>
/// Turns one row of a company file into a <see cref="CompanyRecord"/>: validates the USCC, finds
/// the region (code; province/city/county names with or without suffix in either script; a region
/// text; the address; else the region digits of the USCC; an ambiguous name is reported, never
/// guessed), finds segments (code, name or alias; else keywords in the product, industry and name
/// text, with confidence and evidence), parses amounts, counts and dates, and keeps every text
/// exactly as written (a leading '=' is stored as text, never evaluated).
/// </summary>
public sealed class CompanyRowResolver(RegionCatalog regions, SegmentMatcher segments)
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy/M/d", "yyyy/MM/dd", "yyyy-M-d", "yyyy.M.d", "yyyy.MM.dd", "yyyyMMdd", "yyyy年M月d日", "yyyy年MM月dd日",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd H:mm:ss", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm", "yyyy-MM-ddTHH:mm:ss",
    ];

    private static readonly string[] BlankMarkers = ["-", "--", "—", "——", "/", "n/a", "N/A", "NA", "null", "NULL", "无", "暂无", "空", "(空)", "（空）"];

    private static readonly string[] ForeignCurrencies = ["美元", "港元", "港币", "欧元", "日元", "英镑", "新台币", "澳元", "USD", "HKD", "EUR", "JPY", "GBP"];

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
    private static readonly int SegmentField = CompanyColumns.Ordinal(CompanyColumns.Segment);
    private static readonly int RoleField = CompanyColumns.Ordinal(CompanyColumns.Role);
    private static readonly int CapitalField = CompanyColumns.Ordinal(CompanyColumns.RegisteredCapital);
    private static readonly int FoundedField = CompanyColumns.Ordinal(CompanyColumns.Founded);
    private static readonly int EmployeesField = CompanyColumns.Ordinal(CompanyColumns.Employees);
    private static readonly int RevenueField = CompanyColumns.Ordinal(CompanyColumns.Revenue);
    private static readonly int ListedField = CompanyColumns.Ordinal(CompanyColumns.ListedCode);
    private static readonly int TagsField = CompanyColumns.Ordinal(CompanyColumns.Tags);
    private static readonly int ControllerField = CompanyColumns.Ordinal(CompanyColumns.Controller);

    private readonly Dictionary<string, (string Province, string? City, string? County)> places = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RegionAnswer> regionsByNames = new(StringComparer.Ordinal);
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

        var name = PlainText(values[NameField]);
        if (name.Length == 0)
        {
            Problem(NameField, name, "company name is empty");
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

        string? uscc = null;
        var usccText = Get(UsccField);
        if (usccText.Length > 0)
        {
            if (!Uscc.TryParse(System.Text.Ascii.IsValid(usccText) ? usccText : usccText.Normalize(System.Text.NormalizationForm.FormKC), out var parsed, out var error))
            {
                Problem(UsccField, usccText, $"invalid USCC: {error}");
                return Rejected();
            }

            uscc = parsed.Value;
        }

        var region = ResolveRegion(Get, uscc, Problem);
        if (region is null)
        {
            return Rejected();
        }

        var capital = ParseAmount(CapitalField, Get(CapitalField), Problem);
        var revenue = ParseAmount(RevenueField, Get(RevenueField), Problem);
        var employees = ParseCount(EmployeesField, Get(EmployeesField), Problem);
        var founded = ParseDate(FoundedField, Get(FoundedField), Problem);
        if (problems is { Count: > 0 })
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
            else
            {
                Problem(ControllerField, controllerText, "names no known controller type (央企, 地方国企, 国有企业, 外资企业, 公众企业, 民营企业); the row is imported without one", ProblemSeverity.Warning);
            }
        }

        var listed = NullIfEmpty(Get(ListedField));
        var products = NullIfEmpty(Get(ProductsField));
        var industry = NullIfEmpty(Get(IndustryField));
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
                    if (memberships.TrueForAll(m => m.SegmentCode != segment.Code))
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
            var text = string.Join(' ', new[] { products, industry, name }.Where(t => t is not null));
            foreach (var match in segments.MatchText(text, limit: 2))
            {
                memberships.Add(new SegmentMembership(match.Segment.Code, role ?? products, match.Confidence, $"keywords: {match.Evidence}", source));
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
            CompanyStrength.Score(capital, revenue, employees, listed, tags),
            memberships);
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

    private Region? ResolveRegion(Func<int, string> get, string? uscc, Action<int, string?, string, ProblemSeverity> problem)
    {
        var code = get(RegionCodeField);
        if (code.Length > 0)
        {
            if (code.EndsWith(".0", StringComparison.Ordinal))
            {
                code = code[..^2];
            }

            if (regions.Find(code) is { } byCode)
            {
                return byCode;
            }

            problem(RegionCodeField, code, "not a GB/T 2260 division code", ProblemSeverity.Error);
            return null;
        }

        var province = get(ProvinceField);
        var city = get(CityField);
        var county = get(CountyField);
        if (province.Length + city.Length + county.Length > 0)
        {
            var key = string.Concat(province, "\u0001", city, "\u0001", county);
            if (!regionsByNames.TryGetValue(key, out var answer))
            {
                answer = ResolveNames(province, city, county);
                if (regionsByNames.Count < 100_000)
                {
                    regionsByNames[key] = answer;
                }
            }

            if (answer.Region is null)
            {
                problem(answer.Field, answer.Value, answer.Reason!, ProblemSeverity.Error);
            }

            return answer.Region;
        }

        var regionText = get(RegionField);
        if (regionText.Length > 0)
        {
            var (found, reason) = FromText(regionText);
            if (found is null)
            {
                problem(RegionField, regionText, reason!, ProblemSeverity.Error);
            }

            return found;
        }

        var address = get(AddressField);
        string? addressReason = null;
        if (address.Length > 0)
        {
            var (found, reason) = FromText(address);
            if (found is not null)
            {
                return found;
            }

            addressReason = reason;
        }

        if (uscc is not null && regions.Find(uscc.Substring(2, 6)) is { } registered)
        {
            return registered;
        }

        problem(AddressField, address, addressReason is not null && addressReason.StartsWith("ambiguous", StringComparison.Ordinal)
            ? addressReason
            : "no region: give a region code, province/city/county names, a region or an address", ProblemSeverity.Error);
        return null;
    }

    private RegionAnswer ResolveNames(string province, string city, string county)
    {
        Region? scope = null;
        foreach (var (field, value, level) in new[] { (ProvinceField, province, RegionLevel.Province), (CityField, city, RegionLevel.City), (CountyField, county, RegionLevel.County) })
        {
            if (value.Length == 0)
            {
                continue;
            }

            var candidates = regions.FindByName(value)
                .Where(r => scope is null || regions.IsWithin(r.Code, scope.Code))
                .ToList();
            var atLevel = candidates.Where(r => r.Level == level).ToList();
            if (atLevel.Count > 0)
            {
                candidates = atLevel;
            }

            if (candidates.Count == 0)
            {
                return new(null, field, value, scope is null ? "no region has this name" : $"no region of this name lies in {scope.Name}");
            }

            if (candidates.Count > 1)
            {
                return new(null, field, value, Ambiguous(candidates));
            }

            scope = candidates[0];
        }

        return new(scope, 0, null, null);
    }

    private string Ambiguous(IReadOnlyList<Region> candidates) =>
        $"ambiguous: {string.Join("、", candidates.Select(c => $"{string.Concat(regions.Lineage(c.Code).Where(r => !RegionCatalog.IsPlaceholder(r.Name)).Select(r => r.Name))} ({c.Code})"))}; give the province or city, or the region code";

    /// <summary>The most specific division named at the start of a text (省 → 市 → 区县), never a guess between several.</summary>
    private (Region? Region, string? Reason) FromText(string text)
    {
        var folded = ChineseText.Fold(text).Replace("-", "", StringComparison.Ordinal).Replace("/", "", StringComparison.Ordinal);
        Region? found = null;
        IReadOnlyList<Region>? ambiguous = null;
        var position = 0;
        for (var depth = 0; depth < 3; depth++)
        {
            Region? next = null;
            for (var length = Math.Min(12, folded.Length - position); length >= 2; length--)
            {
                var candidates = regions.FindByName(folded.Substring(position, length))
                    .Where(r => found is null || (regions.IsWithin(r.Code, found.Code) && r.Code != found.Code))
                    .ToList();
                if (candidates.Count == 1)
                {
                    next = candidates[0];
                    position += length;
                    break;
                }

                if (candidates.Count > 1 && ambiguous is null)
                {
                    ambiguous = candidates;
                }
            }

            if (next is null)
            {
                break;
            }

            found = next;
            ambiguous = null;
        }

        if (found is not null)
        {
            return (found, null);
        }

        return ambiguous is not null ? (null, Ambiguous(ambiguous)) : (null, "no region is named at the start of this text");
    }

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

        var currency = Array.Find(ForeignCurrencies, c => text.Contains(c, StringComparison.OrdinalIgnoreCase));
        if (currency is not null)
        {
            problem(field, text, $"amount in {currency}: give it in 万元 (CNY)", ProblemSeverity.Error);
            return null;
        }

        var cleaned = text.Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal)
            .Replace("人民币", "", StringComparison.Ordinal).Replace("RMB", "", StringComparison.OrdinalIgnoreCase).Replace("CNY", "", StringComparison.OrdinalIgnoreCase)
            .Replace("¥", "", StringComparison.Ordinal).Replace("￥", "", StringComparison.Ordinal);
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

        if (decimal.TryParse(cleaned, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value <= WanYuan.Limit && WanYuan.InRange(value * factor))
        {
            return value * factor;
        }

        problem(field, text, "not a non-negative amount in 万元 (e.g. 500, 1,200.5, 500万元, 1.2亿)", ProblemSeverity.Error);
        return null;
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

        problem(field, text, "not a whole non-negative number of people", ProblemSeverity.Error);
        return null;
    }

    private static DateOnly? ParseDate(int field, string text, Action<int, string?, string, ProblemSeverity> problem)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
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

        problem(field, text, "not a date (expected e.g. 2015-06-30, 2015/6/30 or 2015年6月30日)", ProblemSeverity.Error);
        return null;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private sealed record RegionAnswer(Region? Region, int Field, string? Value, string? Reason);
}
