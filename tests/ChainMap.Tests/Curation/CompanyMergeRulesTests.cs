using ChainMap.Curation;
using ChainMap.Domain;
using ChainMap.Import;
using ChainMap.Storage;
using ChainMap.Text;

namespace ChainMap.Tests.Curation;

/// <summary>The merge of two stored companies as a pure decision (no store): refusals, fields, memberships, relations, links, projects.</summary>
public sealed class CompanyMergeRulesTests
{
    private const string UsccA = "91421303MA4K0L2X7A";
    private const string UsccB = "91421381MA4K0L2X7B";

    private static readonly ImportStamp First = new("imp-1", "first.csv", new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private static readonly ImportStamp Second = new("imp-2", "second.csv", new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));

    private static StoredCompany Company(long id, string name, string region = "421303", string? uscc = null, decimal? capital = null,
        string? products = null, ImportStamp? stamp = null, params string[] tags)
    {
        var key = ChineseText.NormalizeCompanyName(name);
        var county = region.Length == 6 && !region.EndsWith("00", StringComparison.Ordinal) ? region : null;
        var city = region.EndsWith("0000", StringComparison.Ordinal) ? null : region[..4] + "00";
        var record = new CompanyRecord(uscc is null ? $"n:{key}|{region}" : $"u:{uscc}", uscc, name, key, region, region[..2] + "0000", city, county,
            capital, null, null, null, null, tags, products, null, 0, []);
        return CompanyMerge.Insert(id, record, stamp ?? First, _ => true).Company!;
    }

    private static MergeSide Side(StoredCompany company, IReadOnlyList<CompanyRelation>? relations = null, IReadOnlyList<MergeChannelLink>? links = null,
        IReadOnlyList<MergeProject>? projects = null, params SegmentMembership[] memberships) =>
        new(company with { Memberships = memberships }, relations ?? [], links ?? [], projects ?? []);

    private static SegmentMembership Guess(string segment, double confidence = 0.7, MembershipStatus status = MembershipStatus.Confirmed) =>
        new(segment, "maker", confidence, "液压", MembershipSources.Classifier("list.csv"), status);

    private static SegmentMembership FromFile(string segment) => new(segment, "maker", 1.0, "环节", "list.csv");

    private static SegmentMembership ByAnalyst(string segment, MembershipStatus status = MembershipStatus.Confirmed) =>
        new(segment, "maker", 0.5, "analyst", MembershipSources.Analyst, status);

    [Test]
    public void Two_different_usccs_are_refused()
    {
        var decision = CompanyMergeRules.Decide(Side(Company(1, "甲公司", uscc: UsccA)), Side(Company(2, "甲有限公司", uscc: UsccB)));

        Assert.That(decision.Plan, Is.Null);
        Assert.That(decision.Refusal, Is.EqualTo(MergeRefusal.DifferentUscc));
        Assert.That(decision.Detail, Does.Contain(UsccA).And.Contain(UsccB));
    }

    [Test]
    public void Two_open_projects_that_would_end_on_one_company_are_refused_but_a_terminated_one_moves()
    {
        var refused = CompanyMergeRules.Decide(
            Side(Company(1, "甲公司"), projects: [new MergeProject(10, true)]),
            Side(Company(2, "甲有限公司"), projects: [new MergeProject(11, true)]));
        var allowed = CompanyMergeRules.Decide(
            Side(Company(1, "甲公司"), projects: [new MergeProject(10, true)]),
            Side(Company(2, "甲有限公司"), projects: [new MergeProject(11, false), new MergeProject(12, false)]));

        Assert.That(refused.Refusal, Is.EqualTo(MergeRefusal.OpenProjects));
        Assert.That(refused.OpenProjectIds, Is.EqualTo(new long[] { 10, 11 }));
        Assert.That(refused.Detail, Does.Contain("10, 11"));
        Assert.That(allowed.Plan!.ProjectsToMove, Is.EqualTo(new long[] { 11, 12 }));
    }

