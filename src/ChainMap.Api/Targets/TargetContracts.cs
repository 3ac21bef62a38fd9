using ChainMap.Api.Chains;
using ChainMap.Discovery;
using ChainMap.Domain;
using ChainMap.Regions;
using ChainMap.Storage;

namespace ChainMap.Api.Targets;

/// <summary>Where a list or map looks: everywhere, one division, or a region group; <see cref="Codes"/> are the member codes searched.</summary>
internal sealed record RegionScopeResponse(string Kind, string? Code, string Name, IReadOnlyList<string> Codes);

/// <summary>The segment a target is ranked for, with its gap rating and action.</summary>
internal sealed record TargetSegmentResponse(
    string Chain, string ChainName, string Code, string Name, string Tier, string Rating, string RatingLabel, string Action, string ActionLabel, double Priority);

/// <summary>
/// The parts of the score: gap (0–40: the segment's gap priority × (0.5 + 0.5 × the membership's confidence)),
/// strength (0–30), links to home companies (0–20), channels (0–10). The reasons spell out each part.
/// </summary>
internal sealed record ScorePartsResponse(double Gap, double Strength, double Links, double Channels);

/// <summary>A relation with a home-region company. Relation: supplier-of, customer-of, investor-in, invested-by, controls, controlled-by.</summary>
internal sealed record HomeLinkResponse(long CompanyId, string Name, string Relation, string Label);

/// <summary>A channel the target belongs to that leads home in <see cref="HopsToHome"/> further steps (0: the channel is tied to the home region).</summary>
internal sealed record ChannelTieResponse(long ChannelId, string Name, string Kind, string KindLabel, string Role, string RoleLabel, int HopsToHome);

/// <summary>A node of a path: kind company or channel; IsHome marks the end (home company, or channel tied to the home region).</summary>
internal sealed record PathNodeResponse(string Kind, long Id, string Name, string? RegionCode, string? ChannelKind, bool IsHome);

/// <summary>
/// One hop. Relation: supplies, invests-in, controls (company relations) or a channel role (member, officer, executive,
/// shareholder, alumnus, relative, contact). Direction forward: the stored relation runs From → To (for a channel link:
/// From is the channel, To its member); backward: the other way round.
/// </summary>
internal sealed record PathStepResponse(PathNodeResponse From, PathNodeResponse To, string Relation, string Direction, string Label);

/// <summary>An introduction path from the target (first node) to the home region (last node).</summary>
internal sealed record IntroductionPathResponse(int Hops, double Strength, string Summary, IReadOnlyList<PathStepResponse> Steps);

/// <summary>A ranked target company with its score parts, reasons and introduction paths.</summary>
internal sealed record TargetResponse(
    int Rank,
    long CompanyId,
    string? Uscc,
    string Name,
    string RegionCode,
    string RegionName,
    string ProvinceCode,
    string? CityCode,
    string? CountyCode,
    decimal? RegisteredCapital,
    decimal? Revenue,
    int? Employees,
    string? ListedCode,
    IReadOnlyList<string> Tags,
    TargetSegmentResponse Segment,
    double Score,
    ScorePartsResponse ScoreParts,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<HomeLinkResponse> HomeLinks,
    IReadOnlyList<ChannelTieResponse> Channels,
    IReadOnlyList<IntroductionPathResponse> Paths);

/// <summary>
/// One page of a ranked target list; <see cref="Reason"/> says why it is empty, when it is. <see cref="AsOf"/>: when
/// the gap ratings and home ties behind it were read; <see cref="Stale"/>: they had expired or a write came since,
/// and a background refresh is running (ADR 0210).
/// </summary>
internal sealed record TargetPageResponse(
    string? Chain, string? ChainName, RegionScopeResponse Region, string HomeRegion, string HomeName,
    IReadOnlyList<TargetResponse> Items, int Page, int PageSize, long Total, string? Reason, DateTimeOffset? AsOf = null, bool Stale = false);

internal sealed record PresenceResponse(int Companies, decimal RegisteredCapital, double Strength);

internal sealed record PlaceCountResponse(string Code, string Name, int Companies);

/// <summary>
/// One segment of the investment map: gap figures (sub-segments rolled up), rating, action, where its companies are, top targets;
/// all of them from confirmed memberships. <see cref="Unconfirmed"/> counts apart the 待确认 memberships of companies in the map's region scope.
/// </summary>
internal sealed record MapSegmentResponse(
    string Code,
    string Name,
    string Tier,
    string? Parent,
    PresenceResponse Local,
    PresenceResponse Elsewhere,
    double Share,
    double? Quotient,
    string Rating,
    string RatingLabel,
    string Action,
    string ActionLabel,
    double Priority,
    IReadOnlyList<string> SuppliesStrong,
    IReadOnlyList<string> BuysFromStrong,
    string Explanation,
    long Candidates,
    IReadOnlyList<PlaceCountResponse> Provinces,
    IReadOnlyList<PlaceCountResponse> Cities,
    IReadOnlyList<TargetResponse> TopTargets,
    int Unconfirmed);

internal sealed record RatingCountResponse(string Rating, string Label, int Segments);

/// <summary>The investment map (招商图谱) of a chain.</summary>
/// <summary>The investment map; <see cref="AsOf"/> and <see cref="Stale"/> say how fresh its gap ratings, ties and place counts are (ADR 0210).</summary>
internal sealed record InvestmentMapResponse(
    string Code, string Name, string HomeRegion, string HomeName, RegionScopeResponse Region, double ChainShare,
    IReadOnlyList<RatingCountResponse> Summary, IReadOnlyList<MapSegmentResponse> Segments, IReadOnlyList<FlowResponse> Flows,
    DateTimeOffset? AsOf = null, bool Stale = false);

