using System.Globalization;
using ChainMap.Chains;
using ChainMap.Domain;
using ChainMap.Storage;

namespace ChainMap.Discovery;

/// <summary>The parts of a target's score (0–100 together); see docs/discovery.md.</summary>
internal sealed record ScoreParts(double Gap, double Strength, double Links, double Channels)
{
    public double Total => Math.Round(Gap + Strength + Links + Channels, 2);
}

/// <summary>
/// How well a company fits a segment (ADR 0225), each part 0–1: the membership's confidence (the classifier's
/// 1 − Π(1 − p), 1.0 when none is recorded), the share of its main products in the segment (in revenue order, the
/// first items weighing most; 1 for a membership a list's segment column or an analyst gave) and its focus (the share
/// of its confirmed memberships, by confidence, that lie in the segment's chain: a pure-play 1, a group's side line
/// less). <see cref="Value"/> = 0.7 × confidence + 0.15 × products + 0.15 × focus.
/// </summary>
internal readonly record struct Fit(double Confidence, double Products, double Focus)
{
    public const double ConfidenceWeight = 0.7;
    public const double ProductsWeight = 0.15;
    public const double FocusWeight = 0.15;

    public double Value => Math.Clamp((ConfidenceWeight * Confidence) + (ProductsWeight * Products) + (FocusWeight * Focus), 0, 1);
}

/// <summary>
/// The target score: gap priority of the company's segment weighted by how well the company fits it
/// (0–40: priority × (0.5 + 0.5 × fit), <see cref="Fit"/>), company strength × 0.3
/// (0–30), relations with home-region companies (0–20: 10 for each supplier-of or equity tie, 8 for
/// each customer-of), and introduction channels (0–10: 10 / 7 / 4 for the closest channel that is
/// 0 / 1 / 2 steps from home, +2 for each further channel).
/// </summary>
internal static class TargetScoring
{
    public const double StrengthFactor = 0.3;
    public const double MaxLinks = 20;
    public const double MaxChannels = 10;

    /// <summary>The gap part: the segment's gap priority, weighted by the fit (<see cref="Fit.Value"/>; 1.0: full priority, 0.5: three quarters).</summary>
    public static double GapPart(double gapPriority, double fit) =>
        Math.Round(gapPriority * FitFactor(fit), 2);

    /// <summary>0.5 + 0.5 × fit (clamped to 0–1): a company surely, wholly and only in the segment counts its whole gap priority.</summary>
    public static double FitFactor(double fit) => 0.5 + (0.5 * Math.Clamp(fit, 0, 1));

    /// <summary>
    /// The fit of the company to the segment (<see cref="Fit"/>); <paramref name="chainOf"/> gives the chain of a segment code
    /// (null for a segment of a chain not being ranked, which is never the segment's own). No text is built: ranking asks it of every candidate.
    /// </summary>
    public static Fit FitOf(Company company, Segment segment, Func<string, string?> chainOf)
    {
        var membership = Membership(company, segment.Code);
        var confidence = membership?.Confidence ?? 1.0;
        var products = FromClassifier(membership) ? ProductShare(company.Products, membership!.Evidence, null) : 1.0;
        return new Fit(Math.Clamp(confidence, 0, 1), products, Focus(company, segment.ChainCode, chainOf, out _, out _));
    }

    /// <summary>
    /// The share, by confidence, of the company's confirmed memberships that lie in <paramref name="chain"/> (1 when it has
    /// none or only those); <paramref name="inChain"/> and <paramref name="all"/> count them.
    /// </summary>
    public static double Focus(Company company, string chain, Func<string, string?> chainOf, out int inChain, out int all)
    {
        var mine = 0.0;
        var total = 0.0;
        inChain = 0;
        all = 0;
        foreach (var m in company.Memberships)
        {
            if (!m.IsConfirmed)
            {
                continue;
            }

            var weight = Math.Clamp(m.Confidence, 0, 1);
            all++;
            total += weight;
            if (string.Equals(chainOf(m.SegmentCode), chain, StringComparison.Ordinal))
            {
                inChain++;
                mine += weight;
            }
        }

        return total <= 0 ? 1.0 : mine / total;
    }

