using System.Globalization;
using ChainMap.Domain;
using ChainMap.Storage;

namespace ChainMap.Discovery;

/// <summary>The parts of a target's score (0–100 together); see docs/discovery.md.</summary>
internal sealed record ScoreParts(double Gap, double Strength, double Links, double Channels)
{
    public double Total => Math.Round(Gap + Strength + Links + Channels, 2);
}

/// <summary>
/// The target score: gap priority of the company's segment weighted by how well the company fits it
/// (0–40: priority × (0.5 + 0.5 × membership confidence)), company strength × 0.3
/// (0–30), relations with home-region companies (0–20: 10 for each supplier-of or equity tie, 8 for
/// each customer-of), and introduction channels (0–10: 10 / 7 / 4 for the closest channel that is
/// 0 / 1 / 2 steps from home, +2 for each further channel).
/// </summary>
internal static class TargetScoring
{
    public const double StrengthFactor = 0.3;
    public const double MaxLinks = 20;
    public const double MaxChannels = 10;

    /// <summary>The gap part: the segment's gap priority, weighted by the membership's confidence (1.0: full priority, 0.5: three quarters).</summary>
    public static double GapPart(double gapPriority, double confidence) =>
        Math.Round(gapPriority * FitFactor(confidence), 2);

    /// <summary>0.5 + 0.5 × confidence (clamped to 0–1): a company surely in the segment counts its whole gap priority.</summary>
    public static double FitFactor(double confidence) => 0.5 + (0.5 * Math.Clamp(confidence, 0, 1));

    public static ScoreParts Score(double gapPriority, double strength, HomeTiedCompany? ties) =>
        Score(gapPriority, strength, LinkPoints(ties?.Relations ?? []), ChannelPoints(ties?.Channels ?? []));

    /// <summary>The score with the link and channel points already worked out (<see cref="LinkPoints"/>, <see cref="ChannelPoints"/>).</summary>
    public static ScoreParts Score(double gapPriority, double strength, double links, double channels) => new(
        Math.Round(gapPriority, 2),
        Math.Round(Math.Clamp(strength, 0, 100) * StrengthFactor, 2),
        links,
        channels);

    public static double LinkPoints(IReadOnlyList<HomeRelationTie> relations)
    {
        var points = relations
            .GroupBy(r => r.HomeCompanyId)
            .Sum(g => g.Max(r => r.Kind == CompanyRelationKind.Supplies && !r.OutsideIsFrom ? 8.0 : 10.0));
        return Math.Min(MaxLinks, points);
    }

    public static double ChannelPoints(IReadOnlyList<HomeChannelTie> channels)
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
    public static IReadOnlyList<string> Reasons(Company company, SegmentGap gap, ScoreParts parts, HomeTiedCompany? ties, string homeName)
    {
        var reasons = new List<string>
        {
            Invariant($"环节「{gap.Segment.Name}」（{gap.Segment.Tier.ToChinese()}）在{homeName}为{gap.Rating.ToChinese()}，建议{gap.Action.ToChinese()}（缺口分 {parts.Gap:0.##}）") + GapDetail(gap),
            FitDetail(company, gap),
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
    public static double Confidence(Company company, string segmentCode) =>
        company.Memberships.FirstOrDefault(m => m.SegmentCode == segmentCode)?.Confidence ?? 1.0;

    /// <summary>How the company was placed in the segment and how much of the gap priority that keeps.</summary>
    private static string FitDetail(Company company, SegmentGap gap)
    {
        var membership = company.Memberships.FirstOrDefault(m => m.SegmentCode == gap.Segment.Code);
        var confidence = membership?.Confidence ?? 1.0;
        var evidence = string.IsNullOrWhiteSpace(membership?.Evidence) ? "未记录依据" : "依据：" + membership!.Evidence;
        return Invariant($"环节匹配度 {confidence:0.##}（{evidence}），缺口分按 {FitFactor(confidence):0.###} 计：{gap.Priority:0.##} × {FitFactor(confidence):0.###} = {GapPart(gap.Priority, confidence):0.##}。");
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
