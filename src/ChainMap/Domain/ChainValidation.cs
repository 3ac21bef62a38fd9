namespace ChainMap.Domain;

/// <summary>One problem in a chain definition, naming the segments involved, and the cap it broke if it broke one.</summary>
internal sealed record ChainProblem(string Field, string Message, IReadOnlyList<string> Segments, ChainCap? Cap = null);

/// <summary>
/// The rules a chain definition must satisfy before anything of it is stored. Every walk over the
/// segments and flows is iterative and linear in their number (no recursion over user data), and the
/// size caps of <see cref="ChainLimits"/> are checked before anything else is looked at.
/// </summary>
internal static class ChainValidation
{
    public static IReadOnlyList<ChainProblem> Validate(ChainDefinition definition) => Validate(definition, ChainLimits.Default);

    public static IReadOnlyList<ChainProblem> Validate(ChainDefinition definition, ChainLimits limits)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(limits);
        var problems = new List<ChainProblem>();
        var chain = definition.Chain;
        if (string.IsNullOrWhiteSpace(chain.Code))
        {
            problems.Add(new("code", "chain code is required", []));
        }
        else if (chain.Code.Length > 32 || !IsValidCode(chain.Code))
        {
            problems.Add(new("code", $"chain code '{Shorten(chain.Code)}' must be at most 32 characters without spaces, '/', '?', '#' or '%'", []));
        }

        if (string.IsNullOrWhiteSpace(chain.Name))
        {
            problems.Add(new("name", "chain name is required", []));
        }
        else if (chain.Name.Length > limits.MaxNameLength)
        {
            problems.Add(CapProblem("name", $"chain name '{Shorten(chain.Name)}' is {chain.Name.Length} characters long", nameof(ChainLimits.MaxNameLength), limits.MaxNameLength, chain.Name.Length, []));
        }

        // Past a size cap nothing else is looked at: the answer must not cost more than the cap allows.
        var tooBig = false;
        if (definition.Segments.Count > limits.MaxSegmentsPerChain)
        {
            problems.Add(CapProblem("segments", $"chain {chain.Code} has {definition.Segments.Count} segments", nameof(ChainLimits.MaxSegmentsPerChain), limits.MaxSegmentsPerChain, definition.Segments.Count, []));
            tooBig = true;
        }

        if (definition.Flows.Count > limits.MaxFlowsPerChain)
        {
            problems.Add(CapProblem("flows", $"chain {chain.Code} has {definition.Flows.Count} flow edges", nameof(ChainLimits.MaxFlowsPerChain), limits.MaxFlowsPerChain, definition.Flows.Count, []));
            tooBig = true;
        }

        if (tooBig)
        {
            return problems;
        }

        var byCode = new Dictionary<string, Segment>(StringComparer.Ordinal);
        foreach (var segment in definition.Segments)
        {
            if (string.IsNullOrWhiteSpace(segment.Code))
            {
                problems.Add(new("segments.code", $"segment '{Shorten(segment.Name)}' has no code", []));
                continue;
            }

            if (!IsValidCode(segment.Code))
            {
                problems.Add(new("segments.code", $"segment code '{Shorten(segment.Code)}' must be at most 64 characters without spaces, '/', '?', '#' or '%'", [segment.Code]));
            }

            if (string.IsNullOrWhiteSpace(segment.Name))
            {
                problems.Add(new("segments.name", $"segment {segment.Code} has no name", [segment.Code]));
            }
            else if (segment.Name.Length > limits.MaxNameLength)
            {
                problems.Add(CapProblem("segments.name", $"the name of segment {Shorten(segment.Code)} is {segment.Name.Length} characters long", nameof(ChainLimits.MaxNameLength), limits.MaxNameLength, segment.Name.Length, [segment.Code]));
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

        var hierarchy = Hierarchy.Build(byCode);
        problems.AddRange(hierarchy.Cycles);
        if (hierarchy.Deepest is { } deepest && deepest.Depth > limits.MaxTreeDepth)
        {
            problems.Add(CapProblem("segments.parent", $"segment {deepest.Code} sits {deepest.Depth} levels of sub-segments deep", nameof(ChainLimits.MaxTreeDepth), limits.MaxTreeDepth, deepest.Depth, [deepest.Code]));
        }

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

            if (hierarchy.IsAncestor(flow.From, flow.To) || hierarchy.IsAncestor(flow.To, flow.From))
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

    private static ChainProblem CapProblem(string field, string what, string cap, long limit, long value, IReadOnlyList<string> segments) =>
        new(field, $"{what}; at most {limit} allowed (setting {ChainLimits.Setting(cap)})", segments, new ChainCap(ChainLimits.Setting(cap), limit, value));

    /// <summary>A value quoted in a message, cut short so that a huge value does not make a huge answer.</summary>
    private static string Shorten(string value) => value.Length <= 80 ? value : string.Concat(value.AsSpan(0, 80), "…");

    /// <summary>The first cycle of flow edges (depth-first, in code order), iteratively: a path of any length cannot exhaust the stack.</summary>
    private static List<string>? FindFlowCycle(HashSet<(string From, string To)> edges)
    {
        var next = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).Order(StringComparer.Ordinal).ToList());
        var state = new Dictionary<string, int>();
        var path = new List<string>();
        var onPath = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<(string Node, int Next)>();

        void Enter(string node)
        {
            state[node] = 1;
            onPath[node] = path.Count;
            path.Add(node);
            stack.Push((node, 0));
        }

        foreach (var start in next.Keys.Order(StringComparer.Ordinal))
        {
            if (state.GetValueOrDefault(start) != 0)
            {
                continue;
            }

            Enter(start);
            while (stack.Count > 0)
            {
                var (node, index) = stack.Pop();
                var targets = next.GetValueOrDefault(node);
                if (targets is not null && index < targets.Count)
                {
                    stack.Push((node, index + 1));
                    var to = targets[index];
                    var s = state.GetValueOrDefault(to);
                    if (s == 1)
                    {
                        return [.. path.Skip(onPath[to]), to];
                    }

                    if (s == 0)
                    {
                        Enter(to);
                    }

                    continue;
                }

                path.RemoveAt(path.Count - 1);
                onPath.Remove(node);
                state[node] = 2;
            }
        }

        return null;
    }

