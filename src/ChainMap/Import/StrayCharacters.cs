using System.Buffers;
using System.Globalization;
using System.Text;

namespace ChainMap.Import;

/// <summary>
/// Characters that are never part of a cell's text but turn up in real exports: C0 control
/// characters other than tab, CR and LF; DEL; C1 controls (U+0080–U+009F); zero-width and
/// invisible formatting characters (U+200B–U+200F, U+2060–U+2064); and a byte-order mark in the
/// middle of a file (U+FEFF). The table reader removes them from every cell and reports each cell
/// it changed as a warning, so a row is imported as written minus the invisible noise.
/// </summary>
internal static class StrayCharacters
{
    private static readonly SearchValues<char> Stray = SearchValues.Create(BuildSet());

    /// <summary>True when <paramref name="value"/> holds at least one stray character.</summary>
    public static bool Contains(string value) => value.AsSpan().IndexOfAny(Stray) >= 0;

    /// <summary>The value without its stray characters, and a description of what was removed (null when nothing was).</summary>
    public static (string Value, string? Removed) Remove(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var first = value.AsSpan().IndexOfAny(Stray);
        if (first < 0)
        {
            return (value, null);
        }

        var kept = new StringBuilder(value.Length);
        var removed = new SortedDictionary<char, int>();
        kept.Append(value, 0, first);
        for (var i = first; i < value.Length; i++)
        {
            var c = value[i];
            if (Stray.Contains(c))
            {
                removed[c] = removed.GetValueOrDefault(c) + 1;
            }
            else
            {
                kept.Append(c);
            }
        }

        var description = string.Join(", ", removed.Select(p => string.Create(CultureInfo.InvariantCulture,
            $"U+{(int)p.Key:X4} {Name(p.Key)}{(p.Value > 1 ? $" ×{p.Value}" : string.Empty)}")));
        return (kept.ToString(), description);
    }

    private static string Name(char c) => c switch
    {
        '\u007F' => "DEL",
        '\uFEFF' => "byte-order mark",
        '\u200B' => "zero-width space",
        '\u200C' => "zero-width non-joiner",
        '\u200D' => "zero-width joiner",
        '\u2060' => "word joiner",
        '\u200E' or '\u200F' => "direction mark",
        < '\u0020' => "control character",
        <= '\u009F' => "C1 control character",
        _ => "invisible formatting character",
    };

    private static char[] BuildSet()
    {
        var set = new List<char>();
        for (var c = '\u0000'; c < '\u0020'; c++)
        {
            if (c is not ('\t' or '\n' or '\r'))
            {
                set.Add(c);
            }
        }

        for (var c = '\u007F'; c <= '\u009F'; c++)
        {
            set.Add(c);
        }

        for (var c = '\u200B'; c <= '\u200F'; c++)
        {
            set.Add(c);
        }

        for (var c = '\u2060'; c <= '\u2064'; c++)
        {
            set.Add(c);
        }

        set.Add('\uFEFF');
        return [.. set];
    }
}
