using ChainMap.Discovery;
using ChainMap.Storage;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Discovery;

public sealed class GapRulesTests
{
    private static readonly DiscoveryOptions Options = new();

    private static SegmentStats Stats(string segment, int local, double localStrength, int elsewhere, double elsewhereStrength) =>
        new(segment, new PresenceFigures(local, local * 1000m, localStrength), new PresenceFigures(elsewhere, elsewhere * 1000m, elsewhereStrength));

    private static ChainGaps Analyse(params SegmentStats[] stats) => GapRules.Analyse(TestData.SmallChain(), "随州市", stats, Options);

    [Test]
    public void A_segment_without_home_companies_is_missing()
    {
        var gaps = Analyse(Stats("T1-VEH", 4, 40, 1, 10), Stats("T1-RAW", 0, 0, 3, 30));

        Assert.That(gaps.Find("T1-RAW")!.Rating, Is.EqualTo(GapRating.Missing));
        Assert.That(gaps.Find("T1-SVC")!.Rating, Is.EqualTo(GapRating.Missing), "no companies anywhere is missing too");
    }

    [Test]
    public void Strong_needs_enough_home_companies_and_a_high_location_quotient()
    {
        // Chain weight: local 44 + 4 = 48 of 48 + 11 + 30 + 33 = 122 → share 0.39. VEH: 44 / 55 = 0.8 → quotient 2.
        var gaps = Analyse(Stats("T1-VEH", 4, 40, 1, 10), Stats("T1-RAW", 2, 2, 28, 2), Stats("T1-SVC", 0, 0, 3, 30));

        var vehicle = gaps.Find("T1-VEH")!;
        Assert.That(vehicle.Rating, Is.EqualTo(GapRating.Strong));
        Assert.That(vehicle.Quotient, Is.GreaterThan(Options.StrongMinQuotient));
        Assert.That(vehicle.Action, Is.EqualTo(GapAction.Consolidate));
        Assert.That(gaps.Find("T1-RAW")!.Rating, Is.EqualTo(GapRating.Weak), "2 companies with 4 of 34 weight: quotient ≈ 0.3");
    }

    [Test]
    public void Few_home_companies_with_a_high_quotient_are_potential_not_strong()
    {
        var gaps = Analyse(Stats("T1-VEH", 2, 60, 1, 5), Stats("T1-RAW", 1, 0, 30, 30));

        Assert.That(gaps.Find("T1-VEH")!.Rating, Is.EqualTo(GapRating.Potential));
    }

    [Test]
    public void Sub_segments_roll_up_into_their_parent_but_are_rated_on_their_own()
    {
        var gaps = Analyse(Stats("T1-VEH", 4, 40, 1, 10), Stats("T1-PART", 0, 0, 2, 10), Stats("T1-PART-PUMP", 3, 30, 1, 1));

        var part = gaps.Find("T1-PART")!;
        Assert.That(part.Local.Companies, Is.EqualTo(3));
        Assert.That(part.Elsewhere.Companies, Is.EqualTo(3));
        Assert.That(part.Rating, Is.Not.EqualTo(GapRating.Missing), "the parent has its sub-segment's companies");
        Assert.That(gaps.Find("T1-PART-PUMP")!.Local.Companies, Is.EqualTo(3));
    }

    [Test]
    public void A_missing_segment_supplying_a_local_strength_is_filled_first()
    {
        // VEH strong; PART supplies VEH; SVC buys from VEH; RAW supplies only PART.
        var gaps = Analyse(Stats("T1-VEH", 4, 40, 1, 10), Stats("T1-PART", 0, 0, 5, 5), Stats("T1-RAW", 0, 0, 5, 5), Stats("T1-SVC", 0, 0, 5, 5));

        var part = gaps.Find("T1-PART")!;
        var service = gaps.Find("T1-SVC")!;
        var raw = gaps.Find("T1-RAW")!;
        Assert.That((part.Action, part.Priority), Is.EqualTo((GapAction.Fill, 40.0)));
        Assert.That(part.SuppliesStrong.Select(s => s.Code), Is.EqualTo(new[] { "T1-VEH" }));
        Assert.That(part.Explanation, Does.Contain("上游追根溯源"));
        Assert.That((service.Action, service.Priority), Is.EqualTo((GapAction.Extend, 36.0)));
        Assert.That(service.BuysFromStrong.Select(s => s.Code), Is.EqualTo(new[] { "T1-VEH" }));
        Assert.That(service.Explanation, Does.Contain("下游顺藤摸瓜"));
        Assert.That((raw.Action, raw.Priority), Is.EqualTo((GapAction.Fill, 30.0)));
    }

    [TestCase(GapRating.Strong, false, false, GapAction.Consolidate, 6)]
    [TestCase(GapRating.Missing, true, true, GapAction.Fill, 40)]
    [TestCase(GapRating.Missing, false, true, GapAction.Extend, 36)]
    [TestCase(GapRating.Missing, false, false, GapAction.Fill, 30)]
    [TestCase(GapRating.Weak, true, true, GapAction.Strengthen, 40)]
    [TestCase(GapRating.Weak, true, false, GapAction.Strengthen, 34)]
    [TestCase(GapRating.Weak, false, false, GapAction.Strengthen, 24)]
    [TestCase(GapRating.Potential, false, true, GapAction.Strengthen, 22)]
    [TestCase(GapRating.Potential, false, false, GapAction.Strengthen, 16)]
    public void Action_and_priority_follow_the_documented_table(object rating, bool suppliesStrong, bool buysFromStrong, object action, double priority)
    {
        Assert.That(GapRules.Decide((GapRating)rating, suppliesStrong, buysFromStrong), Is.EqualTo(((GapAction)action, priority)));
    }
}