    private static readonly char[] ProductSeparators = ['、', ',', '，', ';', '；', '|', '/', '。'];

    private const string ProductsEvidence = "产品: ";

    private const string LaterProductsEvidence = "; " + ProductsEvidence;

    /// <summary>
    /// The share of the main product items, weighted by their revenue order, that name one of the segment's product words
    /// the classifier found (the "产品: …" part of the membership's evidence); 0 without a products column or such words.
    /// <paramref name="matched"/>, when given, receives the 1-based positions of the items in the segment.
    /// </summary>
    public static double ProductShare(string? products, string? evidence, List<int>? matched)
    {
        var terms = ProductTerms(evidence);
        if (terms.IsEmpty || string.IsNullOrWhiteSpace(products))
        {
            return 0;
        }

        var text = Text.ChineseText.Fold(products).AsSpan();
        var inSegment = 0.0;
        var total = 0.0;
        var item = 0;
        while (!text.IsEmpty)
        {
            var end = text.IndexOfAny(ProductSeparators);
            var part = (end < 0 ? text : text[..end]).Trim();
            text = end < 0 ? [] : text[(end + 1)..];
            if (part.IsEmpty)
            {
                continue;
            }

            var weight = ClassifierRules.ProductPositionFactor(item);
            item++;
            total += weight;
            if (NamesATerm(part, terms))
            {
                inSegment += weight;
                matched?.Add(item);
            }
        }

        return total <= 0 ? 0 : inSegment / total;
    }

    /// <summary>The product words of a classifier's evidence: "产品: 内燃机、柴油机; 行业: …" gives 内燃机、柴油机.</summary>
    private static ReadOnlySpan<char> ProductTerms(string? evidence)
    {
        if (evidence is null)
        {
            return [];
        }

        var at = 0;
        if (!evidence.StartsWith(ProductsEvidence, StringComparison.Ordinal))
        {
            at = evidence.IndexOf(LaterProductsEvidence, StringComparison.Ordinal);
            if (at < 0)
            {
                return [];
            }

            at += 2;
        }

        var terms = evidence.AsSpan(at + ProductsEvidence.Length);
        var end = terms.IndexOf(';');
        return end < 0 ? terms : terms[..end];
    }

