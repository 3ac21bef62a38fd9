using ChainMap.Domain;
using ChainMap.Storage;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Storage;

/// <summary>
/// The review queue and the analysts' membership writes (ADR 0180): listed by status, confidence, chain,
/// segment, region and import; written all together; a rejection is no membership, is kept from every
/// later import and is lifted by an analyst's add.
/// </summary>
public abstract partial class StoreContract
{
    private static readonly string[] JiangsuScope = ["320000"];

    private static readonly Dictionary<long, long> NoVersions = [];

    private static SegmentMembership AnalystMembership(string segment) => new(segment, "maker", 1.0, "analyst", MembershipSources.Analyst);

    private Task<MembershipListPage> QueueAsync(MembershipStatus? status = null, double? below = null, string? chain = null, string[]? segments = null,
        string[]? regions = null, string? import = null, int page = 1, int pageSize = 50) =>
        Store.ListMembershipsAsync(new MembershipListQuery(status, below, chain, segments, regions, import, page, pageSize), CancellationToken.None);

    [Test]
    public async Task The_review_queue_filters_by_status_confidence_chain_segment_region_and_import()
    {
        var (sure, unsure) = await SeedStatusCompaniesAsync();

        var all = await QueueAsync();
        var unconfirmed = await QueueAsync(MembershipStatus.Unconfirmed);
        var confirmed = await QueueAsync(MembershipStatus.Confirmed);
        var low = await QueueAsync(below: 0.6);
        var second = await QueueAsync(chain: "T1", page: 2, pageSize: 1);

        Assert.That(all.Items.Select(i => i.CompanyId), Is.EqualTo(new[] { unsure, sure }), "least sure first");
        Assert.That(all.Total, Is.EqualTo(2));
        var item = all.Items[0];
        Assert.That((item.CompanyName, item.RegionCode, item.ChainCode, item.Membership.SegmentCode, item.Membership.Status, item.Membership.Evidence),
            Is.EqualTo(("疑似泵业有限公司", "320505", "T1", "T1-PART-PUMP", MembershipStatus.Unconfirmed, "名称: 泵")));
        Assert.That(item.Membership.Confidence, Is.EqualTo(0.45).Within(1e-9));
        Assert.That(unconfirmed.Items.Select(i => i.CompanyId), Is.EqualTo(new[] { unsure }));
        Assert.That(confirmed.Items.Select(i => i.CompanyId), Is.EqualTo(new[] { sure }));
        Assert.That(low.Items.Select(i => i.CompanyId), Is.EqualTo(new[] { unsure }));
        Assert.That((second.Items.Single().CompanyId, second.Total), Is.EqualTo((sure, 2L)));
        Assert.That((await QueueAsync(segments: ["T1-PART-PUMP"])).Total, Is.EqualTo(2));
        Assert.That((await QueueAsync(segments: ["T1-VEH"])).Total, Is.Zero);
        Assert.That((await QueueAsync(chain: "T2")).Total, Is.Zero);
        Assert.That((await QueueAsync(regions: JiangsuScope)).Total, Is.EqualTo(2));
        Assert.That((await QueueAsync(regions: ["320505"])).Total, Is.EqualTo(2));
        Assert.That((await QueueAsync(regions: [.. DiscoveryGraph.HomeCodes])).Total, Is.Zero);
        Assert.That((await QueueAsync(import: Stamp.ImportId)).Total, Is.EqualTo(2));
        Assert.That((await QueueAsync(import: "imp-other")).Total, Is.Zero);
    }

    [Test]
    public async Task Analyst_writes_confirm_add_and_reject_together_and_count_at_once()
    {
        var (sure, unsure) = await SeedStatusCompaniesAsync();
        var at = new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);

        await Store.ApplyMembershipWritesAsync(
        [
            new MembershipWrite(unsure, "T1-PART-PUMP", AnalystMembership("T1-PART-PUMP")),
            new MembershipWrite(sure, "T1-PART-PUMP", null),
            new MembershipWrite(sure, "T1-VEH", AnalystMembership("T1-VEH")),
        ], NoVersions, at, "analyst one", CancellationToken.None);

