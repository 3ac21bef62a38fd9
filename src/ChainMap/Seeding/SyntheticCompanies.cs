using System.Globalization;
using ChainMap.Domain;
using ChainMap.Regions;
using CsvHelper;

namespace ChainMap.Seeding;

/// <summary>
/// Generates a clearly synthetic, deterministic company list (same seed and inputs → same file)
/// for the demo data and the benchmarks. Every name ends in a "(示例)" marker so that nobody
/// mistakes a row for a real company; USCCs are valid (check character included) and carry the
/// region code; companies cluster where such industries really cluster, and the home region gets
/// a realistic share in its leading chains: the share the <see cref="HomeProfile"/> gives where it
/// names a segment, a random draw elsewhere.
/// </summary>
internal static class SyntheticCompanies
{
    public static readonly string[] Header =
    [
        "企业名称", "统一社会信用代码", "行政区划代码", "环节代码", "主营产品", "注册资本(万元)", "成立日期", "员工人数", "营业收入(万元)", "股票代码", "标签",
    ];

    private static readonly string[] Brands =
    [
        "恒瑞", "华泰", "宏达", "鑫源", "中联", "天成", "金达", "瑞丰", "德润", "长兴", "新锐", "远航", "博远", "汇通", "正和", "安泰",
        "永昌", "盛世", "海纳", "东升", "嘉禾", "凯盛", "力拓", "明德", "普华", "启航", "荣达", "顺通", "泰和", "万邦", "祥云", "亚联",
        "卓越", "智联", "志诚", "众鑫", "鼎盛", "光明", "国瑞", "和信", "华腾", "佳盛", "晶科", "聚能", "科达", "利源", "隆基", "美达",
    ];

    private static readonly string[] Forms = ["科技有限公司", "股份有限公司", "有限公司", "制造有限公司", "集团有限公司", "实业有限公司"];

    // Where industry clusters: province code prefix → weight.
    private static readonly (string Province, int Weight)[] ProvinceWeights =
    [
        ("32", 14), ("33", 12), ("44", 14), ("37", 9), ("31", 6), ("42", 8), ("34", 5), ("41", 5), ("51", 5), ("50", 3),
        ("11", 4), ("12", 2), ("13", 4), ("35", 4), ("43", 3), ("36", 2), ("21", 2), ("61", 2), ("53", 1), ("45", 1),
        ("22", 1), ("23", 1), ("14", 1), ("15", 1), ("52", 1), ("62", 1), ("64", 1), ("65", 1), ("46", 1), ("63", 1), ("54", 1),
    ];

    /// <summary>Home region's share of a segment's companies that the profile marks strong.</summary>
    public const double StrongShare = 0.45;

    /// <summary>Home region's share of a segment's companies that the profile marks present.</summary>
    public const double PresentShare = 0.1;

    private static readonly string[] TagPool = [CompanyTags.SpecialisedSme, CompanyTags.HighTech, CompanyTags.AboveScale, CompanyTags.LittleGiant];

    /// <summary>Writes <paramref name="count"/> rows (plus a header) as CSV.</summary>
    public static Task WriteCsvAsync(TextWriter output, int count, int seed, IReadOnlyList<ChainDefinition> chains, RegionCatalog regions, string homeCode, CancellationToken cancellationToken) =>
        WriteCsvAsync(output, count, seed, chains, regions, homeCode, null, cancellationToken);

    /// <summary>Writes <paramref name="count"/> rows (plus a header) as CSV, following <paramref name="profile"/> when given.</summary>
    public static async Task WriteCsvAsync(TextWriter output, int count, int seed, IReadOnlyList<ChainDefinition> chains, RegionCatalog regions, string homeCode, HomeProfile? profile, CancellationToken cancellationToken)
    {
        await using var csv = new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var column in Header)
        {
            csv.WriteField(column);
        }

