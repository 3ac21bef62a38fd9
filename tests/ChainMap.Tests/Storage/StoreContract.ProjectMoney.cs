using ChainMap.Projects;
using ChainMap.Storage;

namespace ChainMap.Tests.Storage;

/// <summary>Planned investment is kept exactly (ADR 0100), and a bad stored amount never breaks a read.</summary>
public abstract partial class StoreContract
{
    /// <summary>Writes <paramref name="raw"/> as the stored planned investment of a project, behind the store, as an old version or a damaged file would.</summary>
    protected abstract Task WriteStoredInvestmentAsync(long projectId, object raw);

    [TestCase("999999999999.9999")]
    [TestCase("0.0001")]
    [TestCase("0.1")]
    [TestCase("1234567.891")]
    public async Task Planned_investment_is_kept_exactly_through_create_update_list_and_results(string text)
    {
        var amount = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var id = (await Store.CreateProjectAsync(await SeedCompanyAsync(), Fields(investment: amount), Created(new DateOnly(2026, 2, 1)), CancellationToken.None)).ProjectId;

        var created = (await Store.GetProjectFileAsync(id, CancellationToken.None))!.Project;
        await Store.UpdateProjectAsync(id, 1, Fields(investment: amount / 2), "李四", At, CancellationToken.None);
        var listed = (await Store.ListProjectsAsync(new ProjectQuery(null, null, null, null, null, null, 1, 10), CancellationToken.None)).Items.Single();
        var timeline = (await Store.GetResultsInputAsync(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), CancellationToken.None)).Timelines.Single();

        Assert.That(created.Fields.PlannedInvestment, Is.EqualTo(amount));
        Assert.That(created.Fields.PlannedInvestment!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(text));
        Assert.That(listed.Fields.PlannedInvestment, Is.EqualTo(amount / 2));
        Assert.That(timeline.Project.Fields.PlannedInvestment, Is.EqualTo(amount / 2));
        Assert.That(created.InvestmentProblem, Is.Null);
    }

    [TestCase(7.9e28)]
    [TestCase(-5.0)]
    [TestCase("7.9e28")]
    [TestCase("1e400")]
    [TestCase("abc")]
    [TestCase("")]
    public async Task A_bad_stored_planned_investment_reads_as_unknown_with_the_reason_and_is_replaced_by_the_next_update(object raw)
    {
        var id = (await Store.CreateProjectAsync(await SeedCompanyAsync(), Fields(), Created(new DateOnly(2026, 2, 1)), CancellationToken.None)).ProjectId;
        await WriteStoredInvestmentAsync(id, raw);

        var read = (await Store.GetProjectFileAsync(id, CancellationToken.None))!.Project;
        var listed = (await Store.ListProjectsAsync(new ProjectQuery(null, null, null, null, null, null, 1, 10), CancellationToken.None)).Items.Single();
        var timeline = (await Store.GetResultsInputAsync(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), CancellationToken.None)).Timelines.Single();
        await Store.UpdateProjectAsync(id, read.Version, Fields(investment: 6000.5m), "李四", At, CancellationToken.None);
        var repaired = (await Store.GetProjectFileAsync(id, CancellationToken.None))!.Project;

        Assert.That(read.Fields.PlannedInvestment, Is.Null);
        Assert.That(read.InvestmentProblem, Does.Contain("stored planned investment"));
        Assert.That(listed.InvestmentProblem, Is.EqualTo(read.InvestmentProblem));
        Assert.That(timeline.Project.Fields.PlannedInvestment, Is.Null);
        Assert.That(repaired.Fields.PlannedInvestment, Is.EqualTo(6000.5m));
        Assert.That(repaired.InvestmentProblem, Is.Null);
    }

    [Test]
    public async Task A_planned_investment_stored_as_a_float_by_an_older_version_still_reads()
    {
        var id = (await Store.CreateProjectAsync(await SeedCompanyAsync(), Fields(), Created(new DateOnly(2026, 2, 1)), CancellationToken.None)).ProjectId;
        await WriteStoredInvestmentAsync(id, 12345.67);

        var read = (await Store.GetProjectFileAsync(id, CancellationToken.None))!.Project;

        Assert.That(read.Fields.PlannedInvestment, Is.EqualTo(12345.67m));
        Assert.That(read.InvestmentProblem, Is.Null);
    }
}
