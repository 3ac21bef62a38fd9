using ChainMap.Domain;
using ChainMap.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMap.Api.Chains;

internal sealed record ChainSummaryResponse(string Code, string Name, string Category, string Description);

internal sealed record SegmentResponse(
    string Code, string Name, string Tier, string? Parent, IReadOnlyList<string> Aliases, IReadOnlyList<string> Products,
    IReadOnlyList<string> Keywords, IReadOnlyList<string> IndustryCodes);

internal sealed record FlowResponse(string From, string To, string Description);

internal sealed record ChainResponse(string Code, string Name, string Category, string Description, IReadOnlyList<SegmentResponse> Segments, IReadOnlyList<FlowResponse> Flows);

/// <summary>A segment of the chain map: confirmed home-region companies, and apart from them the home region's 待确认 (unconfirmed) memberships.</summary>
internal sealed record MapSegmentResponse(string Code, string Name, string? Parent, int LocalCompanies, decimal LocalRegisteredCapital, int Unconfirmed);

internal sealed record MapTierResponse(string Tier, string Label, IReadOnlyList<MapSegmentResponse> Segments);

/// <summary>
/// The chain map: segments by tier with home-region counts, flows, and <c>chainLevel</c>: the chain-level memberships (环节待定, ADR
/// 0370) of companies anywhere, confirmed or not, that wait for an analyst to give them a segment (ADR 0405); in no segment's count.
/// </summary>
internal sealed record ChainMapResponse(string Code, string Name, string HomeRegion, string HomeName, IReadOnlyList<MapTierResponse> Tiers, IReadOnlyList<FlowResponse> Flows, long ChainLevel = 0);

/// <summary>A segment as a client sends it; tier is upstream, midstream or downstream (or 上游/中游/下游).</summary>
internal sealed record SegmentRequest(
    string Code, string Name, string Tier, string? Parent = null, IReadOnlyList<string>? Aliases = null, IReadOnlyList<string>? Products = null,
    IReadOnlyList<string>? Keywords = null, IReadOnlyList<string>? IndustryCodes = null);

internal sealed record FlowRequest(string From, string To, string? Description = null);

/// <summary>A whole chain definition; category is leading, high-value-add or other.</summary>
internal sealed record ChainRequest(
    string Code, string Name, string? Category = null, string? Description = null, IReadOnlyList<SegmentRequest>? Segments = null, IReadOnlyList<FlowRequest>? Flows = null);

internal static class ChainMappings
{
    public static ChainSummaryResponse ToSummary(this Chain chain) => new(chain.Code, chain.Name, chain.Category.ToWire(), chain.Description);

    public static SegmentResponse ToResponse(this Segment s) =>
        new(s.Code, s.Name, s.Tier.ToWire(), s.ParentCode, s.Aliases, s.Products, s.Keywords, s.IndustryCodes);

    public static ChainResponse ToResponse(this ChainDefinition d) => new(
        d.Chain.Code, d.Chain.Name, d.Chain.Category.ToWire(), d.Chain.Description,
        d.Segments.Select(ToResponse).ToList(),
        d.Flows.Select(f => new FlowResponse(f.From, f.To, f.Description)).ToList());

    /// <summary>Turns a request into a definition, collecting every field error (field path → messages).</summary>
    public static ChainDefinition ToDefinition(this ChainRequest request, Dictionary<string, string[]> errors)
    {
        if (!ChainCategories.TryParse(request.Category, out var category))
        {
            errors["category"] = [$"'{request.Category}' is not a category; use leading, high-value-add or other"];
        }

        var code = (request.Code ?? string.Empty).Trim();
        var segments = new List<Segment>();
        var index = 0;
        foreach (var s in request.Segments ?? [])
        {
            if (s is null)
            {
                errors[$"segments[{index}]"] = ["segment is null"];
                index++;
                continue;
            }

            segments.Add(s.ToSegment(code, $"segments[{index}]", errors));
            index++;
        }

        var flows = (request.Flows ?? []).Where(f => f is not null)
            .Select(f => new FlowEdge(code, (f.From ?? string.Empty).Trim(), (f.To ?? string.Empty).Trim(), f.Description ?? string.Empty)).ToList();
        return new ChainDefinition(new Chain(code, (request.Name ?? string.Empty).Trim(), category, request.Description ?? string.Empty), segments, flows);
    }

