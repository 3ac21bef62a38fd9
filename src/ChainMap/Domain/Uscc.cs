using System.Diagnostics.CodeAnalysis;

namespace ChainMap.Domain;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from 0-9 and A-Z without I, O, Z, S, V;
/// position 1 is the registration authority, 2 the organisation type, 3-8 the GB/T 2260 region,
/// 9-17 the organisation code, 18 a check character (weighted sum mod 31).
/// </summary>
internal readonly record struct Uscc
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private Uscc(string value) => Value = value;

    public string Value { get; }

    /// <summary>The six-digit administrative division code embedded in positions 3-8.</summary>
    public string RegionCode => Value.Substring(2, 6);

    public override string ToString() => Value;

    public static Uscc Parse(string text) =>
        TryParse(text, out var uscc, out var error) ? uscc : throw new FormatException(error);

    public static bool TryParse(string? text, out Uscc uscc) => TryParse(text, out uscc, out _);

    /// <summary>
    /// Parses after folding full-width forms to ASCII (NFKC: ９１３２… → 9132…, as Chinese input methods and
    /// spreadsheets produce them), trimming and upper-casing; <paramref name="error"/> says exactly what is wrong.
    /// Every USCC input (imports, URLs, filters, request bodies) goes through here, so all accept the same forms.
    /// </summary>
    public static bool TryParse(string? text, out Uscc uscc, [NotNullWhen(false)] out string? error)
    {
        uscc = default;
        var folded = text ?? string.Empty;
        if (!System.Text.Ascii.IsValid(folded))
        {
            folded = folded.Normalize(System.Text.NormalizationForm.FormKC);
        }

        var value = folded.Trim().ToUpperInvariant();
        if (value.Length != 18)
        {
            error = $"must be 18 characters, got {value.Length}";
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var index = Alphabet.IndexOf(value[i], StringComparison.Ordinal);
            if (index < 0)
            {
                error = $"character '{value[i]}' at position {i + 1} is not allowed (0-9 and A-Z except I, O, Z, S, V)";
                return false;
            }

            sum += index * Weights[i];
        }

        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                error = $"positions 3-8 must be a six-digit region code, found '{value.Substring(2, 6)}'";
                return false;
            }
        }

        var expected = Alphabet[(31 - (sum % 31)) % 31];
        if (value[17] != expected)
        {
            error = $"check character is '{value[17]}' but should be '{expected}'";
            return false;
        }

        uscc = new Uscc(value);
        error = null;
        return true;
    }

    /// <summary>Builds a valid code from its first 17 characters by appending the check character.</summary>
    public static Uscc FromBody(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != 17)
        {
            throw new ArgumentException("The body of a USCC has 17 characters.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var index = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (index < 0)
            {
                throw new ArgumentException($"Character '{first17[i]}' is not allowed in a USCC.", nameof(first17));
            }

            sum += index * Weights[i];
        }

        return Parse(first17 + Alphabet[(31 - (sum % 31)) % 31]);
    }

    /// <summary>The characters allowed in a USCC body (for generators).</summary>
    public static string AllowedCharacters => Alphabet;
}
