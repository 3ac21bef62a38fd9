using System.Text;
using ChainMap.Domain;

namespace ChainMap.Tests.Import;

/// <summary>Import side of 待确认: the summary counts unconfirmed memberships apart; industry and scope are kept, capped.</summary>
public sealed class UnconfirmedImportTests
{
    private ImportTestStore store = null!;

    [SetUp]
    public async Task CreateStore() => store = await ImportTestStore.CreateAsync();

    [TearDown]
    public async Task DisposeStore() => await store.DisposeAsync();

    [Test]
    public async Task A_weak_guess_is_stored_unconfirmed_counted_apart_and_its_industry_and_scope_are_kept_capped()
    {
        var scope = "液压" + new string('甲', 2100);
        var path = store.Write("weak.csv",
            $"企业名称,行政区划代码,主营产品,所属行业,经营范围,环节\n甲乙丙有限公司,421303,液压油缸,通用设备制造业,{scope},\n丁戊己有限公司,421303,液压油缸,,,ZQ-HYD\n",
            new UTF8Encoding(false));

        var summary = await store.ImportAsync(path);

        var guessed = (await store.Store.SearchCompaniesAsync(new("甲乙丙", null, null, null, 1, 5), CancellationToken.None)).Items.Single();
        var given = (await store.Store.SearchCompaniesAsync(new("丁戊己", null, null, null, 1, 5), CancellationToken.None)).Items.Single();
        var unconfirmed = guessed.Memberships.Count(m => m.Status == MembershipStatus.Unconfirmed);
        Assert.That(summary.Unconfirmed, Is.EqualTo(unconfirmed), "the summary counts the 待确认 memberships the rows brought");
        Assert.That(summary.Counts.Unconfirmed, Is.EqualTo(summary.Unconfirmed));
        Assert.That(guessed.Memberships, Is.Not.Empty);
        Assert.That(guessed.Memberships.Where(m => m.Confidence < 0.6).Select(m => m.Status), Has.All.EqualTo(MembershipStatus.Unconfirmed));
        Assert.That(guessed.Memberships.Where(m => m.Confidence >= 0.6).Select(m => m.Status), Has.All.EqualTo(MembershipStatus.Confirmed));
        Assert.That(guessed.Memberships.Select(m => m.IsClassified), Has.All.True);
        Assert.That(given.Memberships.Single().Status, Is.EqualTo(MembershipStatus.Confirmed));
        Assert.That(given.Memberships.Single().IsClassified, Is.False);
        Assert.That(guessed.Industry, Is.EqualTo("通用设备制造业"));
        Assert.That(guessed.Scope, Has.Length.EqualTo(2000).And.StartsWith("液压"));
    }

    [Test]
    public async Task One_securities_label_alone_is_unconfirmed_and_counted()
    {
        var path = store.Write("one.csv", "企业名称,行政区划代码,所属行业\n甲乙丙有限公司,421303,汽车配件\n", new UTF8Encoding(false));

        var summary = await store.ImportAsync(path);

        var guessed = (await store.Store.SearchCompaniesAsync(new("甲乙丙", null, null, null, 1, 5), CancellationToken.None)).Items.Single();
        Assert.That(guessed.Memberships.Select(m => m.Status), Is.EqualTo(new[] { MembershipStatus.Unconfirmed }));
        Assert.That(summary.Unconfirmed, Is.EqualTo(1));
    }
}
