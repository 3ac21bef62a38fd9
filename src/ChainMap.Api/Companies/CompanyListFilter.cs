using ChainMap.Chains;
using ChainMap.Discovery;
using ChainMap.Domain;
using ChainMap.Import;
using ChainMap.Regions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMap.Api.Companies;

/// <summary>
/// The chain, segment and region parameters that company lists share (the company search and the review queue), resolved
/// once: chain by code or name in either script; segments by code, name or alias, several separated as the target list
/// separates them (<see cref="TargetFilterResolver.ListSeparators"/>, full-width comma included), each of that chain when
/// one is given; region by division or region group. The problem answered instead says which parameter is wrong and why.
/// </summary>
internal sealed record CompanyListFilter(
    string? ChainCode, List<string>? Segments, List<string>? RegionCodes, IReadOnlyList<ChainDefinition> Definitions, RegionCatalog Catalog)
{
    public static async Task<(CompanyListFilter? Filter, ProblemHttpResult? Problem)> ResolveAsync(
        ChainDirectory chains, RegionDirectory regions, string? chain, string? segment, string? region, CancellationToken cancellationToken)
    {
        string? chainCode = null;
        if (!string.IsNullOrWhiteSpace(chain))
        {
            var found = await chains.ResolveAsync(chain, cancellationToken);
            if (found is null)
            {
                return (null, Problems.ChainNotFound(chain));
            }

            chainCode = found.Code;
        }

        var definitions = await chains.ListDefinitionsAsync(cancellationToken);
        List<string>? segments = null;
        if (!string.IsNullOrWhiteSpace(segment))
        {
            var matcher = new SegmentMatcher(definitions);
            segments = [];
            foreach (var part in TargetFilterResolver.Split(segment))
            {
                var s = matcher.FindExact(part);
                if (s is null || (chainCode is not null && s.ChainCode != chainCode))
                {
                    return (null, Problems.NotFound($"No segment{(chainCode is null ? "" : $" of chain {chainCode}")} has the code, name or alias '{part}'.", "Segment not found"));
                }

                segments.Add(s.Code);
            }
        }

        var catalog = await regions.GetCatalogAsync(cancellationToken);
        List<string>? regionCodes = null;
        if (!string.IsNullOrWhiteSpace(region))
        {
            var match = catalog.Resolve(region);
            if (!match.IsFound)
            {
                return (null, match.IsAmbiguous
                    ? Problems.Invalid("region", $"'{region}' names several divisions: {string.Join("、", match.Candidates.Select(c => c.Code))}; use a code.", "Ambiguous region")
                    : Problems.NotFound($"No division or region group has the code or name '{region}'.", "Region not found"));
            }

            regionCodes = match.Group is { } g ? [.. g.MemberCodes] : [match.Region!.Code];
        }

        return (new CompanyListFilter(chainCode, segments, regionCodes, definitions, catalog), null);
    }
}
