using System.Globalization;
using ChainMap.Domain;
using ChainMap.Storage;

namespace ChainMap.Discovery;

/// <summary>How present the home region is in a segment (优势 / 潜力 / 薄弱 / 空白).</summary>
internal enum GapRating
{
    Strong,
    Potential,
    Weak,
    Missing,
}

/// <summary>What to do about a segment: 巩固 (keep), 强链 (strengthen), 补链 (fill), 延链 (extend).</summary>
internal enum GapAction
{
    Consolidate,
    Strengthen,
    Fill,
    Extend,
}

/// <summary>
/// One segment's gap: home-region and elsewhere figures (with sub-segments rolled up), its share
/// and location quotient, rating, action, the local strong segments it supplies or buys from, the
/// gap priority (0–40) used in target ranking, and a Chinese explanation.
/// </summary>
internal sealed record SegmentGap(
    Segment Segment,
    PresenceFigures Local,
    PresenceFigures Elsewhere,
    double Share,
    double? Quotient,
    GapRating Rating,
    GapAction Action,
    IReadOnlyList<Segment> SuppliesStrong,
    IReadOnlyList<Segment> BuysFromStrong,
    double Priority,
    string Explanation);

/// <summary>A chain's gap analysis for one home region.</summary>
internal sealed record ChainGaps(ChainDefinition Chain, string HomeName, double ChainShare, IReadOnlyList<SegmentGap> Segments)
{
    private readonly Dictionary<string, SegmentGap> byCode = Segments.ToDictionary(s => s.Segment.Code, StringComparer.Ordinal);

    public SegmentGap? Find(string segmentCode) => byCode.GetValueOrDefault(segmentCode);
}

/// <summary>
/// The gap rule (docs/discovery.md). A company weighs 1 + its strength (0–100). A segment's local
/// share is the home region's weight in it over the weight of all its companies; its location
/// quotient is that share over the home region's share of the whole chain.
/// 空白: no home company. 优势: at least <see cref="DiscoveryOptions.StrongMinCompanies"/> home
/// companies and quotient ≥ <see cref="DiscoveryOptions.StrongMinQuotient"/>. 潜力: otherwise quotient ≥
/// <see cref="DiscoveryOptions.PotentialMinQuotient"/>. 薄弱: the rest. A parent's figures include its
/// sub-segments; every segment, parent or child, is rated on its own figures.
/// </summary>
internal static class GapRules
{
    public const double MaxPriority = 40;

    public static ChainGaps Analyse(ChainDefinition chain, string homeName, IReadOnlyList<SegmentStats> stats, DiscoveryOptions options)
    {
        var own = stats.ToDictionary(s => s.SegmentCode, StringComparer.Ordinal);
        var segments = chain.Segments;
        var tree = new SegmentTree(segments);

        var local = new Dictionary<string, PresenceFigures>(StringComparer.Ordinal);
        var elsewhere = new Dictionary<string, PresenceFigures>(StringComparer.Ordinal);
        foreach (var segment in segments)
        {
            var l = PresenceFigures.None;
            var e = PresenceFigures.None;
            foreach (var code in tree.SelfAndDescendants(segment.Code))
            {
                if (own.TryGetValue(code, out var s))
                {
                    l = l.Plus(s.Local);
                    e = e.Plus(s.Elsewhere);
                }
            }

            local[segment.Code] = l;
            elsewhere[segment.Code] = e;
        }

        var chainLocal = stats.Sum(s => Weight(s.Local));
        var chainAll = stats.Sum(s => Weight(s.Local) + Weight(s.Elsewhere));
        var chainShare = chainAll > 0 ? chainLocal / chainAll : 0;

        var ratings = new Dictionary<string, (GapRating Rating, double Share, double? Quotient)>(StringComparer.Ordinal);
        foreach (var segment in segments)
        {
            var l = local[segment.Code];
            var all = Weight(l) + Weight(elsewhere[segment.Code]);
            var share = all > 0 ? Weight(l) / all : 0;
            double? quotient = chainShare > 0 ? share / chainShare : null;
            var rating = l.Companies == 0 ? GapRating.Missing
                : l.Companies >= options.StrongMinCompanies && quotient >= options.StrongMinQuotient ? GapRating.Strong
                : quotient >= options.PotentialMinQuotient ? GapRating.Potential
                : GapRating.Weak;
            ratings[segment.Code] = (rating, share, quotient);
        }

        var lineage = segments.ToDictionary(s => s.Code, s => tree.SelfAndDescendants(s.Code), StringComparer.Ordinal);
        var strong = segments.Where(s => ratings[s.Code].Rating == GapRating.Strong).ToList();
        var result = new List<SegmentGap>(segments.Count);
        foreach (var segment in segments)
        {
            var (rating, share, quotient) = ratings[segment.Code];
            var mine = lineage[segment.Code];
            var suppliesStrong = new List<Segment>();
            var buysFromStrong = new List<Segment>();
            if (rating != GapRating.Strong)
            {
                foreach (var other in strong.Where(o => !mine.Contains(o.Code)))
                {
                    var theirs = lineage[other.Code];
                    if (chain.Flows.Any(f => mine.Contains(f.From) && theirs.Contains(f.To)))
                    {
                        suppliesStrong.Add(other);
                    }

                    if (chain.Flows.Any(f => theirs.Contains(f.From) && mine.Contains(f.To)))
                    {
                        buysFromStrong.Add(other);
                    }
                }
            }

            var (action, priority) = Decide(rating, suppliesStrong.Count > 0, buysFromStrong.Count > 0);
            var gap = new SegmentGap(segment, local[segment.Code], elsewhere[segment.Code], share, quotient, rating, action, suppliesStrong, buysFromStrong, priority, string.Empty);
            result.Add(gap with { Explanation = Explain(gap, homeName, chainShare) });
        }

        return new ChainGaps(chain, homeName, chainShare, result);
    }