        await csv.NextRecordAsync();
        foreach (var row in Generate(count, seed, chains, regions, homeCode, profile))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var value in row)
            {
                csv.WriteField(value);
            }

            await csv.NextRecordAsync();
        }
    }

    /// <summary>
    /// The rows, in <see cref="Header"/> order. With a <paramref name="profile"/>, a segment it marks absent
    /// gets no home company, present ones about <see cref="PresentShare"/> (at least one), strong ones about
    /// <see cref="StrongShare"/> (at least three, the 优势 minimum); segments it does not name keep a random draw.
    /// </summary>
    public static IEnumerable<string[]> Generate(int count, int seed, IReadOnlyList<ChainDefinition> chains, RegionCatalog regions, string homeCode, HomeProfile? profile = null)
    {
        var random = new Random(seed);
        var counties = regions.All.Where(r => r.Level == RegionLevel.County && !RegionCatalog.IsPlaceholder(r.Name))
            .OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        var countiesByProvince = counties.GroupBy(r => r.Code[..2]).ToDictionary(g => g.Key, g => g.ToList());
        var homeCounties = counties.Where(r => regions.IsWithin(r.Code, homeCode)).ToList();
        var provinceTable = ProvinceWeights.Where(p => countiesByProvince.ContainsKey(p.Province))
            .SelectMany(p => Enumerable.Repeat(p.Province, p.Weight)).ToArray();
        var segments = chains.SelectMany(c => c.Segments.Select(s => (Chain: c.Chain, Segment: s))).ToList();
        var usedNames = new HashSet<string>(StringComparer.Ordinal);

        // How present the home region is in each segment: leading chains are strong in some
        // segments and missing in others, so that the demo maps show strengths and gaps.
        // The draw is made for every segment, named or not, so that the profile changes only the
        // segments it names.
        var homeShare = segments.ToDictionary(s => s.Segment.Code, s =>
        {
            var draw = random.NextDouble();
            return profile?.For(s.Segment.Code) switch
            {
                HomePresence.Strong => StrongShare,
                HomePresence.Present => PresentShare,
                HomePresence.Absent => 0.0,
                _ => s.Chain.Category == ChainCategory.Leading
                    ? draw < 0.4 ? 0.25 : draw < 0.7 ? 0.05 : 0.0
                    : draw < 0.1 ? 0.15 : draw < 0.4 ? 0.04 : 0.0,
            };
        });

        // The first companies drawn in a named segment are home ones, so a present segment is never
        // empty and a strong one reaches the 优势 minimum however the draws fall.
        var minimumHome = segments.ToDictionary(s => s.Segment.Code, s => profile?.For(s.Segment.Code) switch
        {
            HomePresence.Strong => 3,
            HomePresence.Present => 1,
            _ => 0,
        });
        var drawn = new Dictionary<string, int>(StringComparer.Ordinal);

        for (var i = 0; i < count; i++)
        {
            var (chain, segment) = segments[random.Next(segments.Count)];
            var earlier = drawn.GetValueOrDefault(segment.Code);
            drawn[segment.Code] = earlier + 1;
            var isHome = homeCounties.Count > 0 && (random.NextDouble() < homeShare[segment.Code] || earlier < minimumHome[segment.Code]);
            var county = isHome
                ? homeCounties[random.Next(homeCounties.Count)]
                : PickCounty(random, provinceTable, countiesByProvince);

            // The province draw can land in the home city too; an absent segment must stay empty there.
            while (!isHome && profile?.For(segment.Code) == HomePresence.Absent && regions.IsWithin(county.Code, homeCode))
            {
                county = PickCounty(random, provinceTable, countiesByProvince);
            }
            var city = regions.Lineage(county.Code).FirstOrDefault(r => r.Level == RegionLevel.City && !RegionCatalog.IsPlaceholder(r.Name))
                ?? regions.Lineage(county.Code)[0];
            var words = segment.Products.Where(p => p.Length <= 6).DefaultIfEmpty(segment.Name).ToList();
            var word = words[random.Next(words.Count)];
            var place = city.Name.TrimEnd('市', '州', '盟').Length >= 2 ? city.Name.TrimEnd('市') : city.Name;
            var name = $"{place}{Brands[random.Next(Brands.Length)]}{Shorten(word)}{Forms[random.Next(Forms.Length)]}(示例)";
            if (!usedNames.Add(name + county.Code))
            {
                name = $"{place}{Brands[random.Next(Brands.Length)]}{Shorten(word)}{i.ToString(CultureInfo.InvariantCulture)}号{Forms[random.Next(Forms.Length)]}(示例)";
                usedNames.Add(name + county.Code);
            }

            var size = Math.Pow(random.NextDouble(), 3);
            var capital = Math.Round(50 + (size * 200_000), 0);
            var revenue = Math.Round(100 + (size * 2_000_000 * random.NextDouble()), 0);
            var employees = (int)(10 + (size * 20_000));
            var listed = size > 0.55 && random.NextDouble() < 0.5 ? (random.Next(2) == 0 ? "60" : "00") + random.Next(1000, 9999).ToString(CultureInfo.InvariantCulture) : string.Empty;
            var tags = TagPool.Where(_ => random.NextDouble() < 0.12).ToList();
            if (listed.Length > 0)
            {
                tags.Add(CompanyTags.Listed);
            }

            var body = $"91{county.Code}{RandomBody(random)}";
            var uscc = Uscc.FromBody(body).Value;
            var founded = new DateOnly(1985, 1, 1).AddDays(random.Next(0, 14_000));
            var products = string.Join("、", segment.Products.Concat(segment.Keywords).OrderBy(_ => random.Next()).Take(2).DefaultIfEmpty(segment.Name));
            yield return
            [
                name, uscc, county.Code, segment.Code, products,
                capital.ToString(CultureInfo.InvariantCulture), founded.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                employees.ToString(CultureInfo.InvariantCulture), revenue.ToString(CultureInfo.InvariantCulture), listed, string.Join('|', tags),
            ];
        }
    }

    private static Region PickCounty(Random random, string[] provinceTable, Dictionary<string, List<Region>> countiesByProvince)
    {
        var list = countiesByProvince[provinceTable[random.Next(provinceTable.Length)]];
        return list[random.Next(list.Count)];
    }

    private static string Shorten(string word) => word.Length > 8 ? word[..8] : word;

    private static string RandomBody(Random random)
    {
        Span<char> chars = stackalloc char[9];
        var alphabet = Uscc.AllowedCharacters;
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[random.Next(i == 8 ? 10 : alphabet.Length)];
        }

        return new string(chars);
    }
}
