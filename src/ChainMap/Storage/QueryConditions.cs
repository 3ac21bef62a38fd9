namespace ChainMap.Storage;

/// <summary>
/// The conditions of a filtered read with their parameters, as a store writes them in its own query language:
/// each filter that is given adds its clause and its parameter; <see cref="Where"/> joins the clauses with AND.
/// The stores decide nothing here: which filters exist is the query record's, what each means is the clause's.
/// </summary>
internal sealed class QueryConditions
{
    private readonly List<string> clauses = [];

    public List<(string Name, object Value)> Parameters { get; } = [];

    public int Count => clauses.Count;

    /// <summary>Adds <paramref name="clause"/> with <paramref name="name"/> = <paramref name="value"/> when the value is given (not null).</summary>
    public QueryConditions Add(object? value, string clause, string name)
    {
        if (value is not null)
        {
            clauses.Add(clause);
            Parameters.Add((name, value));
        }

        return this;
    }

    /// <summary>Adds a clause whose parameters the caller binds (or that has none).</summary>
    public QueryConditions Add(string clause)
    {
        clauses.Add(clause);
        return this;
    }

    /// <summary>The clauses joined with AND, or <paramref name="none"/> when there is none.</summary>
    public string Where(string none) => clauses.Count == 0 ? none : string.Join(" AND ", clauses);
}
