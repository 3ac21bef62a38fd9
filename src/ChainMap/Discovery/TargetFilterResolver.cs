using ChainMap.Chains;
using ChainMap.Domain;
using ChainMap.Regions;

namespace ChainMap.Discovery;

/// <summary>
/// The target filters as people type them, unparsed: chain (code or name, either script), region
/// (division code or name, or region group), segments, tier, tags and minimum registered capital (万元).
/// Each property is named after the query parameter it comes from.
/// </summary>
internal sealed record TargetFilterInput(
    string? Chain = null, string? Region = null, string? Segment = null, string? Tier = null, string? Tags = null, decimal? MinCapital = null);

/// <summary>Why a filter was refused: a bad value (HTTP 400, CLI exit 2) or something that does not exist (HTTP 404, CLI exit 3).</summary>
internal enum TargetFilterErrorKind
{
    Invalid,
    NotFound,
}

/// <summary>One refused filter: <see cref="Parameter"/> is the query parameter's name (chain, region, segment, tier, tags, minCapital).</summary>
internal sealed record TargetFilterError(TargetFilterErrorKind Kind, string Parameter, string Title, string Message);

/// <summary>Where a list looks: everywhere (no codes), one division, or a region group.</summary>
/// <param name="Kind">everywhere, group, province, city or county.</param>
/// <param name="Code">The division's code; null for a group or everywhere.</param>
/// <param name="Name">The full name (江苏省苏州市), the group's name, or 全国.</param>
/// <param name="ShortName">The division's own name (苏州市) or the group's; null everywhere (used in file names).</param>
/// <param name="Codes">The member codes searched; empty everywhere.</param>
internal sealed record TargetRegionScope(string Kind, string? Code, string Name, string? ShortName, IReadOnlyList<string> Codes)
{
    public static TargetRegionScope Everywhere { get; } = new("everywhere", null, "全国", null, []);

    /// <summary>The region codes to search, or null for everywhere.</summary>
    public IReadOnlyCollection<string>? SearchCodes => Kind == "everywhere" ? null : Codes;
}

/// <summary>
/// Target filters parsed and checked: the chain chosen (null: every chain), the chains searched, the
/// segment codes (null: all of those chains; parents already expanded to their sub-segments; tier applied),
/// the region scope, the tags (any of them) and the minimum capital.
/// </summary>
internal sealed record ResolvedTargetFilter(
    ChainDefinition? Chain,
    IReadOnlyList<ChainDefinition> Chains,
    IReadOnlyCollection<string>? SegmentCodes,
    TargetRegionScope Region,
    IReadOnlyList<string> Tags,
    decimal? MinCapital)
{
    /// <summary>The discovery query for one page of this filter.</summary>
    public TargetFilter ToTargetFilter(int page, int pageSize, int paths) =>
        new(Chains, SegmentCodes, Region.SearchCodes, Region.Name, Tags, MinCapital, page, pageSize, paths);
}

/// <summary>A resolved filter, or the first error that stopped it.</summary>
internal sealed record TargetFilterResolution(ResolvedTargetFilter? Filter, TargetFilterError? Error)
{
    public bool IsValid => Error is null;
}

/// <summary>
/// The one place that turns target-filter text into a <see cref="ResolvedTargetFilter"/>: the target
/// list, a team's list, the investment map and both target exports (HTTP and CLI) go through it, so
/// the same text selects the same companies everywhere and a bad value gets the same error everywhere.
/// </summary>
internal sealed class TargetFilterResolver(ChainDirectory chains, RegionDirectory regions)
{
    /// <summary>What separates the items of a segment or tag list: comma, full-width comma, 、, semicolon (either width) and |.</summary>
    public static readonly char[] ListSeparators = [',', '，', '、', ';', '；', '|'];

    /// <summary>Resolves <paramref name="input"/>; <paramref name="chainRequired"/> refuses a missing chain (the exports, the map).</summary>
    public async Task<TargetFilterResolution> ResolveAsync(TargetFilterInput input, bool chainRequired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.MinCapital is < 0)
        {
            return Fail(TargetFilterErrorKind.Invalid, "minCapital", "Invalid minimum capital", $"minCapital must not be negative, got {input.MinCapital}.");
        }

