using ChainMap.Curation;
using ChainMap.Domain;
using ChainMap.Import;

namespace ChainMap.Tests.Import;

/// <summary>
/// The undo of a company import as a pure decision (ADR 0191, no store): what it removes and restores, and each
/// later change that refuses it, named.
/// </summary>
public sealed class ImportUndoRulesTests
{
    private const string Job = "imp-20261201-0800-aaaa";
    private const string Earlier = "imp-20261101-0800-bbbb";
    private const string Later = "imp-20261202-0800-cccc";

    private static readonly string Analyst = AnalystProvenance.Stamp(new DateTimeOffset(2026, 12, 3, 9, 30, 0, TimeSpan.Zero), "u-7", "张三");

    private static Dictionary<string, string> Sources(string source, params string[] fields) =>
        fields.ToDictionary(f => f, _ => source, StringComparer.Ordinal);

    private static StoredCompany Stored(long id, string name, Dictionary<string, string> provenance, decimal? capital = null, string? products = null,
        params SegmentMembership[] memberships) =>
        new(id, $"n:{name}|421303", null, name, name, "421303", "420000", "421300", "421303", capital, null, null, null, null, string.Empty, products,
            null, null, null, 0, FieldProvenance.From(provenance), memberships);

    private static CompanyBefore Before(StoredCompany was, int fields, params MembershipBefore[] memberships)
    {
        var before = CompanyBefore.Changed(was, fields, [.. memberships]);
        return CompanyBefore.FromJson(before.ToJson()); // as the change log stores it
    }

    private static ImportUndoState State(
        IEnumerable<StoredCompany> companies, Dictionary<long, IReadOnlyList<long>>? projects = null, Dictionary<long, long>? merged = null,
        Dictionary<long, int>? activities = null) =>
        new(companies.ToDictionary(c => c.Id), projects ?? [], merged ?? [], activities ?? []);

    private static SegmentMembership FromFile(string segment, string source) => new(segment, "maker", 1.0, "环节", source);

    [Test]
    public void Companies_it_created_and_nobody_touched_since_are_removed()
    {
        var created = new[] { Stored(5, "随州甲专汽", Sources(Job, "name", "region")), Stored(6, "随州乙专汽", Sources(Job, "name", "region", "registered_capital"), 800m) };

        var decision = ImportUndoRules.Decide(Job, [ImportChange.Created(1, 5, 6)], State(created));

        Assert.That(decision.Blockers, Is.Empty);
        Assert.That(decision.Plan!.Remove, Is.EqualTo(new long[] { 5, 6 }));
        Assert.That((decision.Plan.Restore, decision.Plan.RestoreMemberships, decision.Plan.RemoveMemberships), Is.EqualTo((Array.Empty<StoredCompany>(), Array.Empty<(long, SegmentMembership)>(), Array.Empty<(long, string)>())));
    }

    [Test]
    public void A_created_company_that_was_deleted_since_is_nothing_to_remove_and_no_blocker()
    {
        var decision = ImportUndoRules.Decide(Job, [ImportChange.Created(1, 5, 6)], State([Stored(6, "随州乙专汽", Sources(Job, "name", "region"))]));

        Assert.That(decision.Blockers, Is.Empty);
        Assert.That(decision.Plan!.Remove, Is.EqualTo(new long[] { 6 }));
    }

    [Test]
    public void A_created_company_an_analyst_or_a_later_import_changed_refuses_the_undo_naming_the_change()
    {
        var edited = Stored(5, "随州甲专汽", new Dictionary<string, string>(Sources(Job, "name", "region")) { ["registered_capital"] = Analyst }, 900m);
        var reimported = Stored(6, "随州乙专汽", new Dictionary<string, string>(Sources(Job, "name", "region")) { ["products"] = Later }, products: "罐式车");

        var decision = ImportUndoRules.Decide(Job, [ImportChange.Created(1, 5, 6)], State([edited, reimported]));

        Assert.That(decision.Plan, Is.Null);
        Assert.That(decision.Blockers, Is.EqualTo(new[]
        {
            "registered_capital of company 5 (随州甲专汽), which this import created, was changed later by the analyst 张三 on 2026-12-03",
            $"products of company 6 (随州乙专汽), which this import created, was changed later by import {Later}",
        }));
    }

    [Test]
    public void A_created_company_a_project_activities_or_a_merge_refer_to_refuses_the_undo()
    {
        var companies = new[] { Stored(5, "随州甲专汽", Sources(Job, "name", "region")), Stored(6, "随州乙专汽", Sources(Job, "name", "region")) };

        var decision = ImportUndoRules.Decide(Job, [ImportChange.Created(1, 5, 7)], State(companies,
            projects: new Dictionary<long, IReadOnlyList<long>> { [5] = [41, 42] },
            merged: new Dictionary<long, long> { [7] = 3 },
            activities: new Dictionary<long, int> { [6] = 2 }));

        Assert.That(decision.Plan, Is.Null);
        Assert.That(decision.Blockers, Is.EqualTo(new[]
        {
            "project 41, 42 refers to company 5 (随州甲专汽), which this import created",
            "2 activities refer to company 6 (随州乙专汽), which this import created",
            "company 7, which this import created, was merged into company 3",
        }));
    }

