using ChainMap.Domain;

namespace ChainMap.Tests.Domain;

/// <summary>
/// The chain rules on chains far longer and deeper than the caps allow (with the caps raised): every walk
/// is iterative, so a long line or a deep nesting is validated, not a stack overflow, and the answers are
/// the same as on small chains.
/// </summary>
public sealed class ChainValidationTests
{
    private const int Huge = 200_000;

    private static readonly ChainLimits Unlimited = new() { MaxSegmentsPerChain = 1_000_000, MaxFlowsPerChain = 1_000_000, MaxTreeDepth = 1_000_000 };

    private static Segment S(string code, string? parent = null) => new(code, "LN", code, Tier.Midstream, parent, [], [], [], []);

    private static FlowEdge F(string from, string to) => new("LN", from, to, "");

    private static ChainDefinition Chain(IEnumerable<Segment> segments, IEnumerable<FlowEdge> flows) =>
        new(new Chain("LN", "长链", ChainCategory.Other, ""), [.. segments], [.. flows]);

    [Test]
    public void A_flow_line_of_200000_segments_is_valid_and_closing_it_is_a_cycle_named_from_its_first_segment()
    {
        var segments = Enumerable.Range(0, Huge).Select(i => S($"L{i:D6}")).ToList();
        var line = Enumerable.Range(0, Huge - 1).Select(i => F($"L{i:D6}", $"L{i + 1:D6}")).ToList();

        var open = ChainValidation.Validate(Chain(segments, line), Unlimited);
        var closed = ChainValidation.Validate(Chain(segments, [.. line, F($"L{Huge - 1:D6}", "L000000")]), Unlimited);

        Assert.That(open, Is.Empty);
        Assert.That(closed, Has.Count.EqualTo(1));
        Assert.That(closed[0].Message, Does.StartWith("flow edges form a cycle: L000000 → L000001 → L000002").And.EndWith($"L{Huge - 1:D6} → L000000"));
        Assert.That(closed[0].Segments, Has.Count.EqualTo(Huge));
    }

    [Test]
    public void A_nesting_200000_deep_is_walked_once_for_depth_cycles_and_parent_child_flows()
    {
        var nested = Enumerable.Range(0, Huge).Select(i => S($"N{i}", i == 0 ? null : $"N{i - 1}")).ToList();

        var valid = ChainValidation.Validate(Chain(nested, []), Unlimited);
        var deep = ChainValidation.Validate(Chain(nested, []), new ChainLimits { MaxSegmentsPerChain = 1_000_000, MaxTreeDepth = 1_000 });
        var ancestorFlow = ChainValidation.Validate(Chain(nested, [F($"N{Huge - 1}", "N0"), F("N5", "N7")]), Unlimited);
        var cyclic = ChainValidation.Validate(Chain([.. nested.Skip(1), S("N0", $"N{Huge - 1}")], []), Unlimited);

        Assert.That(valid, Is.Empty);
        Assert.That(deep.Single().Cap, Is.EqualTo(new ChainCap("Chains:MaxTreeDepth", 1_000, Huge - 1)));
        Assert.That(deep.Single().Segments, Is.EqualTo(new[] { $"N{Huge - 1}" }));
        Assert.That(ancestorFlow.Select(p => p.Message), Has.All.Contain("joins a segment to its own parent or child"));
        Assert.That(ancestorFlow, Has.Count.EqualTo(2));
        Assert.That(cyclic.Single().Message, Does.StartWith("segment parents form a cycle: N1 → N0 → ").And.EndWith("→ N2 → N1"));
    }

    [Test]
    public void Flows_between_cousins_are_not_taken_for_parent_and_child()
    {
        var segments = new[] { S("A"), S("A1", "A"), S("A2", "A"), S("A11", "A1"), S("B") };

        var problems = ChainValidation.Validate(Chain(segments, [F("A11", "A2"), F("A1", "B"), F("A", "A11")]));

        Assert.That(problems.Select(p => p.Message), Is.EqualTo(new[] { "flow A → A11 joins a segment to its own parent or child; hierarchy and flow are separate relations" }));
    }

    [Test]
    public void Past_a_size_cap_only_the_cap_is_reported()
    {
        var segments = Enumerable.Range(0, 11).Select(i => S($"X{i}", "NOWHERE")).ToList();

        var problems = ChainValidation.Validate(Chain(segments, [F("X0", "X0")]), new ChainLimits { MaxSegmentsPerChain = 10, MaxFlowsPerChain = 0 });

        Assert.That(problems.Select(p => p.Cap), Is.EqualTo(new[] { new ChainCap("Chains:MaxSegmentsPerChain", 10, 11), new ChainCap("Chains:MaxFlowsPerChain", 0, 1) }));
        Assert.That(problems[0].Message, Is.EqualTo("chain LN has 11 segments; at most 10 allowed (setting Chains:MaxSegmentsPerChain)"));
    }
}
