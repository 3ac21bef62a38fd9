using ChainMap.Chains;
using ChainMap.Curation;
using ChainMap.Domain;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Curation;

/// <summary>The analysts' membership decisions, decided once without a store (ADR 0180).</summary>
public sealed class MembershipReviewTests
{
    private static readonly SegmentMatcher Segments = new([TestData.SmallChain()]);

    private static Company Firm(long id, params SegmentMembership[] memberships) =>
        new(id, null, $"公司{id}", "320505", "32", "3205", "320505", null, null, null, null, null, [], null, null, memberships);

    private static SegmentMembership Guess(string segment) => new(segment, "maker", 0.4, "名称: 泵", "classifier:a.csv", MembershipStatus.Unconfirmed);

    [Test]
    public void Confirm_reject_and_move_become_analyst_writes_in_item_order()
    {
        var companies = new Dictionary<long, Company> { [1] = Firm(1, Guess("T1-PART-PUMP")), [2] = Firm(2, Guess("T1-PART-PUMP")), [3] = Firm(3, Guess("T1-PART-PUMP")) };

        var (writes, error) = MembershipReview.Decide(
        [
            new ReviewItem(1, "T1-PART-PUMP", "confirm", Role: "泵"),
            new ReviewItem(2, "T1-PART-PUMP", "驳回"),
            new ReviewItem(3, "T1-PART-PUMP", "move", "T1-VEH"),
        ], companies, Segments);

        Assert.That(error, Is.Null);
        Assert.That(writes.Select(w => (w.CompanyId, w.SegmentCode, w.IsRejection)), Is.EqualTo(new[]
        {
            (1L, "T1-PART-PUMP", false), (2L, "T1-PART-PUMP", true), (3L, "T1-PART-PUMP", true), (3L, "T1-VEH", false),
        }));
        Assert.That(writes[0].Membership, Is.EqualTo(new SegmentMembership("T1-PART-PUMP", "泵", 1.0, "名称: 泵", MembershipSources.Analyst)));
        Assert.That(writes[3].Membership!.Evidence, Does.Contain("T1-PART-PUMP"));
    }

    // A chain-level membership (环节待定, ADR 0370) is named by its chain's code: moving it gives the company a segment and
    // tombstones the chain-level guess; confirming and rejecting work as on a segment's; a chain's name is no membership code.
    [Test]
    public void A_chain_level_membership_is_moved_to_a_segment_confirmed_or_rejected_by_its_chain_code()
    {
        var companies = new Dictionary<long, Company> { [1] = Firm(1, Guess("T1")), [2] = Firm(2, Guess("T1")), [3] = Firm(3, Guess("T1")) };

        var (writes, error) = MembershipReview.Decide(
        [
            new ReviewItem(1, "T1", "move", "液压泵"),
            new ReviewItem(2, "t1", "confirm"),
            new ReviewItem(3, "T1", "reject"),
        ], companies, Segments);

        Assert.That(error, Is.Null);
        Assert.That(writes.Select(w => (w.CompanyId, w.SegmentCode, w.IsRejection)), Is.EqualTo(new[]
        {
            (1L, "T1", true), (1L, "T1-PART-PUMP", false), (2L, "T1", false), (3L, "T1", true),
        }));
        Assert.That((writes[1].Membership!.Source, writes[1].Membership!.Status, writes[1].Membership!.Evidence), Is.EqualTo((MembershipSources.Analyst, MembershipStatus.Confirmed, "moved by an analyst from T1")));
        Assert.That(MembershipReview.Remove(companies[1], "T1", Segments).Write!.SegmentCode, Is.EqualTo("T1"));
        Assert.That(MembershipReview.Decide([new ReviewItem(1, "测试链", "confirm")], companies, Segments).Error!.Field, Is.EqualTo("segment"));
    }

    [Test]
    public void The_first_bad_item_is_named_and_nothing_is_written()
    {
        var companies = new Dictionary<long, Company> { [1] = Firm(1, Guess("T1-PART-PUMP")) };

        var (writes, error) = MembershipReview.Decide([new ReviewItem(1, "T1-PART-PUMP", "confirm"), new ReviewItem(1, "T1-VEH", "reject")], companies, Segments);

        Assert.That(writes, Is.Empty);
        Assert.That((error!.Index, error.Field), Is.EqualTo((1, "segment")));
        Assert.That(error.Message, Does.Contain("no membership of segment T1-VEH"));
    }

    [Test]
    public void An_import_never_replaces_a_rejection_and_reclassification_leaves_it_out()
    {
        var rejection = new SegmentMembership("T1-PART-PUMP", null, 0, null, MembershipSources.Analyst, MembershipStatus.Rejected);

        Assert.That(MembershipSources.Replaces(new SegmentMembership("T1-PART-PUMP", "maker", 1.0, "环节", "file.csv"), rejection), Is.False);
        Assert.That(MembershipSources.Replaces(Guess("T1-PART-PUMP") with { Status = MembershipStatus.Confirmed }, rejection), Is.False);
        Assert.That(MembershipReview.WithoutRejected([Guess("T1-PART-PUMP"), Guess("T1-VEH")], new HashSet<string> { "T1-PART-PUMP" }).Select(m => m.SegmentCode),
            Is.EqualTo(new[] { "T1-VEH" }));
    }
}