    [Test]
    public void A_changed_company_gets_back_its_values_provenance_and_memberships_from_before_the_first_change()
    {
        var original = Stored(9, "随州丙专汽", Sources(Earlier, "name", "region", "registered_capital"), 100m, null, FromFile("T1-PART", Earlier));
        var afterFirst = original with
        {
            RegisteredCapital = 500m,
            Provenance = FieldProvenance.From(new Dictionary<string, string>(Sources(Earlier, "name", "region")) { ["registered_capital"] = Job }),
            Memberships = [FromFile("T1-PART", Job)],
        };
        var now = afterFirst with
        {
            RegisteredCapital = 800m,
            Products = "罐式车",
            Provenance = FieldProvenance.From(new Dictionary<string, string>(Sources(Earlier, "name", "region")) { ["registered_capital"] = Job, ["products"] = Job }),
            Memberships = [FromFile("T1-PART", Job), FromFile("T1-VEH", Job)],
        };
        var changes = new[]
        {
            ImportChange.Updated(1, Before(original, CompanyFields.RegisteredCapital, new MembershipBefore(FromFile("T1-PART", Job), FromFile("T1-PART", Earlier)))),
            ImportChange.Updated(2, Before(afterFirst, CompanyFields.RegisteredCapital | CompanyFields.Products, new MembershipBefore(FromFile("T1-VEH", Job), null))),
        };

        var decision = ImportUndoRules.Decide(Job, changes, State([now]));

        Assert.That(decision.Blockers, Is.Empty);
        var restored = decision.Plan!.Restore.Single();
        Assert.That((restored.RegisteredCapital, restored.Products), Is.EqualTo(((decimal?)100m, (string?)null)), "the value before the job's first change");
        Assert.That(restored.Provenance.Fields, Is.EquivalentTo(Sources(Earlier, "name", "region", "registered_capital")),
            "each restored value gets back its source; a value the job added (products) has none any more");
        Assert.That(restored.Strength, Is.EqualTo(CompanyStrength.Score(100m, null, null, null, [])));
        Assert.That(decision.Plan.RestoreMemberships, Is.EqualTo(new[] { (9L, FromFile("T1-PART", Earlier)) }));
        Assert.That(decision.Plan.RemoveMemberships, Is.EqualTo(new[] { (9L, "T1-VEH") }));
        Assert.That(decision.Plan.Remove, Is.Empty);
    }

    [Test]
    public void A_changed_value_or_membership_changed_again_later_refuses_the_undo_naming_each()
    {
        var original = Stored(9, "随州丙专汽", Sources(Earlier, "name", "region", "registered_capital", "products"), 100m, "底盘");
        var now = original with
        {
            RegisteredCapital = 900m,
            Products = "罐式车",
            Provenance = FieldProvenance.From(new Dictionary<string, string>(Sources(Earlier, "name", "region")) { ["registered_capital"] = Analyst, ["products"] = Later }),
            Memberships = [new SegmentMembership("T1-PART", "maker", 1.0, "环节", MembershipSources.Analyst)],
        };
        var changes = new[]
        {
            ImportChange.Updated(1, Before(original, CompanyFields.RegisteredCapital | CompanyFields.Products,
                new MembershipBefore(FromFile("T1-PART", Job), null), new MembershipBefore(FromFile("T1-VEH", Job), null))),
        };

        var decision = ImportUndoRules.Decide(Job, changes, State([now]));

        Assert.That(decision.Plan, Is.Null);
        Assert.That(decision.Blockers, Is.EqualTo(new[]
        {
            "registered_capital of company 9 (随州丙专汽) was changed later by the analyst 张三 on 2026-12-03",
            $"products of company 9 (随州丙专汽) was changed later by import {Later}",
            "the membership of company 9 (随州丙专汽) in segment T1-PART was changed later (source analyst)",
            "the membership of company 9 (随州丙专汽) in segment T1-VEH was changed later (removed)",
        }));
    }

    [Test]
    public void A_changed_company_that_was_merged_or_deleted_refuses_the_undo()
    {
        var changed = Stored(9, "随州丙专汽", Sources(Earlier, "name", "region", "registered_capital"), 100m);
        var gone = Stored(10, "随州丁专汽", Sources(Earlier, "name", "region", "registered_capital"), 100m);
        var changes = new[]
        {
            ImportChange.Updated(1, Before(changed, CompanyFields.RegisteredCapital)),
            ImportChange.Updated(2, Before(gone, CompanyFields.RegisteredCapital)),
        };

        var decision = ImportUndoRules.Decide(Job, changes, State([], merged: new Dictionary<long, long> { [9] = 4 }));

        Assert.That(decision.Blockers, Is.EqualTo(new[]
        {
            "company 9, which this import changed, was merged into company 4",
            "company 10, which this import changed, no longer exists",
        }));
    }

