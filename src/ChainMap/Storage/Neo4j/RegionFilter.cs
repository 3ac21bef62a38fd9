using System.Text;

namespace ChainMap.Storage.Neo4j;

/// <summary>
/// "Companies within any of these regions" over the denormalised <c>provinceCode</c>,
/// <c>cityCode</c> and <c>countyCode</c> of company nodes. A GB/T 2260 code says its level by its
/// shape (<c>xx0000</c> province, <c>xxxx00</c> city, else county), so each code is looked up only
/// in its own property, by index seek; a code of another shape is looked up in all three. Neo4j 3.x
/// answers an <c>OR</c> across properties by scanning every company, so several properties become
/// separate seeks collected into one list.
/// </summary>
internal sealed class RegionFilter
{
    private static readonly string[] Properties = ["provinceCode", "cityCode", "countyCode"];

    private readonly List<string>[] codes = [[], [], []];

    public RegionFilter(IEnumerable<string> regionCodes)
    {
        foreach (var code in regionCodes.Distinct(StringComparer.Ordinal))
        {
            if (code.Length == 6 && code.All(char.IsAsciiDigit))
            {
                codes[code.EndsWith("0000", StringComparison.Ordinal) ? 0 : code.EndsWith("00", StringComparison.Ordinal) ? 1 : 2].Add(code);
            }
            else
            {
                foreach (var list in codes)
                {
                    list.Add(code);
                }
            }
        }
    }

    /// <summary>True when no code is a province: the filter is then small enough to start a query from.</summary>
    public bool IsNarrow => codes[0].Count == 0;

    public IEnumerable<(string Name, object? Value)> Parameters =>
        Enumerable.Range(0, 3).Where(i => codes[i].Count > 0).Select(i => ($"regions{i}", (object?)codes[i]));

    /// <summary>Cypher that binds each matching company once as <c>c</c>, starting from the indexes; a <c>WHERE</c> may follow.</summary>
    public string Match()
    {
        var used = Enumerable.Range(0, 3).Where(i => codes[i].Count > 0).ToList();
        if (used.Count == 0)
        {
            return "MATCH (c:Company) WHERE false\nWITH c\n";
        }

        if (used.Count == 1)
        {
            return $"MATCH (c:Company) WHERE c.{Properties[used[0]]} IN $regions{used[0]}\nWITH c\n";
        }

        var text = new StringBuilder();
        var collected = new List<string>();
        foreach (var i in used)
        {
            text.Append($"OPTIONAL MATCH (in{i}:Company) WHERE in{i}.{Properties[i]} IN $regions{i}\n");
            text.Append($"WITH {string.Concat(collected.Select(c => c + ", "))}collect(in{i}) AS found{i}\n");
            collected.Add($"found{i}");
        }

        text.Append($"UNWIND {string.Join(" + ", collected)} AS c\nWITH DISTINCT c\n");
        return text.ToString();
    }

    /// <summary>A predicate on a bound <c>c</c>, for when another filter starts the query.</summary>
    public string Predicate()
    {
        var parts = Enumerable.Range(0, 3).Where(i => codes[i].Count > 0).Select(i => $"c.{Properties[i]} IN $regions{i}").ToList();
        return parts.Count == 0 ? "false" : "(" + string.Join(" OR ", parts) + ")";
    }
}
