using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace ChainMap.Text;

/// <summary>
/// Folds Chinese text so that matching does not care about script (專汽 / 专汽), width
/// (ＡＢＣ / ABC), case or spacing. The Traditional→Simplified table is data (data/text/t2s.tsv),
/// embedded at build time so that every host has it.
/// </summary>
internal static class ChineseText
{
    private static readonly FrozenDictionary<char, char> TraditionalToSimplified = LoadTable();

    /// <summary>Number of characters in the Traditional→Simplified table.</summary>
    public static int TableSize => TraditionalToSimplified.Count;

    /// <summary>Converts Traditional characters to Simplified; everything else is kept.</summary>
    public static string ToSimplified(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = TraditionalToSimplified.TryGetValue(source[i], out var s) ? s : source[i];
            }
        });
    }

    /// <summary>
    /// The key used for every name comparison: NFKC (full-width to half-width), Simplified script,
    /// lower case, no whitespace, no stray control or zero-width characters.
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var normalized = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || IsInvisible(c))
            {
                continue;
            }

            var simplified = TraditionalToSimplified.TryGetValue(c, out var s) ? s : c;
            builder.Append(char.ToLowerInvariant(simplified));
        }

        return builder.ToString();
    }

    /// <summary>
    /// The identity key of a company name: <see cref="Fold"/> plus unified brackets and no
    /// punctuation, so 随州市程力专用汽车股份有限公司 and "隨州市程力專用汽車股份有限公司 " are one name.
    /// </summary>
    public static string NormalizeCompanyName(string? name)
    {
        var folded = Fold(name);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
                or UnicodeCategory.OtherPunctuation or UnicodeCategory.DashPunctuation
                or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
                or UnicodeCategory.ConnectorPunctuation)
            {
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>True when <paramref name="haystack"/> contains <paramref name="needle"/> after folding both.</summary>
    public static bool ContainsFolded(string? haystack, string? needle) =>
        !string.IsNullOrEmpty(needle) && Fold(haystack).Contains(Fold(needle), StringComparison.Ordinal);

    private static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD';

    private static FrozenDictionary<char, char> LoadTable()
    {
        using var reader = new StringReader(EmbeddedData.Read("ChainMap.t2s.tsv", "data/text/t2s.tsv"));
        var map = new Dictionary<char, char>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length >= 2 && parts[0].Length == 1 && parts[1].Length == 1 && parts[0][0] != parts[1][0])
            {
                map.TryAdd(parts[0][0], parts[1][0]);
            }
        }

        return map.ToFrozenDictionary();
    }
}
