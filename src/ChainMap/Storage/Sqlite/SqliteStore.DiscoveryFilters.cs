using System.Text;
using ChainMap.Discovery;
using ChainMap.Domain;
using Microsoft.Data.Sqlite;

namespace ChainMap.Storage.Sqlite;

/// <summary>
/// The SQL translations of the rules decided in <c>Domain/</c> and <c>Discovery/</c>: one for
/// <see cref="RegionScope"/> (what "in these regions" means) and one for <see cref="CandidateFilter"/>.
/// No other SQL in this store decides either.
/// </summary>
internal sealed partial class SqliteStore
{
    /// <summary>
    /// A <see cref="RegionScope"/> in SQL over rows with <c>province_code</c>, <c>city_code</c> and
    /// <c>county_code</c> columns, with one JSON array parameter per level that has codes
    /// (<c>$name_province</c>, <c>$name_city</c>, <c>$name_county</c>).
    /// </summary>
    private sealed class SqlRegionScope(RegionScope scope, string name)
    {
        private static readonly string[] Columns = ["province_code", "city_code", "county_code"];

        private IEnumerable<(string Column, string Parameter, IReadOnlyList<string> Codes)> Levels =>
            new[] { scope.Provinces, scope.Cities, scope.Counties }
                .Select((codes, i) => (Columns[i], $"${name}_{Columns[i][..^5]}", codes))
                .Where(l => l.codes.Count > 0);

        /// <summary>
        /// 1 when the row of <paramref name="alias"/> lies in the scope, else 0 (never NULL: a missing city or
        /// county would make <c>NOT …</c> NULL and drop the row from both sides).
        /// </summary>
        public string Contains(string alias)
        {
            if (scope.IsEverywhere)
            {
                return "1";
            }

            var condition = Where(alias);
            return condition == "0" ? "0" : $"coalesce({condition}, 0)";
        }

        /// <summary>
        /// The scope as a plain condition for a <c>WHERE</c> that keeps rows in it (NULL counts as not in it, and the
        /// planner may answer the OR with one index per level).
        /// </summary>
        public string Where(string alias)
        {
            if (scope.IsEverywhere)
            {
                return "1";
            }

            var parts = Levels.Select(l => $"{alias}.{l.Column} IN (SELECT value FROM json_each({l.Parameter}))").ToList();
            return parts.Count == 0 ? "0" : $"({string.Join(" OR ", parts)})";
        }

        /// <summary>The ids of the companies in the scope, one index seek per level (an OR of levels would scan).</summary>
        public string CompanyIds()
        {
            if (scope.IsEverywhere)
            {
                return "SELECT id FROM company";
            }

            var parts = Levels.Select(l => $"SELECT id FROM company WHERE {l.Column} IN (SELECT value FROM json_each({l.Parameter}))").ToList();
            return parts.Count == 0 ? "SELECT id FROM company WHERE 0" : string.Join("\nUNION ", parts);
        }

        public void Bind(SqliteCommand command)
        {
            foreach (var (_, parameter, codes) in Levels)
            {
                command.Parameters.AddWithValue(parameter, Json(codes));
            }
        }

        public void Bind(List<SqliteParameter> parameters)
        {
            foreach (var (_, parameter, codes) in Levels)
            {
                parameters.Add(new SqliteParameter(parameter, Json(codes)));
            }
        }

        public void Bind(List<(string Name, object Value)> parameters)
        {
            foreach (var (_, parameter, codes) in Levels)
            {
                parameters.Add((parameter, Json(codes)));
            }
        }
    }

    /// <summary>
    /// A <see cref="CandidateFilter"/> in SQL over <see cref="From"/> (<c>discovery_member m</c>, which holds only
    /// confirmed memberships, ADR 0135, or with tags its copy per tag, ADR 0211) and <see cref="Where"/> (starting
    /// with <c> AND</c>) to add to a query, <see cref="Bind"/> for its parameters.
    /// </summary>
    private sealed class SqlCandidateFilter
    {
        private readonly CandidateFilter filter;
        private readonly SqlRegionScope scope;
        private readonly SqlRegionScope excluded;

        public SqlCandidateFilter(CandidateFilter filter)
        {
            this.filter = filter;
            scope = new SqlRegionScope(filter.Scope, "scope");
            excluded = new SqlRegionScope(filter.Excluded, "excluded");
            var where = new StringBuilder();
            if (!filter.Scope.IsEverywhere)
            {
                // The plain condition (NULL drops the row as 0 does): an index led by segment and province can seek it.
                where.Append(" AND ").Append(scope.Where("m"));
            }

            where.Append(" AND NOT ").Append(excluded.Contains("m"));
            if (filter.MinStrength is not null)
            {
                where.Append(" AND m.strength >= $min_strength");
            }

            if (filter.MinCapital is not null)
            {
                where.Append(" AND m.capital >= $min_capital");
            }

            if (filter.Tags.Count > 0)
            {
                // One row per membership and tag (ADR 0211): a company with two of the tags comes twice, hence Distinct.
                From = "discovery_member_tag m";
                Distinct = "DISTINCT";
                where.Append(" AND m.tag IN (SELECT value FROM json_each($tags))");
            }

            Where = where.ToString();
        }

        /// <summary>The table the filter reads as <c>m</c>: <c>discovery_member</c>, or its copy per tag when tags are asked for.</summary>
        public string From { get; } = "discovery_member m";

        /// <summary>
        /// The index that reads a segment's rows strongest first (<c>INDEXED BY …</c>): with a minimum capital the
        /// planner would otherwise take the capital index and sort every matching row of the segment.
        /// </summary>
        public string RankIndex => Distinct.Length == 0 ? "INDEXED BY discovery_member_rank" : "INDEXED BY discovery_member_tag_rank";

        /// <summary>
        /// The index that counts the memberships above a minimum capital: with a scope of provinces only, the one led by
        /// (segment, province, capital), which seeks each province's range (ADR 0340); else the one led by (segment, capital).
        /// </summary>
        public string CapitalCountIndex =>
            filter.Scope is { IsEverywhere: false, Provinces.Count: > 0, Cities.Count: 0, Counties.Count: 0 }
                ? "INDEXED BY discovery_member_capital_by_province"
                : "INDEXED BY discovery_member_capital";

        /// <summary><c>DISTINCT</c> when a company can come more than once per segment (several of the tags), else empty.</summary>
        public string Distinct { get; } = string.Empty;

        public string Where { get; }

        public void Bind(SqliteCommand command)
        {
            scope.Bind(command);
            excluded.Bind(command);
            if (filter.MinStrength is { } floor)
            {
                command.Parameters.AddWithValue("$min_strength", floor);
            }

            if (filter.MinCapital is { } min)
            {
                command.Parameters.AddWithValue("$min_capital", (double)min);
            }

            if (filter.Tags.Count > 0)
            {
                command.Parameters.AddWithValue("$tags", Json(filter.Tags));
            }
        }
    }
}
