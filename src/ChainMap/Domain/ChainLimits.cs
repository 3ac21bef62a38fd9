using System.ComponentModel.DataAnnotations;

namespace ChainMap.Domain;

/// <summary>
/// The caps on one chain definition (configuration section <c>Chains</c>; docs/operations.md, "Caps and limits").
/// A chain that breaks one is refused whole with the cap, the limit and the value it had. The defaults are far
/// above the real chains (the largest default chain has 33 segments, 56 flows, names of 12 characters and one
/// level of sub-segments) and keep every walk over a chain, and every picture of it, small.
/// </summary>
internal sealed class ChainLimits
{
    public const string SectionName = "Chains";

    /// <summary>The limits when nothing is configured.</summary>
    public static ChainLimits Default { get; } = new();

    /// <summary>Segments in one chain.</summary>
    [Range(1, 1_000_000)]
    public int MaxSegmentsPerChain { get; set; } = 2_000;

    /// <summary>Flow edges in one chain.</summary>
    [Range(0, 10_000_000)]
    public int MaxFlowsPerChain { get; set; } = 10_000;

    /// <summary>Characters (UTF-16 code units) of a chain's or a segment's name.</summary>
    [Range(1, 100_000)]
    public int MaxNameLength { get; set; } = 200;

    /// <summary>Levels of sub-segments under a top-level segment (a top-level segment is at depth 0).</summary>
    [Range(0, 1_000_000)]
    public int MaxTreeDepth { get; set; } = 32;

    /// <summary>Pixels (width × height) of a PNG chain map; larger maps are refused (use SVG).</summary>
    [Range(1, 500_000_000)]
    public long MaxPngPixels { get; set; } = 40_000_000;

    public static string Setting(string name) => $"{SectionName}:{name}";
}

/// <summary>A cap that a chain broke: the setting that holds it, its limit and the value the chain had.</summary>
internal sealed record ChainCap(string Setting, long Limit, long Value);
