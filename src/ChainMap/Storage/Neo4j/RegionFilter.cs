using System.Globalization;
using System.Text;
using ChainMap.Domain;

namespace ChainMap.Storage.Neo4j;

/// <summary>
/// A <see cref="RegionScope"/> in Cypher, the one translation of "in these regions" in this store, over the
/// denormalised <c>provinceCode</c>, <c>cityCode</c> and <c>countyCode</c> of company (and channel) nodes,
/// with one list parameter per level that has codes (<c>$name0</c> provinces, <c>$name1</c> cities,
/// <c>$name2</c> counties). Either as a <see cref="Match"/> that starts a query from index seeks (Neo4j 3.x
/// answers an <c>OR</c> across properties by scanning every company, so each level is its own seek collected
/// into one list, ADR 0033) or as a <see cref="Predicate"/> on a bound node.
/// </summary>
internal sealed class RegionFilter
{
    private static readonly string[] Properties = ["provinceCode", "cityCode", "countyCode"];

    private readonly RegionScope scope;
    private readonly string name;
    private readonly IReadOnlyList<string>[] codes;

    public RegionFilter(RegionScope scope, string name)
    {
        ArgumentNullException.ThrowIfNull(scope);
        this.scope = scope;
        this.name = name;
        codes = [scope.Provinces, scope.Cities, scope.Counties];
    }

    /// <summary>The scope of <paramref name="regionCodes"/> with parameters <c>$regions0..2</c>.</summary>
    public RegionFilter(IEnumerable<string> regionCodes)
        : this(RegionScope.Of(regionCodes), "regions")
    {
    }

    /// <summary>True when no code is a province: the filter is then small enough to start a query from.</summary>
    public bool IsNarrow => !scope.IsEverywhere && codes[0].Count == 0;

    public IEnumerable<(string Name, object? Value)> Parameters =>
        Used.Select(i => ($"{name}{i}", (object?)codes[i].ToList()));

    private IEnumerable<int> Used => Enumerable.Range(0, 3).Where(i => codes[i].Count > 0);

    /// <summary>Cypher that binds each matching company once as <c>c</c>, starting from the indexes; a <c>WHERE</c> may follow.</summary>
    public string Match()
    {
        if (scope.IsEverywhere)
        {
            return "MATCH (c:Company)\nWITH c\n";
        }

        var used = Used.ToList();
        if (used.Count == 0)
        {
            return "MATCH (c:Company) WHERE false\nWITH c\n";
        }

        if (used.Count == 1)
        {
            return $"MATCH (c:Company) WHERE c.{Properties[used[0]]} IN ${name}{used[0]}\nWITH c\n";
        }

        var text = new StringBuilder();
        var collected = new List<string>();
        foreach (var i in used)
        {
            text.Append(CultureInfo.InvariantCulture, $"OPTIONAL MATCH (in{i}:Company) WHERE in{i}.{Properties[i]} IN ${name}{i}\n");
            text.Append(CultureInfo.InvariantCulture, $"WITH {string.Concat(collected.Select(c => c + ", "))}collect(in{i}) AS found{i}\n");
            collected.Add($"found{i}");
        }

        text.Append(CultureInfo.InvariantCulture, $"UNWIND {string.Join(" + ", collected)} AS c\nWITH DISTINCT c\n");
        return text.ToString();
    }

    /// <summary>
    /// True when the node bound to <paramref name="variable"/> lies in the scope, never null (a missing city or
    /// county would make <c>NOT …</c> null and drop the node from both sides).
    /// </summary>
    public string Predicate(string variable = "c")
    {
        if (scope.IsEverywhere)
        {
            return "true";
        }

        var parts = Used.Select(i => $"coalesce({variable}.{Properties[i]}, '') IN ${name}{i}").ToList();
        return parts.Count == 0 ? "false" : "(" + string.Join(" OR ", parts) + ")";
    }
}
