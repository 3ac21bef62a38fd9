using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace ChainMap.Import;

/// <summary>One foreign currency as lists write it, and what one unit of it is worth in 元.</summary>
internal sealed record Currency(string Code, IReadOnlyList<string> Names, decimal YuanPerUnit, string Basis);

/// <summary>
/// The foreign currencies an amount may be written in (美元, 港币, 万欧元 …) and their rates to 元, from
/// data/money/exchange-rates.csv embedded in the library (one year's mean of the Federal Reserve's monthly rates;
/// data/README.md). An amount in one of them is converted at that one rate whatever year the company registered:
/// the point is a figure comparable with other companies' 万元, not the historical value.
/// </summary>
internal sealed class CurrencyRates
{
    private static readonly Lazy<CurrencyRates> Embedded = new(() => Parse(EmbeddedData.Read("ChainMap.money.exchange-rates.csv", "data/money/exchange-rates.csv")));

    // Longest names first, so that 香港元 is found before 港元 and a name is never read inside a longer one.
    private readonly (string Name, Currency Currency)[] names;

    private CurrencyRates(IEnumerable<Currency> currencies)
    {
        Currencies = currencies.ToArray();
        names = Currencies.SelectMany(c => c.Names.Select(n => (n, c))).OrderByDescending(p => p.n.Length).ToArray();
    }

    /// <summary>The table embedded in the library.</summary>
    public static CurrencyRates Default => Embedded.Value;

    public IReadOnlyList<Currency> Currencies { get; }

    /// <summary>The currency <paramref name="text"/> names (case-insensitive) and the name as written, or null.</summary>
    public (Currency Currency, string Name)? Find(string text)
    {
        foreach (var (name, currency) in names)
        {
            var at = text.IndexOf(name, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                return (currency, text.Substring(at, name.Length));
            }
        }

        return null;
    }

    internal static CurrencyRates Parse(string csv)
    {
        using var reader = new StringReader(csv);
        using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        var currencies = new List<Currency>();
        var header = true;
        while (parser.Read())
        {
            if (header)
            {
                header = false;
                continue;
            }

            var record = parser.Record!;
            var rate = decimal.Parse(record[2], NumberStyles.Number, CultureInfo.InvariantCulture);
            currencies.Add(new Currency(record[0], record[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), rate, record[3]));
        }

        return new CurrencyRates(currencies);
    }
}
