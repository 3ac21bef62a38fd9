using ChainMap.Seeding;

namespace ChainMap.Storage;

/// <summary>The demo set in a running store: how much there is, and removing it in one step (issue 16, ADR 0195).</summary>
internal interface IDemoDataStore
{
    /// <summary>
    /// Reads the demo's import runs (<see cref="DemoIdentity.CompanyFile"/>), their change log, the companies they may have
    /// created and the projects and activities on those, asks <see cref="DemoRules.Decide"/>, and counts the demo channels,
    /// channel links and relations (those of <see cref="DemoIdentity.SourcePrefix"/> and those of the demo companies and channels). Writes nothing.
    /// </summary>
    Task<DemoOutcome> SurveyDemoAsync(DemoIdentity identity, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="SurveyDemoAsync"/>, and in the same transaction, unless the decision is refused or there is nothing:
    /// removes the demo companies (with their memberships, rejections, relations and channel links), the channels, links
    /// and relations of the demo's source, and the demo runs' import records and change log.
    /// </summary>
    Task<DemoOutcome> RemoveDemoAsync(DemoIdentity identity, CancellationToken cancellationToken);
}
