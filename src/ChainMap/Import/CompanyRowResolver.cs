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
/// Turns one row of a company file (canonical field → raw text) into a <see cref="CompanyRecord"/>:
/// validates the USCC, finds the region (code, names with or without suffix, address, or the region
/// digits of the USCC), finds segments (code, name, alias, or keywords in the product text), parses
/// numbers and dates, and neutralises formula-looking text.
/// </summary>
public sealed class CompanyRowResolver(RegionCatalog regions, SegmentMatcher segments)
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy/MM/dd", "yyyy-M-d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日", "yyyy-MM-dd HH:mm:ss", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm"];

    public ResolvedRow Resolve(string file, int line, IReadOnlyDictionary<string, string> row, string source)
    {
        var problems = new List<ImportProblem>();
        string Get(string field) => row.TryGetValue(field, out var v) ? PlainText(v) : string.Empty;

        var name = Get(CompanyColumns.Name);
        if (name.Length == 0)
        {
            problems.Add(new(file, line, CompanyColumns.Name, name, "company name is empty"));
            return new(null, problems, false);
        }

        string? uscc = null;
        var usccText = Get(CompanyColumns.Uscc);
        if (usccText.Length > 0)
        {
            if (!Uscc.TryParse(usccText, out var parsed, out var error))
            {
                problems.Add(new(file, line, CompanyColumns.Uscc, usccText, $"invalid USCC: {error}"));
                return new(null, problems, false);
            }

            uscc = parsed.Value;
        }

        var region = ResolveRegion(file, line, Get, uscc, problems);
        if (region is null)
        {
            return new(null, problems, false);
        }

        var capital = ParseDecimal(file, line, CompanyColumns.RegisteredCapital, Get(CompanyColumns.RegisteredCapital), problems);
        var revenue = ParseDecimal(file, line, CompanyColumns.Revenue, Get(CompanyColumns.Revenue), problems);
        var employees = ParseInt(file, line, Get(CompanyColumns.Employees), problems);
        var founded = ParseDate(file, line, Get(CompanyColumns.Founded), problems);
        if (problems.Count > 0)
        {
            return new(null, problems, false);
        }

        var tags = Get(CompanyColumns.Tags)
            .Split(['|', '、', ',', '，', ';', '；', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(ChineseText.ToSimplified)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var listed = NullIfEmpty(Get(CompanyColumns.ListedCode));
        var products = NullIfEmpty(Get(CompanyColumns.Products));
        var industry = NullIfEmpty(Get(CompanyColumns.Industry));
        var role = NullIfEmpty(Get(CompanyColumns.Role));

        var memberships = new List<SegmentMembership>();
        var segmentText = Get(CompanyColumns.Segment);
        foreach (var part in segmentText.Split(['|', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (segments.FindExact(part) is { } segment)
            {
                memberships.Add(new SegmentMembership(segment.Code, role ?? products, 1.0, $"{CompanyColumns.Segment}: {part}", source));
            }
            else
            {
                problems.Add(new(file, line, CompanyColumns.Segment, part, "no segment has this code, name or alias; the company is imported, matched from its products where possible"));
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

        var (province, city, county) = regions.Place(region.Code);
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
            NullIfEmpty(Get(CompanyColumns.Address)),
            CompanyStrength.Score(capital, revenue, employees, listed, tags),
            memberships);
        return new(record, problems, memberships.Count == 0);
    }

    /// <summary>Text as stored: trimmed; a leading formula character is kept as text, never evaluated (the exports neutralise it).</summary>
    internal static string PlainText(string? value) => (value ?? string.Empty).Trim().Replace("\0", string.Empty, StringComparison.Ordinal);

    private Region? ResolveRegion(string file, int line, Func<string, string> get, string? uscc, List<ImportProblem> problems)
    {
        var code = get(CompanyColumns.RegionCode);
        if (code.Length > 0)
        {
            if (regions.Find(code) is { } byCode)
            {
                return byCode;
            }

            problems.Add(new(file, line, CompanyColumns.RegionCode, code, "not a GB/T 2260 division code"));
            return null;
        }

        var province = get(CompanyColumns.Province);
        var city = get(CompanyColumns.City);
        var county = get(CompanyColumns.County);
        Region? scope = null;
        foreach (var (field, value, level) in new[] { (CompanyColumns.Province, province, RegionLevel.Province), (CompanyColumns.City, city, RegionLevel.City), (CompanyColumns.County, county, RegionLevel.County) })
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
                problems.Add(new(file, line, field, value, scope is null ? "no region has this name" : $"no region of this name lies in {scope.Name}"));
                return null;
            }

            if (candidates.Count > 1)
            {
                problems.Add(new(file, line, field, value, $"ambiguous: {string.Join("、", candidates.Select(c => $"{string.Concat(regions.Lineage(c.Code).Select(r => r.Name))} ({c.Code})"))}; give the province or city, or the region code"));
                return null;
            }

            scope = candidates[0];
        }

        if (scope is not null)
        {
            return scope;
        }

        var address = get(CompanyColumns.Address);
        if (address.Length > 0 && FromAddress(address) is { } fromAddress)
        {
            return fromAddress;
        }

        if (uscc is not null && regions.Find(uscc.Substring(2, 6)) is { } registered)
        {
            return registered;
        }

        problems.Add(new(file, line, CompanyColumns.Address, address, "no region: give a region code, province/city/county names or an address"));
        return null;
    }

    /// <summary>The most specific division named at the start of an address (省 → 市 → 区县), unambiguous only.</summary>
    private Region? FromAddress(string address)
    {
        var folded = ChineseText.Fold(address);
        Region? found = null;
        var position = 0;
        for (var depth = 0; depth < 3; depth++)
        {
            Region? next = null;
            for (var length = Math.Min(12, folded.Length - position); length >= 2; length--)
            {
                var candidates = regions.FindByName(folded.Substring(position, length))
                    .Where(r => found is null || regions.IsWithin(r.Code, found.Code))
                    .Where(r => found is null || r.Code != found.Code)
                    .ToList();
                if (candidates.Count == 1)
                {
                    next = candidates[0];
                    position += length;
                    break;
                }
            }

            if (next is null)
            {
                break;
            }

            found = next;
        }

        return found;
    }

    private static decimal? ParseDecimal(string file, int line, string field, string text, List<ImportProblem> problems)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var cleaned = text.Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal)
            .Replace("万元", "", StringComparison.Ordinal).Replace("万人民币", "", StringComparison.Ordinal).Replace("万", "", StringComparison.Ordinal)
            .Replace("人民币", "", StringComparison.Ordinal).Replace("元", "", StringComparison.Ordinal).Trim();
        if (decimal.TryParse(cleaned, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= 0 && value < 1_000_000_000_000m)
        {
            return value;
        }

        problems.Add(new(file, line, field, text, "not a non-negative amount in 万元"));
        return null;
    }

    private static int? ParseInt(string file, int line, string text, List<ImportProblem> problems)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var cleaned = text.Replace(",", "", StringComparison.Ordinal).Replace("人", "", StringComparison.Ordinal).Trim();
        if (int.TryParse(cleaned, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0)
        {
            return value;
        }

        problems.Add(new(file, line, CompanyColumns.Employees, text, "not a whole non-negative number of people"));
        return null;
    }

    private static DateOnly? ParseDate(string file, int line, string text, List<ImportProblem> problems)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year is >= 1800 and <= 2100)
        {
            return DateOnly.FromDateTime(date);
        }

        problems.Add(new(file, line, CompanyColumns.Founded, text, "not a date (expected e.g. 2015-06-30 or 2015/6/30)"));
        return null;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