        var confirmed = (await Store.GetCompanyAsync(unsure, CancellationToken.None))!.Memberships.Single();
        var moved = (await Store.GetCompanyAsync(sure, CancellationToken.None))!.Memberships.Single();
        var stats = (await Store.GetSegmentStatsAsync("T1", DiscoveryGraph.HomeCodes, CancellationToken.None)).ToDictionary(s => s.SegmentCode);
        var candidates = await Store.FindTargetCandidatesAsync(new TargetCandidateQuery(["T1-PART-PUMP"], null, DiscoveryGraph.HomeCodes, [], null, 10), CancellationToken.None);
        var rejections = await Store.ListRejectionsAsync([sure, unsure], CancellationToken.None);

        Assert.That((confirmed.Status, confirmed.Source, confirmed.Confidence), Is.EqualTo((MembershipStatus.Confirmed, MembershipSources.Analyst, 1.0)));
        Assert.That((moved.SegmentCode, moved.Source), Is.EqualTo(("T1-VEH", MembershipSources.Analyst)));
        Assert.That(stats["T1-PART-PUMP"].Elsewhere.Companies, Is.EqualTo(1));
        Assert.That(stats["T1-VEH"].Elsewhere.Companies, Is.EqualTo(1));
        Assert.That(candidates.Candidates.Select(c => c.CompanyId), Is.EqualTo(new[] { unsure }));
        Assert.That(await Store.CountUnconfirmedBySegmentAsync("T1", null, CancellationToken.None), Is.Empty);
        Assert.That(rejections, Is.EqualTo(new[] { new MembershipRejection(sure, "T1-PART-PUMP", at, "analyst one") }));
        Assert.That((await QueueAsync(segments: ["T1-PART-PUMP"])).Items.Select(i => i.CompanyId), Is.EqualTo(new[] { unsure }), "a rejection is not listed");
    }

    [Test]
    public async Task A_rejection_is_kept_from_a_reimport_and_lifted_by_an_analysts_add()
    {
        var (sure, _) = await SeedStatusCompaniesAsync();
        await Store.ApplyMembershipWritesAsync([new MembershipWrite(sure, "T1-PART-PUMP", null)], NoVersions, Stamp.At, null, CancellationToken.None);

        var outcomes = await Store.UpsertCompaniesAsync(
        [
            Company("确定泵业有限公司", "320505", capital: 1000m) with { Memberships = [Guess("T1-PART-PUMP", 0.9, MembershipStatus.Confirmed)] },
        ], Stamp, CancellationToken.None);
        await Store.UpsertCompaniesAsync([Company("确定泵业有限公司", "320505", capital: 1000m, segment: "T1-PART-PUMP")], Stamp, CancellationToken.None);

        Assert.That(outcomes[0].Kind, Is.EqualTo(UpsertKind.Unchanged));
        Assert.That((await Store.GetCompanyAsync(sure, CancellationToken.None))!.Memberships, Is.Empty, "neither a guess nor a file's segment brings it back");
        var candidates = await Store.FindTargetCandidatesAsync(new TargetCandidateQuery(["T1-PART-PUMP"], null, DiscoveryGraph.HomeCodes, [], null, 10), CancellationToken.None);
        Assert.That(candidates.Candidates, Is.Empty, "not counted either");

        await Store.ApplyMembershipWritesAsync([new MembershipWrite(sure, "T1-PART-PUMP", AnalystMembership("T1-PART-PUMP"))], NoVersions, Stamp.At, null, CancellationToken.None);

        Assert.That((await Store.GetCompanyAsync(sure, CancellationToken.None))!.Memberships.Select(m => m.SegmentCode), Is.EqualTo(new[] { "T1-PART-PUMP" }));
        Assert.That(await Store.ListRejectionsAsync([sure], CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task Writes_for_a_missing_company_or_segment_store_nothing()
    {
        var (sure, _) = await SeedStatusCompaniesAsync();

        await Store.ApplyMembershipWritesAsync(
        [
            new MembershipWrite(999_999, "T1-PART-PUMP", AnalystMembership("T1-PART-PUMP")),
            new MembershipWrite(999_999, "T1-VEH", null),
            new MembershipWrite(sure, "T1-NOPE", AnalystMembership("T1-NOPE")),
        ], NoVersions, Stamp.At, null, CancellationToken.None);

        Assert.That((await QueueAsync()).Total, Is.EqualTo(2));
        Assert.That(await Store.ListRejectionsAsync([999_999, sure], CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task Each_company_a_membership_decision_changes_moves_one_version_on_and_an_older_view_is_refused()
    {
        var (sure, unsure) = await SeedStatusCompaniesAsync();
        var before = (await Store.GetCompanyAsync(sure, CancellationToken.None))!.Version;
        var other = (await Store.GetCompanyAsync(unsure, CancellationToken.None))!.Version;

        var written = await Store.ApplyMembershipWritesAsync(
        [
            new MembershipWrite(sure, "T1-PART-PUMP", null),
            new MembershipWrite(sure, "T1-VEH", AnalystMembership("T1-VEH")),
        ], new Dictionary<long, long> { [sure] = before }, Stamp.At, "analyst one", CancellationToken.None);

        Assert.That(written.Written, Is.True);
        Assert.That(written.Versions, Is.EqualTo(new Dictionary<long, long> { [sure] = before + 1 }), "two decisions on one company: one version on");
        Assert.That((await Store.GetCompanyAsync(sure, CancellationToken.None))!.Version, Is.EqualTo(before + 1));
        Assert.That((await Store.GetCompaniesAsync([sure], CancellationToken.None)).Single().Version, Is.EqualTo(before + 1), "the review's own read sees it");
        Assert.That((await Store.GetCompanyAsync(unsure, CancellationToken.None))!.Version, Is.EqualTo(other), "an untouched company keeps its version");

        var stale = await Store.ApplyMembershipWritesAsync(
        [
            new MembershipWrite(unsure, "T1-PART-PUMP", AnalystMembership("T1-PART-PUMP")),
            new MembershipWrite(sure, "T1-VEH", null),
        ], new Dictionary<long, long> { [unsure] = other, [sure] = before }, Stamp.At, "analyst two", CancellationToken.None);

        Assert.That((stale.Written, stale.StaleCompanyId, stale.CurrentVersion), Is.EqualTo((false, (long?)sure, (long?)(before + 1))));
        var unsureNow = (await Store.GetCompanyAsync(unsure, CancellationToken.None))!;
        Assert.That((unsureNow.Version, unsureNow.Memberships.Single().Status), Is.EqualTo((other, MembershipStatus.Unconfirmed)), "nothing of the refused review is written");
        Assert.That((await Store.GetCompanyAsync(sure, CancellationToken.None))!.Memberships.Select(m => m.SegmentCode), Is.EqualTo(new[] { "T1-VEH" }));

        var edit = (await Store.GetCompanyForEditAsync(sure, CancellationToken.None))!;
        var refusedEdit = await Store.SaveCompanyEditAsync(edit with { Products = "液压泵" }, before, false, Stamp.At, CancellationToken.None);
        Assert.That((refusedEdit.Status, refusedEdit.Version), Is.EqualTo((CompanyWriteStatus.VersionConflict, before + 1)), "an edit from the view before the review is refused");

        var gone = await Store.ApplyMembershipWritesAsync([new MembershipWrite(999_999, "T1-VEH", null)], new Dictionary<long, long> { [999_999] = 1 }, Stamp.At, null, CancellationToken.None);
        Assert.That((gone.StaleCompanyId, gone.CurrentVersion), Is.EqualTo(((long?)999_999, (long?)null)), "an expected company that does not exist");
    }
}