    [Test]
    public void A_company_the_import_created_and_changed_again_in_a_later_batch_is_only_removed()
    {
        var company = Stored(5, "随州甲专汽", Sources(Job, "name", "region", "registered_capital"), 800m);
        var changes = new[] { ImportChange.Created(1, 5, 5), ImportChange.Updated(2, Before(company with { RegisteredCapital = 500m }, CompanyFields.RegisteredCapital)) };

        var decision = ImportUndoRules.Decide(Job, changes, State([company]));

        Assert.That(decision.Plan!.Remove, Is.EqualTo(new long[] { 5 }));
        Assert.That(decision.Plan.Restore, Is.Empty);
    }

    [Test]
    public void Nothing_logged_decides_nothing_to_write()
    {
        var decision = ImportUndoRules.Decide(Job, [], State([]));

        Assert.That(decision.Blockers, Is.Empty);
        Assert.That((decision.Plan!.Remove.Count, decision.Plan.Restore.Count, decision.Plan.RestoreMemberships.Count, decision.Plan.RemoveMemberships.Count), Is.EqualTo((0, 0, 0, 0)));
    }

    [Test]
    public void At_most_twenty_blockers_are_named_and_the_rest_counted()
    {
        var companies = Enumerable.Range(1, 25).Select(i => Stored(i, $"公司{i}", new Dictionary<string, string>(Sources(Job, "name")) { ["region"] = Later })).ToList();

        var decision = ImportUndoRules.Decide(Job, [ImportChange.Created(1, 1, 25)], State(companies));

        Assert.That(decision.Blockers, Has.Count.EqualTo(21));
        Assert.That(decision.Blockers[0], Does.StartWith("region of company 1 (公司1)"));
        Assert.That(decision.Blockers[^1], Is.EqualTo("and 5 more"));
    }

    [Test]
    public void A_change_log_record_keeps_only_the_fields_the_row_changed_and_the_undo_restores_them_from_it()
    {
        var was = Stored(7, "随州丙专汽", Sources(Earlier, "name", "region", "registered_capital", "products"), 500m, "罐式车");
        var json = CompanyBefore.Changed(was, CompanyFields.RegisteredCapital, []).ToJson();
        Assert.That(json, Does.Contain("500").And.Contain(Earlier));
        Assert.That(json, Does.Not.Contain("随州丙专汽").And.Not.Contain("罐式车").And.Not.Contain("421303"), "unchanged values are not kept");

        var now = was with
        {
            RegisteredCapital = 900m,
            Provenance = FieldProvenance.From(new Dictionary<string, string>(Sources(Earlier, "name", "region", "products")) { ["registered_capital"] = Job }),
        };
        var decision = ImportUndoRules.Decide(Job, [ImportChange.Updated(2, CompanyBefore.FromJson(json))], State([now]));

        var restored = decision.Plan!.Restore.Single();
        Assert.That((restored.RegisteredCapital, restored.Name, restored.RegionCode, restored.Products, restored.Provenance.Fields["registered_capital"]),
            Is.EqualTo(((decimal?)500m, "随州丙专汽", "421303", "罐式车", Earlier)));
    }

    [Test]
    public void A_change_log_record_written_whole_by_an_earlier_version_is_undone_the_same()
    {
        var was = Stored(7, "随州丙专汽", Sources(Earlier, "name", "region", "products"), 500m, "罐式车") with { Employees = 12 };
        // As versions before session 32 wrote it: every value of the company, the changed field's (employees) among them.
        var whole = $$"""
            {"Id":7,"Fields":32,"IdentityKey":"n:随州丙专汽|421303","Uscc":null,"Name":"随州丙专汽","NameKey":"随州丙专汽","RegionCode":"421303",
             "ProvinceCode":"420000","CityCode":"421300","CountyCode":"421303","RegisteredCapital":500,"Founded":null,"Employees":12,"Revenue":null,
             "ListedCode":null,"JoinedTags":"","Products":"罐式车","Address":null,"Industry":null,"Scope":null,"Provenance":{"employees":"{{Earlier}}"},"Memberships":[]}
            """;
        var now = was with
        {
            Employees = 19,
            Provenance = FieldProvenance.From(new Dictionary<string, string>(Sources(Earlier, "name", "region", "products")) { ["employees"] = Job }),
        };

        var decision = ImportUndoRules.Decide(Job, [ImportChange.Updated(2, CompanyBefore.FromJson(whole))], State([now]));

        var restored = decision.Plan!.Restore.Single();
        Assert.That((restored.Employees, restored.Name, restored.Products, restored.Provenance.Fields["employees"]), Is.EqualTo(((int?)12, "随州丙专汽", "罐式车", Earlier)));
    }
}