    private static bool NamesATerm(ReadOnlySpan<char> item, ReadOnlySpan<char> terms)
    {
        while (!terms.IsEmpty)
        {
            var end = terms.IndexOf('、');
            var term = (end < 0 ? terms : terms[..end]).Trim();
            terms = end < 0 ? [] : terms[(end + 1)..];
            if (!term.IsEmpty && item.Contains(term, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the classifier placed the company (its evidence names the independent sources, ADR 0202), whoever
    /// confirmed it since; a membership a list's segment column or an analyst gave carries no such evidence.
    /// </summary>
    private static bool FromClassifier(SegmentMembership? membership) =>
        membership?.Evidence is { } evidence && evidence.Contains(SourcesEvidence, StringComparison.Ordinal);

    private const string SourcesEvidence = "独立依据: ";

    private static SegmentMembership? Membership(Company company, string segmentCode)
    {
        foreach (var m in company.Memberships)
        {
            if (m.SegmentCode == segmentCode)
            {
                return m;
            }
        }

        return null;
    }

    public static ScoreParts Score(double gapPriority, double strength, HomeTiedCompany? ties) =>
        ties is null ? Score(gapPriority, strength, 0, 0) : Score(gapPriority, strength, ties.Facts);

    /// <summary>The score of a tied company from what ranking reads of it (<see cref="HomeTieFacts"/>).</summary>
    public static ScoreParts Score(double gapPriority, double strength, HomeTieFacts ties) =>
        Score(gapPriority, strength, LinkPoints(ties.Relations), ChannelPoints(ties.Channels));

    /// <summary>The score with the link and channel points already worked out (<see cref="LinkPoints"/>, <see cref="ChannelPoints"/>).</summary>
    public static ScoreParts Score(double gapPriority, double strength, double links, double channels) => new(
        Math.Round(gapPriority, 2),
        Math.Round(Math.Clamp(strength, 0, 100) * StrengthFactor, 2),
        links,
        channels);

    public static double LinkPoints(IReadOnlyList<HomeRelationKind> relations)
    {
        var points = relations
            .GroupBy(r => r.HomeCompanyId)
            .Sum(g => g.Max(r => r.Kind == CompanyRelationKind.Supplies && !r.OutsideIsFrom ? 8.0 : 10.0));
        return Math.Min(MaxLinks, points);
    }

    public static double ChannelPoints(IReadOnlyList<HomeChannelHops> channels)
    {
        if (channels.Count == 0)
        {
            return 0;
        }

        var best = channels.Min(c => c.HopsToHome);
        var points = (best switch { 0 => 10.0, 1 => 7.0, _ => 4.0 }) + (2.0 * (channels.Select(c => c.ChannelId).Distinct().Count() - 1));
        return Math.Min(MaxChannels, points);
    }

    /// <summary>The Chinese sentences that explain a target's score, in the order of its parts.</summary>
    public static IReadOnlyList<string> Reasons(Company company, SegmentGap gap, ScoreParts parts, HomeTiedCompany? ties, string homeName, Func<string, string?> chainOf)
    {
        var reasons = new List<string>
        {
            Invariant($"环节「{gap.Segment.Name}」（{gap.Segment.Tier.ToChinese()}）在{homeName}为{gap.Rating.ToChinese()}，建议{gap.Action.ToChinese()}（缺口分 {parts.Gap:0.##}）") + GapDetail(gap),
            FitDetail(company, gap, chainOf),
            Invariant($"企业实力 {parts.Strength / StrengthFactor:0.##} 分（实力分 {parts.Strength:0.##}）") + StrengthDetail(company),
        };

        foreach (var relation in (ties?.Relations ?? []).OrderBy(r => r.HomeCompanyId))
        {
            reasons.Add(relation switch
            {
                { Kind: CompanyRelationKind.Supplies, OutsideIsFrom: true } => $"是{homeName}企业「{relation.HomeCompanyName}」的供应商，可请其牵线（以商招商）。",
                { Kind: CompanyRelationKind.Supplies } => $"是{homeName}企业「{relation.HomeCompanyName}」的客户，采购本地产品，可请其牵线（以商招商）。",
                { Kind: CompanyRelationKind.InvestsIn, OutsideIsFrom: true } => $"投资了{homeName}企业「{relation.HomeCompanyName}」，已有在本地的投资。",
                { Kind: CompanyRelationKind.InvestsIn } => $"{homeName}企业「{relation.HomeCompanyName}」是其股东。",
                { OutsideIsFrom: true } => $"控股{homeName}企业「{relation.HomeCompanyName}」。",
                _ => $"受{homeName}企业「{relation.HomeCompanyName}」控股。",
            });
        }

        foreach (var channel in (ties?.Channels ?? []).OrderBy(c => c.HopsToHome).ThenBy(c => c.ChannelId))
        {
            var how = channel.HopsToHome switch
            {
                0 => $"该{channel.Kind.ToChinese()}与{homeName}直接相关",
                1 => $"经该{channel.Kind.ToChinese()}可联系到{homeName}的企业或机构",
                _ => $"经该{channel.Kind.ToChinese()}再转一步可联系到{homeName}",
            };
            reasons.Add($"与「{channel.ChannelName}」有联系（{channel.Role.ToChinese()}），{how}。");
        }

        if (parts.Links > 0 || parts.Channels > 0)
        {
            reasons.Add(Invariant($"关系加分：本地企业关联 {parts.Links:0.#} 分，引荐渠道 {parts.Channels:0.#} 分。"));
        }

        return reasons;
    }

    private static string GapDetail(SegmentGap gap)
    {
        var detail = gap.Rating == GapRating.Missing
            ? "：本地没有该环节企业"
            : $"：本地有 {gap.Local.Companies} 家";
        if (gap.SuppliesStrong.Count > 0)
        {
            detail += $"，为本地优势环节{string.Join("、", gap.SuppliesStrong.Select(s => $"「{s.Name}」"))}供货（上游追根溯源）";
        }
        else if (gap.BuysFromStrong.Count > 0)
        {
            detail += $"，采购本地优势环节{string.Join("、", gap.BuysFromStrong.Select(s => $"「{s.Name}」"))}的产品（下游顺藤摸瓜）";
        }

        return detail + "。";
    }

    /// <summary>The confidence of the company's membership in the segment, 1.0 when it has none recorded.</summary>
    public static double Confidence(Company company, string segmentCode) => Membership(company, segmentCode)?.Confidence ?? 1.0;

    /// <summary>
    /// How the company was placed in the segment, its fit (confidence, main products, focus, each with its points) and how
    /// much of the gap priority that keeps.
    /// </summary>
    private static string FitDetail(Company company, SegmentGap gap, Func<string, string?> chainOf)
    {
        var membership = Membership(company, gap.Segment.Code);
        var fit = FitOf(company, gap.Segment, chainOf);
        var evidence = string.IsNullOrWhiteSpace(membership?.Evidence) ? "未记录依据" : "依据：" + membership!.Evidence;
        string products;
        if (!FromClassifier(membership))
        {
            products = "由名单的环节列或分析师直接归入，按 1 计";
        }
        else if (string.IsNullOrWhiteSpace(company.Products))
        {
            products = "未提供主营产品，按 0 计";
        }
        else
        {
            var matched = new List<int>();
            ProductShare(company.Products, membership!.Evidence, matched);
            var items = Text.ChineseText.Fold(company.Products).Split(ProductSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;
            products = matched.Count == 0
                ? Invariant($"{items} 项中没有一项属本环节，按 0 计")
                : Invariant($"{items} 项中第 {string.Join("、", matched)} 项属本环节，按营收顺序加权 {fit.Products:0.##}");
        }

        Focus(company, gap.Segment.ChainCode, chainOf, out var inChain, out var all);
        var focus = all <= 1
            ? Invariant($"{fit.Focus:0.##}（只归入本产业链）")
            : Invariant($"{fit.Focus:0.##}（已确认的 {all} 个环节中 {inChain} 个属本产业链，按匹配度加权）");
        var half = gap.Priority * 0.5;
        return Invariant(
            $"环节匹配度 {fit.Confidence:0.##}（{evidence}）；主营产品：{products}；专注度 {focus}。")
            + Invariant($"契合度 {fit.Value:0.###} = {Fit.ConfidenceWeight} × 匹配度 + {Fit.ProductsWeight} × 主营产品 + {Fit.FocusWeight} × 专注度，")
            + Invariant($"缺口分按 {FitFactor(fit.Value):0.###} 计：{gap.Priority:0.##} × {FitFactor(fit.Value):0.###} = {GapPart(gap.Priority, fit.Value):0.##}")
            + Invariant($"（基础 {half:0.##} 分、匹配度 {half * Fit.ConfidenceWeight * fit.Confidence:0.##} 分、主营产品 {half * Fit.ProductsWeight * fit.Products:0.##} 分、专注度 {half * Fit.FocusWeight * fit.Focus:0.##} 分）。");
    }

    private static string StrengthDetail(Company company)
    {
        var assessment = Assess(company);
        var text = assessment.Facts.Count == 0 ? "：没有可用的实力信息" : "：" + string.Join("、", assessment.Facts);
        if (assessment.Missing.Count > 0)
        {
            text += "；未提供" + string.Join("、", assessment.Missing);
        }

        return text + "。";
    }

    /// <summary>The strength evidence a company's row carries (<see cref="CompanyStrength.Assess"/>).</summary>
    public static StrengthAssessment Assess(Company company) =>
        CompanyStrength.Assess(company.RegisteredCapital, company.Revenue, company.Employees, company.ListedCode, company.Tags, company.Founded);

    /// <summary>How many kinds of strength evidence the company's row carries, without wording them.</summary>
    public static int Signals(Company company) =>
        CompanyStrength.Signals(company.RegisteredCapital, company.Revenue, company.Employees, company.ListedCode, company.Tags, company.Founded);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
