using ChainMap.Domain;

namespace ChainMap.Chains;

/// <summary>The order of a chain-level membership's suggested segments (ADR 0425).</summary>
internal sealed partial class CompanyClassifier
{
    /// <summary>
    /// The segments a chain-level membership suggests, best first, at most <see cref="ChainLevelMemberships.MaxSuggestions"/>
    /// (ADR 0425): the label's usual segment; then the chain's segments that a word of the name, products or scope names too
    /// weakly to be kept, strongest first (the industry cell's words are the label's own and say nothing more); the other segments
    /// the same label guesses; the segments whose codes agree with the row's at least as well as the usual one's, closer agreement
    /// first and, within it, the usual segment's children and then its siblings first; the rest of its children and siblings;
    /// segments whose codes agree less well, best first; last its parent (a coarser answer than the usual segment's).
    /// </summary>
    private List<string> RankSuggestions(int s, Candidate candidate, Dictionary<int, Candidate> scores)
    {
        var chain = segments[s].ChainCode;
        var parent = parentIndex[s];
        var others = scores.Where(p => p.Key != s && p.Key != parent && segments[p.Key].ChainCode == chain).ToList();
        var ranked = new List<int> { s };
        ranked.AddRange(others.Where(p => RowWordStrength(p.Value) > 0)
            .OrderByDescending(p => RowWordStrength(p.Value)).ThenBy(p => segments[p.Key].Code, StringComparer.Ordinal).Select(p => p.Key));
        ranked.AddRange(others.Where(p => p.Value.LabelGuess == candidate.LabelGuess).Select(p => p.Key).Order());
        ranked.AddRange(others.Where(p => p.Value.Code > 0 && p.Value.Code >= candidate.Code)
            .OrderByDescending(p => p.Value.Code).ThenBy(p => Kinship(p.Key, s)).ThenBy(p => segments[p.Key].Code, StringComparer.Ordinal).Select(p => p.Key));
        ranked.AddRange(Enumerable.Range(0, segments.Count).Where(i => Kinship(i, s) < 2)
            .OrderBy(i => Kinship(i, s)).ThenByDescending(i => scores.GetValueOrDefault(i)?.Code ?? 0).ThenBy(i => segments[i].Code, StringComparer.Ordinal));
        ranked.AddRange(others.Where(p => p.Value.Code > 0)
            .OrderByDescending(p => p.Value.Code).ThenBy(p => segments[p.Key].Code, StringComparer.Ordinal).Select(p => p.Key));
        if (parent >= 0)
        {
            ranked.Add(parent);
        }

        return [.. ranked.Distinct().Take(ChainLevelMemberships.MaxSuggestions).Select(i => segments[i].Code)];
    }

    /// <summary>How near segment <paramref name="i"/> is to the usual segment <paramref name="s"/>: 0 a child, 1 a sibling, 2 anything else.</summary>
    private int Kinship(int i, int s) =>
        i != s && parentIndex[i] == s ? 0
        : i != s && parentIndex[i] >= 0 && parentIndex[i] == parentIndex[s] ? 1
        : 2;

    /// <summary>The weighted strength of the segment's words in the row's name, products and scope (as in the score).</summary>
    private static double RowWordStrength(Candidate candidate) =>
        (candidate.Field(0) * NameWeight) + (candidate.Field(1) * ProductsWeight) + (candidate.Field(3) * ScopeWeight);
}
