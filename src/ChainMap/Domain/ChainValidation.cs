namespace ChainMap.Domain;

/// <summary>One problem in a chain definition, naming the segments involved.</summary>
public sealed record ChainProblem(string Field, string Message, IReadOnlyList<string> Segments);

/// <summary>The rules a chain definition must satisfy before anything of it is stored.</summary>
public static class ChainValidation
{
    public static IReadOnlyList<ChainProblem> Validate(ChainDefinition definition)
    {
        var problems = new List<ChainProblem>();
        var chain = definition.Chain;
        if (string.IsNullOrWhiteSpace(chain.Code))
        {
            problems.Add(new("code", "chain code is required", []));
        }
        else if (chain.Code.Length > 32 || !IsValidCode(chain.Code))
        {
            problems.Add(new("code", $"chain code '{chain.Code}' must be at most 32 characters without spaces, '/', '?', '#' or '%'", []));
        }

        if (string.IsNullOrWhiteSpace(chain.Name))
        {
            problems.Add(new("name", "chain name is required", []));
        }

        var byCode = new Dictionary<string, Segment>(StringComparer.Ordinal);
        foreach (var segment in definition.Segments)
        {
            if (string.IsNullOrWhiteSpace(segment.Code))
            {
                problems.Add(new("segments.code", $"segment '{segment.Name}' has no code", []));
                continue;
            }

            if (!IsValidCode(segment.Code))
            {
                problems.Add(new("segments.code", $"segment code '{segment.Code}' must be at most 64 characters without spaces, '/', '?', '#' or '%'", [segment.Code]));
            }

            if (string.IsNullOrWhiteSpace(segment.Name))
            {
                problems.Add(new("segments.name", $"segment {segment.Code} has no name", [segment.Code]));
            }

            if (segment.ChainCode != chain.Code)
            {
                problems.Add(new("segments.chain", $"segment {segment.Code} belongs to chain {segment.ChainCode}, not {chain.Code}", [segment.Code]));
            }

            if (!byCode.TryAdd(segment.Code, segment))
            {
                problems.Add(new("segments.code", $"segment code {segment.Code} appears more than once", [segment.Code]));
            }
        }

        foreach (var segment in definition.Segments.Where(s => s.ParentCode is not null))
        {
            if (!byCode.ContainsKey(segment.ParentCode!))
            {
                problems.Add(new("segments.parent", $"segment {segment.Code} names parent {segment.ParentCode}, which is not a segment of chain {chain.Code}", [segment.Code, segment.ParentCode!]));
            }
        }

        problems.AddRange(FindParentCycles(byCode));

        var edges = new HashSet<(string, string)>();
        foreach (var flow in definition.Flows)
        {
            var missing = new[] { flow.From, flow.To }.Where(c => !byCode.ContainsKey(c)).ToList();
            if (missing.Count > 0)
            {
                problems.Add(new("flows", $"flow {flow.From} → {flow.To} names {string.Join(", ", missing)}, not a segment of chain {chain.Code}", [flow.From, flow.To]));
                continue;
            }

            if (flow.From == flow.To)
            {
                problems.Add(new("flows", $"flow {flow.From} → {flow.To} links a segment to itself", [flow.From]));
                continue;
            }

            if (IsAncestor(byCode, flow.From, flow.To) || IsAncestor(byCode, flow.To, flow.From))
            {
                problems.Add(new("flows", $"flow {flow.From} → {flow.To} joins a segment to its own parent or child; hierarchy and flow are separate relations", [flow.From, flow.To]));
                continue;
            }

            if (!edges.Add((flow.From, flow.To)))
            {
                problems.Add(new("flows", $"flow {flow.From} → {flow.To} appears more than once", [flow.From, flow.To]));
            }
        }

        var cycle = FindFlowCycle(edges);
        if (cycle is not null)
        {
            problems.Add(new("flows", $"flow edges form a cycle: {string.Join(" → ", cycle)}", cycle.Distinct().ToList()));
        }

        return problems;
    }

    private static bool IsValidCode(string code) =>
        code.Length <= 64 && !code.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or '?' or '#' or '%' or '\\');

    private static bool IsAncestor(Dictionary<string, Segment> byCode, string ancestor, string code)
    {
        var seen = new HashSet<string>();
        var current = byCode.GetValueOrDefault(code)?.ParentCode;
        while (current is not null && seen.Add(current))
        {
            if (current == ancestor)
            {
                return true;
            }

            current = byCode.GetValueOrDefault(current)?.ParentCode;
        }

        return false;
    }

    private static IEnumerable<ChainProblem> FindParentCycles(Dictionary<string, Segment> byCode)
    {
        var reported = new HashSet<string>();
        foreach (var segment in byCode.Values)
        {
            var path = new List<string> { segment.Code };
            var current = segment.ParentCode;
            while (current is not null && byCode.TryGetValue(current, out var parent))
            {
                if (current == segment.Code)
                {
                    if (path.All(reported.Add))
                    {
                        yield return new("segments.parent", $"segment parents form a cycle: {string.Join(" → ", path.Append(current))}", path);
                    }

                    break;
                }

                if (path.Contains(current))
                {
                    break;
                }

                path.Add(current);
                current = parent.ParentCode;
            }
        }
    }

    private static List<string>? FindFlowCycle(HashSet<(string From, string To)> edges)
    {
        var next = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).Order(StringComparer.Ordinal).ToList());
        var state = new Dictionary<string, int>();
        var stack = new List<string>();

        List<string>? Visit(string node)
        {
            state[node] = 1;
            stack.Add(node);
            foreach (var to in next.GetValueOrDefault(node) ?? [])
            {
                var s = state.GetValueOrDefault(to);
                if (s == 1)
                {
                    var start = stack.IndexOf(to);
                    return [.. stack.Skip(start), to];
                }

                if (s == 0 && Visit(to) is { } found)
                {
                    return found;
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[node] = 2;
            return null;
        }

        foreach (var node in next.Keys.Order(StringComparer.Ordinal))
        {
            if (state.GetValueOrDefault(node) == 0 && Visit(node) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }
}
