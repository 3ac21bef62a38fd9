using ChainMap.Text;

namespace ChainMap.Chains;

/// <summary>
/// Reading a text for the segments' words in one pass (ADR 0780): the rules loop over the words a text holds, in
/// <see cref="fieldTerms"/> order (longest first), instead of testing every word of every segment against the text.
/// </summary>
internal sealed partial class CompanyClassifier
{
    /// <summary>
    /// The entries of <see cref="fieldTerms"/> whose word occurs in any of <paramref name="texts"/>, in <see cref="fieldTerms"/>
    /// order: the same entries, in the same order, that a loop over <see cref="fieldTerms"/> finds with
    /// <c>text.Contains(term, Ordinal)</c>, so a loop over them decides exactly as the loop over every word did.
    /// </summary>
    private List<(string Term, int Segment, double Strength)> FieldTermsIn(params string[] texts)
    {
        // One scratch list of indexes per thread (ADR 0835): the scanner appends each text's finds to it, and one sort puts them in
        // fieldTerms order (a word found in two texts twice, side by side, and taken once below).
        var indexes = fieldTermIndexesBuffer ??= [];
        indexes.Clear();
        foreach (var text in texts)
        {
            fieldTermScanner.AddFound(text, indexes);
        }

        indexes.Sort();
        var result = new List<(string Term, int Segment, double Strength)>(indexes.Count);
        for (var i = 0; i < indexes.Count; i++)
        {
            if (i == 0 || indexes[i] != indexes[i - 1])
            {
                result.Add(fieldTerms[indexes[i]]);
            }
        }

        indexes.Clear();
        return result;
    }

    [ThreadStatic]
    private static List<int>? fieldTermIndexesBuffer;

    /// <summary>The entries of <see cref="downstreamTerms"/> whose word occurs in <paramref name="clause"/>, in their order.</summary>
    private List<(string Term, string Chain)> DownstreamTermsIn(string clause) =>
        downstreamTermScanner.Find(clause).ConvertAll(i => downstreamTerms[i]);
}
