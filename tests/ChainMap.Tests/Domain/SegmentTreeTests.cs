using ChainMap.Domain;

namespace ChainMap.Tests.Domain;

public sealed class SegmentTreeTests
{
    private static Segment S(string code, string? parent) => new(code, "ZQ", code, Tier.Midstream, parent, [], [], [], []);

    [Test]
    public void A_segment_stands_for_its_sub_segments_at_any_depth_and_not_for_its_siblings()
    {
        var tree = new SegmentTree([S("BODY", null), S("BODY-TANK", "BODY"), S("BODY-TANK-AL", "BODY-TANK"), S("CHASSIS", null), S("AXLE", "CHASSIS")]);

        Assert.That(tree.SelfAndDescendants("BODY"), Is.EquivalentTo(new[] { "BODY", "BODY-TANK", "BODY-TANK-AL" }));
        Assert.That(tree.SelfAndDescendants(["BODY-TANK", "AXLE"]), Is.EquivalentTo(new[] { "BODY-TANK", "BODY-TANK-AL", "AXLE" }));
        Assert.That(tree.SelfAndDescendants("BODY-TANK-AL"), Is.EquivalentTo(new[] { "BODY-TANK-AL" }));
    }

    [Test]
    public void A_cycle_in_stored_parents_does_not_loop()
    {
        var tree = new SegmentTree([S("A", "B"), S("B", "A")]);

        Assert.That(tree.SelfAndDescendants("A"), Is.EquivalentTo(new[] { "A", "B" }));
    }
}