    [Test]
    public void Values_the_survivor_lacks_are_taken_with_their_provenance_and_its_own_are_kept()
    {
        var survivor = Company(1, "随州甲专用汽车有限公司", "421300", capital: 500m);
        var merged = Company(2, "随州甲专汽", "421303", uscc: UsccA, capital: 9000m, products: "罐式车", stamp: Second, tags: "专精特新");

        var plan = CompanyMergeRules.Decide(Side(survivor), Side(merged)).Plan!;

        Assert.That(CompanyFields.In(plan.TakenFields), Is.EqualTo(new[] { "uscc", "region", "tags", "products" }));
        Assert.That(plan.Survivor.Name, Is.EqualTo("随州甲专用汽车有限公司"), "the survivor's name stays");
        Assert.That(plan.Survivor.RegisteredCapital, Is.EqualTo(500m), "the survivor's own value stays");
        Assert.That((plan.Survivor.Uscc, plan.Survivor.IdentityKey), Is.EqualTo((UsccA, "u:" + UsccA)), "the USCC moves to the survivor");
        Assert.That((plan.Survivor.RegionCode, plan.Survivor.CountyCode), Is.EqualTo(("421303", "421303")), "a more precise region inside its own");
        Assert.That(plan.RegionTaken, Is.True);
        Assert.That(plan.Survivor.Products, Is.EqualTo("罐式车"));
        Assert.That(plan.Survivor.Strength, Is.GreaterThan(survivor.Strength), "strength scored again with the tags taken");
        Assert.That(plan.Survivor.Provenance.Fields["uscc"], Is.EqualTo("imp-2"));
        Assert.That(plan.Survivor.Provenance.Fields["products"], Is.EqualTo("imp-2"));
        Assert.That(plan.Survivor.Provenance.Fields["registered_capital"], Is.EqualTo("imp-1"));
    }

    [Test]
    public void A_region_elsewhere_is_not_taken_and_a_merge_with_nothing_to_take_leaves_the_row_alone()
    {
        var survivor = Company(1, "甲公司", "421303", capital: 5m);
        var plan = CompanyMergeRules.Decide(Side(survivor), Side(Company(2, "甲公司", "421381"))).Plan!;

        Assert.That(plan.TakenFields, Is.Zero);
        Assert.That(plan.SurvivorChanged, Is.False);
        Assert.That(plan.Survivor.RegionCode, Is.EqualTo("421303"));
    }

    [Test]
    public void On_a_shared_segment_the_stronger_membership_wins_and_new_segments_are_added()
    {
        var plan = CompanyMergeRules.Decide(
            Side(Company(1, "甲公司"), memberships: [Guess("A", 0.9), FromFile("B"), Guess("C", 0.8, MembershipStatus.Unconfirmed), ByAnalyst("D")]),
            Side(Company(2, "甲有限公司"), memberships: [ByAnalyst("A", MembershipStatus.Unconfirmed), Guess("B", 0.95), Guess("C", 0.5), FromFile("D"), Guess("E")]))
            .Plan!;

        var bySegment = plan.Survivor.Memberships.ToDictionary(m => m.SegmentCode);
        Assert.That(bySegment["A"].Source, Is.EqualTo(MembershipSources.Analyst), "an analyst's membership beats a guess");
        Assert.That(bySegment["B"].Source, Is.EqualTo("list.csv"), "a file's membership beats a guess");
        Assert.That((bySegment["C"].Status, bySegment["C"].Confidence), Is.EqualTo((MembershipStatus.Confirmed, 0.5)), "confirmed beats 待确认");
        Assert.That(bySegment["D"].Source, Is.EqualTo(MembershipSources.Analyst), "the survivor's analyst membership stays");
        Assert.That(bySegment.ContainsKey("E"), Is.True);
        Assert.That(plan.MembershipsToWrite.Select(m => m.SegmentCode), Is.EqualTo(new[] { "A", "C", "E" }));
    }

    [Test]
    public void Relations_move_in_both_directions_without_self_relations_or_duplicates()
    {
        var survivorRelations = new[]
        {
            new CompanyRelation(1, 5, CompanyRelationKind.Supplies, null, "r.csv"),
            new CompanyRelation(2, 1, CompanyRelationKind.InvestsIn, null, "r.csv"),
        };
        var mergedRelations = new[]
        {
            new CompanyRelation(2, 5, CompanyRelationKind.Supplies, "dup", "r.csv"),
            new CompanyRelation(2, 5, CompanyRelationKind.Controls, null, "r.csv"),
            new CompanyRelation(6, 2, CompanyRelationKind.Supplies, "in", "r.csv"),
            new CompanyRelation(2, 1, CompanyRelationKind.InvestsIn, null, "r.csv"),
            new CompanyRelation(1, 2, CompanyRelationKind.Supplies, null, "r.csv"),
        };

        var plan = CompanyMergeRules.Decide(Side(Company(1, "甲公司"), survivorRelations), Side(Company(2, "甲有限公司"), mergedRelations)).Plan!;

        Assert.That(plan.RelationsToAdd.Select(r => (r.FromCompanyId, r.ToCompanyId, r.Kind)), Is.EqualTo(new[]
        {
            (1L, 5L, CompanyRelationKind.Controls),
            (6L, 1L, CompanyRelationKind.Supplies),
        }));
        Assert.That(plan.RelationsToAdd[1].Note, Is.EqualTo("in"));
    }