internal static class TargetMappings
{
    public static TargetResponse ToResponse(this Target t, RegionCatalog catalog) => new(
        t.Rank,
        t.Company.Id,
        t.Company.Uscc,
        t.Company.Name,
        t.Company.RegionCode,
        FullName(catalog, t.Company.RegionCode),
        t.Company.ProvinceCode,
        t.Company.CityCode,
        t.Company.CountyCode,
        t.Company.RegisteredCapital,
        t.Company.Revenue,
        t.Company.Employees,
        t.Company.ListedCode,
        t.Company.Tags,
        new TargetSegmentResponse(
            t.Chain.Chain.Code, t.Chain.Chain.Name, t.Gap.Segment.Code, t.Gap.Segment.Name, t.Gap.Segment.Tier.ToWire(),
            t.Gap.Rating.ToWire(), t.Gap.Rating.ToChinese(), t.Gap.Action.ToWire(), t.Gap.Action.ToChinese(), t.Gap.Priority),
        t.Score.Total,
        new ScorePartsResponse(t.Score.Gap, t.Score.Strength, t.Score.Links, t.Score.Channels),
        t.Reasons,
        (t.Ties?.Relations ?? []).Select(r => r.ToResponse()).ToList(),
        (t.Ties?.Channels ?? []).OrderBy(c => c.HopsToHome).ThenBy(c => c.ChannelId)
            .Select(c => new ChannelTieResponse(c.ChannelId, c.ChannelName, c.Kind.ToWire(), c.Kind.ToChinese(), c.Role.ToWire(), c.Role.ToChinese(), c.HopsToHome)).ToList(),
        t.Paths.Select(p => p.ToResponse()).ToList());

    public static HomeLinkResponse ToResponse(this HomeRelationTie r)
    {
        var (relation, label) = (r.Kind, r.OutsideIsFrom) switch
        {
            (CompanyRelationKind.Supplies, true) => ("supplier-of", "供应商"),
            (CompanyRelationKind.Supplies, false) => ("customer-of", "客户"),
            (CompanyRelationKind.InvestsIn, true) => ("investor-in", "投资方"),
            (CompanyRelationKind.InvestsIn, false) => ("invested-by", "被投资方"),
            (_, true) => ("controls", "控股方"),
            _ => ("controlled-by", "被控股方"),
        };
        return new HomeLinkResponse(r.HomeCompanyId, r.HomeCompanyName, relation, label);
    }

    public static IntroductionPathResponse ToResponse(this DescribedPath p) => new(
        p.Hops, p.Strength, p.Summary,
        p.Steps.Select(s => new PathStepResponse(s.From.ToResponse(), s.To.ToResponse(), s.Relation, s.Reversed ? "backward" : "forward", s.Label)).ToList());

    public static PathNodeResponse ToResponse(this PathNode n) =>
        new(n.Kind == PathNodeKind.Company ? "company" : "channel", n.Id, n.Name, n.RegionCode, n.ChannelKind?.ToWire(), n.IsHome);

    public static InvestmentMapResponse ToResponse(this InvestmentMap map, RegionScopeResponse scope, RegionCatalog catalog, IReadOnlyDictionary<string, int> unconfirmed)
    {
        var chain = map.Gaps.Chain;
        var segments = map.Segments.Select(s => new MapSegmentResponse(
            s.Gap.Segment.Code, s.Gap.Segment.Name, s.Gap.Segment.Tier.ToWire(), s.Gap.Segment.ParentCode,
            s.Gap.Local.ToResponse(), s.Gap.Elsewhere.ToResponse(), Math.Round(s.Gap.Share, 4), s.Gap.Quotient is { } q ? Math.Round(q, 3) : null,
            s.Gap.Rating.ToWire(), s.Gap.Rating.ToChinese(), s.Gap.Action.ToWire(), s.Gap.Action.ToChinese(), s.Gap.Priority,
            s.Gap.SuppliesStrong.Select(x => x.Code).ToList(), s.Gap.BuysFromStrong.Select(x => x.Code).ToList(), s.Gap.Explanation,
            s.Candidates,
            s.Provinces.Select(p => new PlaceCountResponse(p.Code, FullName(catalog, p.Code), p.Companies)).ToList(),
            s.Cities.Select(p => new PlaceCountResponse(p.Code, FullName(catalog, p.Code), p.Companies)).ToList(),
            s.TopTargets.Select(t => t.ToResponse(catalog)).ToList(),
            unconfirmed.GetValueOrDefault(s.Gap.Segment.Code))).ToList();
        var summary = Enum.GetValues<GapRating>()
            .Select(r => new RatingCountResponse(r.ToWire(), r.ToChinese(), map.Gaps.Segments.Count(g => g.Rating == r))).ToList();
        return new InvestmentMapResponse(
            chain.Chain.Code, chain.Chain.Name, map.Home.Code, map.Home.Name, scope, Math.Round(map.Gaps.ChainShare, 4), summary, segments,
            chain.Flows.Select(f => new FlowResponse(f.From, f.To, f.Description)).ToList(),
            map.Freshness?.AsOf, map.Freshness?.Stale ?? false);
    }

    public static PresenceResponse ToResponse(this PresenceFigures p) =>
        new(p.Companies, Math.Round(p.RegisteredCapital, 2), Math.Round(p.Strength, 2));

    /// <summary>Province + city + county names without the placeholder rows (北京市 市辖区 → 北京市).</summary>
    public static string FullName(RegionCatalog catalog, string code)
    {
        var name = string.Concat(catalog.Lineage(code).Where(r => !RegionCatalog.IsPlaceholder(r.Name)).Select(r => r.Name));
        return name.Length > 0 ? name : code;
    }

}