    /// <summary>The action and the gap priority (0–40) of a rating, raised for segments next to local strengths.</summary>
    public static (GapAction Action, double Priority) Decide(GapRating rating, bool suppliesStrong, bool buysFromStrong) => rating switch
    {
        GapRating.Strong => (GapAction.Consolidate, 6),
        GapRating.Missing when suppliesStrong => (GapAction.Fill, 40),
        GapRating.Missing when buysFromStrong => (GapAction.Extend, 36),
        GapRating.Missing => (GapAction.Fill, 30),
        GapRating.Weak => (GapAction.Strengthen, Math.Min(MaxPriority, 24 + (suppliesStrong ? 10 : 0) + (buysFromStrong ? 6 : 0))),
        _ => (GapAction.Strengthen, Math.Min(MaxPriority, 16 + (suppliesStrong ? 10 : 0) + (buysFromStrong ? 6 : 0))),
    };

    public static double Weight(PresenceFigures figures) => figures.Companies + figures.Strength;

    public static string ToWire(this GapRating rating) => rating switch
    {
        GapRating.Strong => "strong",
        GapRating.Potential => "potential",
        GapRating.Weak => "weak",
        _ => "missing",
    };

    public static string ToChinese(this GapRating rating) => rating switch
    {
        GapRating.Strong => "优势",
        GapRating.Potential => "潜力",
        GapRating.Weak => "薄弱",
        _ => "空白",
    };

    public static string ToWire(this GapAction action) => action switch
    {
        GapAction.Consolidate => "consolidate",
        GapAction.Strengthen => "strengthen",
        GapAction.Fill => "fill",
        _ => "extend",
    };

    public static string ToChinese(this GapAction action) => action switch
    {
        GapAction.Consolidate => "巩固",
        GapAction.Strengthen => "强链",
        GapAction.Fill => "补链",
        _ => "延链",
    };

    private static string Explain(SegmentGap gap, string homeName, double chainShare)
    {
        var name = gap.Segment.Name;
        var text = gap.Rating switch
        {
            GapRating.Missing => $"{homeName}没有「{name}」环节的企业，外地有 {gap.Elsewhere.Companies} 家",
            _ => string.Create(CultureInfo.InvariantCulture, $"{homeName}有「{name}」环节企业 {gap.Local.Companies} 家（注册资本合计 {Money(gap.Local.RegisteredCapital)}），占全国该环节实力的 {gap.Share * 100:0.0}%") +
                 (gap.Quotient is { } q ? string.Create(CultureInfo.InvariantCulture, $"，是其在全链平均份额（{chainShare * 100:0.0}%）的 {q:0.00} 倍") : string.Empty),
        };
        text += $"，评为{gap.Rating.ToChinese()}，建议{gap.Action.ToChinese()}";
        if (gap.SuppliesStrong.Count > 0)
        {
            text += $"；它为本地优势环节{Names(gap.SuppliesStrong)}供货，属上游追根溯源的重点";
        }

        if (gap.BuysFromStrong.Count > 0)
        {
            text += $"；它采购本地优势环节{Names(gap.BuysFromStrong)}的产品，是本地产品的去向（下游顺藤摸瓜）";
        }

        return text + "。";
    }

    private static string Names(IEnumerable<Segment> segments) => string.Join("、", segments.Select(s => $"「{s.Name}」"));

    /// <summary>万元 as a reader expects it: 亿元 from 10,000 万元 on.</summary>
    public static string Money(decimal wan) => wan >= 10_000
        ? string.Create(CultureInfo.InvariantCulture, $"{wan / 10_000:0.##} 亿元")
        : string.Create(CultureInfo.InvariantCulture, $"{wan:0.##} 万元");
}
