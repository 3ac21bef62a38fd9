using System.Buffers;
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

    /// <summary>
    /// Per UTF-16 unit, what <see cref="Folded"/> writes for it: its Simplified form lower-cased, or '\0' for a unit it drops
    /// (whitespace, control, invisible; '\0' is itself a control character). A table of 64K read once per character instead
    /// of a dictionary lookup and a case mapping (ADR 0780); it holds exactly what those computed.
    /// </summary>
    private static readonly char[] FoldedUnits = BuildFoldedUnits();

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
    public static string Fold(string? text) => string.IsNullOrEmpty(text) ? string.Empty : Folded(text, dropPunctuation: false);

    /// <summary>
    /// The identity key of a company name: <see cref="Fold"/> plus unified brackets and no
    /// punctuation, so 随州市程力专用汽车股份有限公司 and "隨州市程力專用汽車股份有限公司 " are one name.
    /// </summary>
    public static string NormalizeCompanyName(string? name) => string.IsNullOrEmpty(name) ? string.Empty : Folded(name, dropPunctuation: true);

    /// <summary>
    /// <see cref="Fold"/> in one pass, without punctuation when <paramref name="dropPunctuation"/>: NFKC only where a
    /// character outside ASCII and the CJK ideographs could change under it (a company name rarely has one), one buffer
    /// on the stack, and the text itself returned when folding changes nothing.
    /// </summary>
    private static string Folded(string text, bool dropPunctuation)
    {
        var source = NfkcStable(text) ? text : text.Normalize(NormalizationForm.FormKC);
        char[]? rented = null;
        Span<char> buffer = source.Length <= 256 ? stackalloc char[source.Length] : (rented = ArrayPool<char>.Shared.Rent(source.Length));
        try
        {
            var length = 0;
            foreach (var c in source)
            {
                var folded = FoldedUnits[c];
                if (folded == '\0')
                {
                    continue;
                }

                if (dropPunctuation && IsPunctuation(folded))
                {
                    continue;
                }

                buffer[length++] = folded;
            }

            return source.AsSpan().SequenceEqual(buffer[..length]) ? source : new string(buffer[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>True when NFKC leaves <paramref name="text"/> as it is because every character is ASCII or a CJK ideograph (no decomposition, no composition).</summary>
    private static bool NfkcStable(string text)
    {
        foreach (var c in text)
        {
            if (c >= 0x80 && c is not (>= '\u3400' and <= '\u4DBF') and not (>= '\u4E00' and <= '\u9FFF'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPunctuation(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
            or UnicodeCategory.OtherPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
            or UnicodeCategory.ConnectorPunctuation;

    /// <summary>True when <paramref name="haystack"/> contains <paramref name="needle"/> after folding both.</summary>
    public static bool ContainsFolded(string? haystack, string? needle) =>
        !string.IsNullOrEmpty(needle) && Fold(haystack).Contains(Fold(needle), StringComparison.Ordinal);

    private static char[] BuildFoldedUnits()
    {
        var units = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            units[i] = char.IsWhiteSpace(c) || char.IsControl(c) || IsInvisible(c)
                ? '\0'
                : char.ToLowerInvariant(TraditionalToSimplified.TryGetValue(c, out var s) ? s : c);
        }

        return units;
    }

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
