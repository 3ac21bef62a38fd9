namespace ChainMap.Domain;

internal enum ChainCategory
{
    Leading,
    HighValueAdd,
    Other,
}

internal enum Tier
{
    Upstream,
    Midstream,
    Downstream,
}

internal sealed record Chain(string Code, string Name, ChainCategory Category, string Description);

/// <summary>
/// One link of a chain. <see cref="ParentCode"/> is the sub-segment hierarchy; flow between
/// segments is a separate relation (<see cref="FlowEdge"/>) and the two are never mixed.
/// </summary>
internal sealed record Segment(
    string Code,
    string ChainCode,
    string Name,
    Tier Tier,
    string? ParentCode,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Products,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> IndustryCodes)
{
    /// <summary>
    /// Marks a keyword that rules the segment out (<c>!航空发动机</c>): excluding words live in
    /// <see cref="Keywords"/> with this prefix, so every store keeps them unchanged (ADR 0125); the
    /// chain CSV files carry them in their own <c>exclude_keywords</c> column.
    /// </summary>
    public const char ExcludeMarker = '!';

    /// <summary>Words that place a company in this segment.</summary>
    public IEnumerable<string> IncludeKeywords => Keywords.Where(k => !IsExclude(k));

    /// <summary>Words that rule a company out of this segment (航空发动机 for a truck engine segment), without the marker.</summary>
    public IEnumerable<string> ExcludeKeywords => Keywords.Where(IsExclude).Select(k => k[1..].Trim());

    private static bool IsExclude(string keyword) => keyword.Length > 1 && keyword[0] is ExcludeMarker or '！';
}

/// <summary>Segment <see cref="From"/> supplies segment <see cref="To"/> (upstream to downstream).</summary>
internal sealed record FlowEdge(string ChainCode, string From, string To, string Description);

/// <summary>A whole chain: what is created, replaced, imported and exported as one unit.</summary>
internal sealed record ChainDefinition(Chain Chain, IReadOnlyList<Segment> Segments, IReadOnlyList<FlowEdge> Flows)
{
    public Segment? FindSegment(string code) => Segments.FirstOrDefault(s => s.Code == code);
}

internal static class ChainCategories
{
    public static string ToWire(this ChainCategory category) => category switch
    {
        ChainCategory.Leading => "leading",
        ChainCategory.HighValueAdd => "high-value-add",
        _ => "other",
    };

    public static bool TryParse(string? text, out ChainCategory category)
    {
        switch ((text ?? string.Empty).Trim().ToLowerInvariant())
        {
            case "leading" or "主导" or "主导产业" or "主導產業":
                category = ChainCategory.Leading;
                return true;
            case "high-value-add" or "highvalueadd" or "高附加值" or "高附加值产业":
                category = ChainCategory.HighValueAdd;
                return true;
            case "other" or "其他" or "":
                category = ChainCategory.Other;
                return true;
            default:
                category = ChainCategory.Other;
                return false;
        }
    }
}

internal static class Tiers
{
    public static string ToWire(this Tier tier) => tier switch
    {
        Tier.Upstream => "upstream",
        Tier.Midstream => "midstream",
        _ => "downstream",
    };

    public static string ToChinese(this Tier tier) => tier switch
    {
        Tier.Upstream => "上游",
        Tier.Midstream => "中游",
        _ => "下游",
    };

    public static bool TryParse(string? text, out Tier tier)
    {
        switch (Text.ChineseText.Fold(text))
        {
            case "upstream" or "上游" or "up":
                tier = Tier.Upstream;
                return true;
            case "midstream" or "中游" or "mid":
                tier = Tier.Midstream;
                return true;
            case "downstream" or "下游" or "down":
                tier = Tier.Downstream;
                return true;
            default:
                tier = Tier.Upstream;
                return false;
        }
    }
}