    /// <summary>
    /// The sub-segment hierarchy walked once, in time linear in the number of segments: the parent
    /// cycles, each segment's depth and an Euler tour (entry and exit numbers) that answers "is A an
    /// ancestor of B" in constant time.
    /// </summary>
    private sealed class Hierarchy
    {
        private readonly Dictionary<string, (int In, int Out)> tour = new(StringComparer.Ordinal);

        public List<ChainProblem> Cycles { get; } = [];

        /// <summary>The deepest segment outside any cycle (the first in definition order among equals).</summary>
        public (string Code, int Depth)? Deepest { get; private set; }

        public bool IsAncestor(string ancestor, string code) =>
            tour.TryGetValue(ancestor, out var a) && tour.TryGetValue(code, out var c) && a.In < c.In && c.Out <= a.Out;

        public static Hierarchy Build(Dictionary<string, Segment> byCode)
        {
            var result = new Hierarchy();
            var order = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var code in byCode.Keys)
            {
                order[code] = order.Count;
            }

            // Depth of each segment; null for one in a parent cycle or under one.
            var depth = new Dictionary<string, int?>(StringComparer.Ordinal);
            var path = new List<string>();
            var onPath = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var segment in byCode.Values)
            {
                if (depth.ContainsKey(segment.Code))
                {
                    continue;
                }

                path.Clear();
                onPath.Clear();
                int? above = -1;
                var cycleStart = -1;
                var current = segment.Code;
                while (true)
                {
                    if (depth.TryGetValue(current, out var known))
                    {
                        above = known;
                        break;
                    }

                    if (onPath.TryGetValue(current, out var at))
                    {
                        cycleStart = at;
                        above = null;
                        break;
                    }

                    onPath[current] = path.Count;
                    path.Add(current);
                    var parent = byCode[current].ParentCode;
                    if (parent is null || !byCode.ContainsKey(parent))
                    {
                        break;
                    }

                    current = parent;
                }

                if (cycleStart >= 0)
                {
                    result.AddCycle(path.Skip(cycleStart).ToList(), order);
                }

                for (var i = path.Count - 1; i >= 0; i--)
                {
                    int? d = i >= cycleStart && cycleStart >= 0 ? null : above + 1;
                    depth[path[i]] = d;
                    above = d;
                    if (d is { } value && (result.Deepest is null || value > result.Deepest.Value.Depth))
                    {
                        result.Deepest = (path[i], value);
                    }
                }
            }

            // Euler tour over the segments with a known depth, with an explicit stack.
            var children = byCode.Values
                .Where(s => s.ParentCode is not null && depth.GetValueOrDefault(s.Code) is > 0)
                .ToLookup(s => s.ParentCode!, s => s.Code, StringComparer.Ordinal);
            var clock = 0;
            var stack = new Stack<(string Code, bool Exit)>();
            foreach (var root in byCode.Keys.Where(c => depth.GetValueOrDefault(c) == 0))
            {
                stack.Push((root, false));
                while (stack.Count > 0)
                {
                    var (code, exit) = stack.Pop();
                    if (exit)
                    {
                        result.tour[code] = (result.tour[code].In, clock);
                        continue;
                    }

                    result.tour[code] = (clock++, 0);
                    stack.Push((code, true));
                    foreach (var child in children[code])
                    {
                        stack.Push((child, false));
                    }
                }
            }

            return result;
        }

        /// <summary>Reports a cycle (given child to parent) from its member that comes first in the definition, as the rule always has.</summary>
        private void AddCycle(List<string> members, Dictionary<string, int> order)
        {
            var first = members.IndexOf(members.MinBy(m => order[m])!);
            var cycle = members.Skip(first).Concat(members.Take(first)).ToList();
            Cycles.Add(new("segments.parent", $"segment parents form a cycle: {string.Join(" → ", cycle.Append(cycle[0]))}", cycle));
        }
    }
}