    [Test]
    public void Channel_links_move_unless_the_survivor_is_already_linked()
    {
        var plan = CompanyMergeRules.Decide(
            Side(Company(1, "甲公司"), links: [new MergeChannelLink(7, "member", null, null)]),
            Side(Company(2, "甲有限公司"), links: [new MergeChannelLink(7, "president", null, null), new MergeChannelLink(8, "member", "n", "c.csv")])).Plan!;

        Assert.That(plan.ChannelLinksToAdd.Select(l => l.ChannelId), Is.EqualTo(new long[] { 8 }));
    }

    private static MembershipRejection Rejected(long company, string segment) =>
        new(company, segment, new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero), "张三");

    [Test]
    public void The_merged_companys_rejections_move_to_the_survivor_unless_it_holds_an_analysts_membership_there()
    {
        var survivor = new MergeSide(Company(1, "甲公司") with { Memberships = [ByAnalyst("T1-SVC"), Guess("T1-PART"), FromFile("T1-RAW")] }, [], [], []);
        var merged = new MergeSide(Company(2, "甲有限公司"), [], [], [],
            [Rejected(2, "T1-SVC"), Rejected(2, "T1-PART"), Rejected(2, "T1-RAW"), Rejected(2, "T1-VEH")]);

        var plan = CompanyMergeRules.Decide(survivor, merged).Plan!;

        Assert.That(plan.RejectionsToAdd, Is.EqualTo(new[] { Rejected(1, "T1-PART"), Rejected(1, "T1-RAW"), Rejected(1, "T1-VEH") }),
            "a rejection moves with who and when; the analyst's 服务 outweighs it");
        Assert.That(plan.MembershipsToRemove, Is.EqualTo(new[] { "T1-PART", "T1-RAW" }), "the same company is not in a segment an analyst rejected, whatever a guess or a file said");
        Assert.That(plan.Survivor.Memberships.Select(m => m.SegmentCode), Is.EqualTo(new[] { "T1-SVC" }));
        Assert.That(plan.RejectionsToDrop, Is.Empty);
    }

    [Test]
    public void The_survivors_rejection_keeps_the_merged_companys_membership_out_unless_an_analyst_made_it()
    {
        var survivor = new MergeSide(Company(1, "甲公司"), [], [], [], [Rejected(1, "T1-PART"), Rejected(1, "T1-VEH")]);
        var merged = new MergeSide(Company(2, "甲有限公司") with { Memberships = [FromFile("T1-PART"), ByAnalyst("T1-VEH")] }, [], [], []);

        var plan = CompanyMergeRules.Decide(survivor, merged).Plan!;

        Assert.That(plan.MembershipsToWrite.Select(m => (m.SegmentCode, m.Source)), Is.EqualTo(new[] { ("T1-VEH", (string?)MembershipSources.Analyst) }));
        Assert.That(plan.RejectionsToDrop, Is.EqualTo(new[] { "T1-VEH" }), "an analyst's membership lifts the other company's rejection, as an analyst's add does");
        Assert.That((plan.RejectionsToAdd, plan.MembershipsToRemove), Is.EqualTo((Array.Empty<MembershipRejection>(), Array.Empty<string>())));
    }

    [Test]
    public void A_version_the_analyst_saw_that_is_no_longer_current_refuses_the_merge()
    {
        var survivor = Side(Company(1, "甲公司") with { Version = 4 });
        var merged = Side(Company(2, "甲有限公司") with { Version = 2 });

        var stale = CompanyMergeRules.Decide(survivor, merged, new MergeExpectation(4, 1));
        var current = CompanyMergeRules.Decide(survivor, merged, new MergeExpectation(4, 2));
        var noCheck = CompanyMergeRules.Decide(survivor, merged, MergeExpectation.None);

        Assert.That((stale.Refusal, stale.StaleCompanyId, stale.CurrentVersion), Is.EqualTo((MergeRefusal.StaleVersion, (long?)2, (long?)2)));
        Assert.That(stale.Detail, Does.Contain("version 2, not 1 (fromVersion)"));
        Assert.That(current.Plan, Is.Not.Null);
        Assert.That(noCheck.Plan, Is.Not.Null);
    }
}
