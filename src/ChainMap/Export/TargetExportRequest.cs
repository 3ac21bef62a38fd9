using ChainMap.Chains;
using ChainMap.Domain;
using ChainMap.Regions;

namespace ChainMap.Export;

/// <summary>Why a target-export request was refused: a bad value (400) or something that does not exist (404).</summary>
public enum TargetRequestProblem
{
    None,
    Invalid,
    NotFound,
}

/// <summary>A target-export request resolved against the chains and regions, or the problem that stopped it.</summary>
public sealed record TargetExportRequest(
    TargetExportQuery? Query,
    Chain? Chain,
    string? RegionName,
    TargetRequestProblem Problem,
    string? Field,
    string? Message)
{
    public const int MaxLimit = 1_000_000;

    /// <summary>
    /// Resolves the filters as people type them: chain by code or name (either script), segments
    /// by code, name or alias (comma-separated), region by code, division name or region group.
    /// </summary>
    public static Task<TargetExportRequest> ResolveAsync(
        string? chain, string? segment, string? region, int? limit, ChainDirectory chains, RegionDirectory regions, CancellationToken cancellationToken) =>
        ResolveAsync(chain, segment, region, limit, null, null, chains, regions, cancellationToken);

    /// <summary>
    /// As above, plus the list filters of GET /api/targets: tags (any of, separated by , ， | 、)
    /// and a minimum registered capital in 万元.
    /// </summary>
    public static async Task<TargetExportRequest> ResolveAsync(
        string? chain, string? segment, string? region, int? limit, string? tags, decimal? minCapital,
        ChainDirectory chains, RegionDirectory regions, CancellationToken cancellationToken)
    {
        if (minCapital is < 0)
        {
            return Fail(TargetRequestProblem.Invalid, "minCapital", $"minCapital must not be negative, got {minCapital}.");
        }

        if (string.IsNullOrWhiteSpace(chain))
        {
            return Fail(TargetRequestProblem.Invalid, "chain", "chain is required: a chain code or name (GET /api/chains lists them).");
        }

        if (limit is < 1 or > MaxLimit)
        {
            return Fail(TargetRequestProblem.Invalid, "limit", $"limit must be between 1 and {MaxLimit}, got {limit}.");
        }

        var found = await chains.ResolveAsync(chain, cancellationToken);
        if (found is null)
        {
            return Fail(TargetRequestProblem.NotFound, "chain", $"No chain has the code or name '{chain}'. GET /api/chains lists them.");
        }

        List<string>? segments = null;
        if (!string.IsNullOrWhiteSpace(segment))
        {
            var definition = await chains.GetDefinitionAsync(found.Code, cancellationToken);
            var matcher = new SegmentMatcher(definition is null ? [] : [definition]);
            segments = [];
            foreach (var part in segment.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (matcher.FindExact(part) is not { } s)
                {
                    return Fail(TargetRequestProblem.NotFound, "segment", $"No segment of chain {found.Code} has the code, name or alias '{part}'.");
                }

                segments.Add(s.Code);
            }
        }

        List<string>? regionCodes = null;
        string? regionName = null;
        if (!string.IsNullOrWhiteSpace(region))
        {
            var catalog = await regions.GetCatalogAsync(cancellationToken);
            var match = catalog.Resolve(region);
            if (!match.IsFound)
            {
                return match.IsAmbiguous
                    ? Fail(TargetRequestProblem.Invalid, "region", $"'{region}' names several divisions: {string.Join("、", match.Candidates.Select(c => $"{c.Name} {c.Code}"))}; use a code.")
                    : Fail(TargetRequestProblem.NotFound, "region", $"No division or region group has the code or name '{region}'.");
            }

            regionCodes = match.Group is { } group ? [.. group.MemberCodes] : [match.Region!.Code];
            regionName = match.Group?.Name ?? match.Region!.Name;
        }

        var tagList = (tags ?? string.Empty).Split([',', '，', '|', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        return new TargetExportRequest(
            new TargetExportQuery(found.Code, segments, regionCodes, limit, regionName, tagList, minCapital), found, regionName, TargetRequestProblem.None, null, null);
    }

    private static TargetExportRequest Fail(TargetRequestProblem problem, string field, string message) => new(null, null, null, problem, field, message);
}
