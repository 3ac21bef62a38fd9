using ChainMap.Domain;
using ChainMap.Text;

namespace ChainMap.Chains;

/// <summary>
/// A segment found for a company, with how sure the match is, the text that supports it and which independent sources
/// support it (<paramref name="Basis"/>: 名称, 产品, 行业, 经营范围 joined by '+'; empty for a match that does not say).
/// </summary>
internal sealed record SegmentMatch(Segment Segment, double Confidence, string Evidence, string Basis = "")
{
    /// <summary>False when the match is 待确认 (unconfirmed): its confidence is below <see cref="ClassifierRules.ConfirmThreshold"/>.</summary>
    public bool IsConfirmedByRule => Confidence >= ClassifierRules.ConfirmThreshold;

    /// <summary>True when the evidence names the chain but not which segment (ADR 0370): the membership is the chain's, 环节待定.</summary>
    public bool ChainLevel { get; init; }

    /// <summary>For a chain-level match, the chain's segments its evidence fitted, the label's usual one first (ADR 0405); else empty.</summary>
    public IReadOnlyList<string> SuggestedSegments { get; init; } = [];

    /// <summary>The code the membership is stored under: the segment's, or the chain's for a chain-level one (ADR 0370).</summary>
    public string MembershipCode => ChainLevel ? Segment.ChainCode : Segment.Code;
}

/// <summary>
/// Assigns companies to segments: exactly by segment code, name or alias (confidence 1.0), or
/// from product / industry text that contains a segment's keywords, products or name
/// (confidence 0.5–0.9 by how much of the text agrees). Script-insensitive.
/// </summary>
internal sealed class SegmentMatcher
{
    private readonly Dictionary<string, Segment> exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> chainCodes = new(StringComparer.Ordinal);
    private readonly List<(string Term, Segment Segment, double Weight)> terms = [];
    private readonly Lazy<CompanyClassifier> classifier;

    public SegmentMatcher(IEnumerable<ChainDefinition> chains)
    {
        var definitions = chains.ToList();
        classifier = new(() => new CompanyClassifier(definitions));
        foreach (var definition in definitions)
        {
            chainCodes.TryAdd(ChineseText.Fold(definition.Chain.Code), definition.Chain.Code);
        }

        foreach (var segment in definitions.SelectMany(c => c.Segments))
        {
            exact.TryAdd(ChineseText.Fold(segment.Code), segment);
            exact.TryAdd(ChineseText.Fold(segment.Name), segment);
            foreach (var alias in segment.Aliases)
            {
                exact.TryAdd(ChineseText.Fold(alias), segment);
            }

            foreach (var keyword in segment.IncludeKeywords)
            {
                AddTerm(keyword, segment, 1.0);
            }

            foreach (var product in segment.Products)
            {
                AddTerm(product, segment, 0.9);
            }

            AddTerm(segment.Name, segment, 0.8);
            foreach (var alias in segment.Aliases)
            {
                AddTerm(alias, segment, 0.8);
            }
        }

        // Longer terms first, so that 新能源专用车底盘 wins over 底盘.
        terms.Sort((a, b) => b.Term.Length.CompareTo(a.Term.Length));
    }

    /// <summary>The segment whose code, name or alias is exactly <paramref name="text"/>.</summary>
    public Segment? FindExact(string? text) => exact.GetValueOrDefault(ChineseText.Fold(text));

    /// <summary>
    /// The code a membership named by <paramref name="text"/> is stored under: a segment's (by code, name or alias), or a chain's
    /// code for a chain-level membership (ADR 0370); null when neither.
    /// </summary>
    public string? FindMembershipCode(string? text) => FindExact(text)?.Code ?? chainCodes.GetValueOrDefault(ChineseText.Fold(text));

    /// <summary>The company's best few segments from every signal of its row (see <see cref="CompanyClassifier"/>).</summary>
    public IReadOnlyList<SegmentMatch> Classify(CompanyText company) => classifier.Value.Classify(company);

    /// <summary>Segments whose terms occur in the text, best first, within <paramref name="chainCode"/> when given.</summary>
    public IReadOnlyList<SegmentMatch> MatchText(string? text, string? chainCode = null, int limit = 3)
    {
        var folded = ChineseText.Fold(text);
        if (folded.Length == 0)
        {
            return [];
        }

        var scores = new Dictionary<string, (Segment Segment, double Score, List<string> Evidence)>(StringComparer.Ordinal);
        foreach (var (term, segment, weight) in terms)
        {
            if ((chainCode is not null && segment.ChainCode != chainCode) || !folded.Contains(term, StringComparison.Ordinal))
            {
                continue;
            }

            if (!scores.TryGetValue(segment.Code, out var entry))
            {
                entry = (segment, 0, []);
            }

            if (!entry.Evidence.Contains(term))
            {
                entry.Evidence.Add(term);
                entry.Score += weight * Math.Min(1.0, term.Length / 4.0);
            }

            scores[segment.Code] = entry;
        }

        return scores.Values
            .OrderByDescending(e => e.Score)
            .ThenBy(e => e.Segment.Code, StringComparer.Ordinal)
            .Take(limit)
            .Select(e => new SegmentMatch(e.Segment, Math.Round(Math.Min(0.9, 0.5 + (0.2 * e.Score)), 2), string.Join("、", e.Evidence)))
            .ToList();
    }

    private void AddTerm(string term, Segment segment, double weight)
    {
        var folded = ChineseText.Fold(term);
        if (folded.Length >= 2)
        {
            terms.Add((folded, segment, weight));
        }
    }
}