        Tier? tier = null;
        if (!string.IsNullOrWhiteSpace(input.Tier))
        {
            if (!Tiers.TryParse(input.Tier, out var parsed))
            {
                return Fail(TargetFilterErrorKind.Invalid, "tier", "Invalid tier", $"tier must be upstream, midstream or downstream (上游/中游/下游), got '{input.Tier}'.");
            }

            tier = parsed;
        }

        ChainDefinition? chosen = null;
        if (string.IsNullOrWhiteSpace(input.Chain))
        {
            if (chainRequired)
            {
                return Fail(TargetFilterErrorKind.Invalid, "chain", "Chain required", "chain is required: a chain code or name (GET /api/chains lists them).");
            }
        }
        else
        {
            chosen = await chains.GetDefinitionAsync(input.Chain, cancellationToken);
            if (chosen is null)
            {
                return Fail(TargetFilterErrorKind.NotFound, "chain", "Chain not found", $"No chain has the code or name '{input.Chain}'. GET /api/chains lists them.");
            }
        }

        var searched = chosen is null ? await chains.ListDefinitionsAsync(cancellationToken) : [chosen];
        var all = searched.SelectMany(c => c.Segments).ToList();
        IEnumerable<Segment> segments = all;
        var segmentFiltered = false;
        var parts = Split(input.Segment);
        if (parts.Count > 0)
        {
            var matcher = new SegmentMatcher(searched);
            var picked = new List<string>();
            foreach (var part in parts)
            {
                if (matcher.FindExact(part) is not { } found)
                {
                    return Fail(
                        TargetFilterErrorKind.NotFound, "segment", "Segment not found",
                        $"No segment{(chosen is null ? string.Empty : $" of chain {chosen.Chain.Code}")} has the code, name or alias '{part}'.");
                }

                picked.Add(found.Code);
            }

            // A parent stands for its sub-segments too.
            var codes = new SegmentTree(all).SelfAndDescendants(picked);
            segments = all.Where(s => codes.Contains(s.Code));
            segmentFiltered = true;
        }

        if (tier is { } wanted)
        {
            segments = segments.Where(s => s.Tier == wanted);
            segmentFiltered = true;
        }

        var scope = TargetRegionScope.Everywhere;
        if (!string.IsNullOrWhiteSpace(input.Region))
        {
            var catalog = await regions.GetCatalogAsync(cancellationToken);
            var match = catalog.Resolve(input.Region);
            if (match.Group is { } group)
            {
                scope = GroupScope(group) with { Codes = catalog.HostCodes(group.MemberCodes) };
            }
            else if (match.Region is { } region)
            {
                scope = new TargetRegionScope(region.Level.ToWire(), region.Code, FullName(catalog, region.Code), region.Name, [region.Code]);
            }
            else if (match.IsAmbiguous)
            {
                return Fail(
                    TargetFilterErrorKind.Invalid, "region", "Ambiguous region",
                    $"'{input.Region}' names several divisions: {string.Join("、", match.Candidates.Select(c => $"{c.Code} {FullName(catalog, c.Code)}"))}; use a code.");
            }
            else
            {
                return Fail(
                    TargetFilterErrorKind.NotFound, "region", "Region not found",
                    $"No division or region group has the code or name '{input.Region}'. GET /api/regions and /api/region-groups list them.");
            }
        }

        var tags = Split(input.Tags).Distinct(StringComparer.Ordinal).ToList();
        var filter = new ResolvedTargetFilter(
            chosen, searched, segmentFiltered ? segments.Select(s => s.Code).ToList() : null, scope, tags, input.MinCapital);
        return new TargetFilterResolution(filter, null);
    }

    /// <summary>A region group as a scope (a team's list).</summary>
    public static TargetRegionScope GroupScope(RegionGroup group) => new("group", null, group.Name, group.Name, group.MemberCodes.ToList());

    /// <summary>Province + city + county names without the placeholder rows (北京市 市辖区 → 北京市).</summary>
    public static string FullName(RegionCatalog catalog, string code)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var name = string.Concat(catalog.Lineage(code).Where(r => !RegionCatalog.IsPlaceholder(r.Name)).Select(r => r.Name));
        return name.Length > 0 ? name : code;
    }

    /// <summary>The items of a list typed with any of <see cref="ListSeparators"/>, trimmed, empty ones dropped.</summary>
    public static IReadOnlyList<string> Split(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static TargetFilterResolution Fail(TargetFilterErrorKind kind, string parameter, string title, string message) =>
        new(null, new TargetFilterError(kind, parameter, title, message));
}