    public static Segment ToSegment(this SegmentRequest s, string chainCode, string path, Dictionary<string, string[]> errors)
    {
        if (!Tiers.TryParse(s.Tier, out var tier))
        {
            errors[$"{path}.tier"] = [$"'{s.Tier}' is not a tier; use upstream, midstream or downstream"];
        }

        return new Segment((s.Code ?? string.Empty).Trim(), chainCode, (s.Name ?? string.Empty).Trim(), tier, string.IsNullOrWhiteSpace(s.Parent) ? null : s.Parent.Trim(),
            Clean(s.Aliases), Clean(s.Products), Clean(s.Keywords), Clean(s.IndustryCodes));
    }

    public static Dictionary<string, string[]> ToErrors(this IEnumerable<ChainProblem> problems) =>
        problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());

    /// <summary>
    /// A 400 listing every problem by field; when the chain broke a cap, the extension <c>caps</c> names each
    /// one (<c>setting</c>, <c>limit</c>, <c>value</c>) so that a client can tell a cap from a mistake.
    /// </summary>
    public static ValidationProblem ToValidationProblem(this IReadOnlyList<ChainProblem> problems, string title)
    {
        var caps = problems.Where(p => p.Cap is not null).Select(p => p.Cap!).ToList();
        return TypedResults.ValidationProblem(
            problems.ToErrors(),
            detail: caps.Count == 0 ? null : string.Join("; ", problems.Where(p => p.Cap is not null).Select(p => p.Message)),
            title: title,
            extensions: caps.Count == 0 ? null : new Dictionary<string, object?> { ["caps"] = caps.Select(c => new { setting = c.Setting, limit = c.Limit, value = c.Value }).ToArray() });
    }

    /// <summary>The size caps checked on the request itself, before any of it is turned into a definition.</summary>
    public static IReadOnlyList<ChainProblem> SizeProblems(this ChainRequest request, ChainLimits limits)
    {
        var code = request.Code ?? string.Empty;
        var shape = new ChainDefinition(
            new Chain(code, "-", ChainCategory.Other, string.Empty),
            request.Segments is { } s && s.Count > limits.MaxSegmentsPerChain ? new Segment[s.Count] : [],
            request.Flows is { } f && f.Count > limits.MaxFlowsPerChain ? new FlowEdge[f.Count] : []);
        return shape.Segments.Count == 0 && shape.Flows.Count == 0 ? [] : ChainValidation.Validate(shape, limits).Where(p => p.Cap is not null).ToList();
    }

    public static ChainMapResponse ToMap(ChainDefinition definition, HomeRegion home, IReadOnlyList<SegmentPresence> presence, IReadOnlyDictionary<string, int> unconfirmed, long chainLevel)
    {
        var bySegment = presence.ToDictionary(p => p.SegmentCode);
        var tiers = Enum.GetValues<Tier>().Select(t => new MapTierResponse(
            t.ToWire(),
            t.ToChinese(),
            definition.Segments.Where(s => s.Tier == t).Select(s => new MapSegmentResponse(
                s.Code, s.Name, s.ParentCode,
                bySegment.TryGetValue(s.Code, out var p) ? p.Companies : 0,
                bySegment.TryGetValue(s.Code, out var q) ? q.RegisteredCapital : 0,
                unconfirmed.GetValueOrDefault(s.Code))).ToList())).ToList();
        return new ChainMapResponse(definition.Chain.Code, definition.Chain.Name, home.Code, home.Name, tiers,
            definition.Flows.Select(f => new FlowResponse(f.From, f.To, f.Description)).ToList(), chainLevel);
    }

    private static IReadOnlyList<string> Clean(IReadOnlyList<string>? values) =>
        (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList();
}
