namespace ChainMap.Tests.Support;

/// <summary>
/// One service on a fresh store for a whole fixture: started before the fixture's first test and stopped after its last.
/// NUnit runs a base class's <c>[OneTimeSetUp]</c> before the fixture's own, so a fixture seeds its store through
/// <see cref="Client"/> in its own one-time set-up.
/// </summary>
public abstract class ServiceFixture
{
    /// <summary>The service under test.</summary>
    protected ChainMapApiFactory Factory { get; private set; } = null!;

    /// <summary>A client signed in as the bootstrap admin.</summary>
    protected HttpClient Client { get; private set; } = null!;

    [OneTimeSetUp]
    public void StartService()
    {
        Factory = new ChainMapApiFactory();
        Client = Factory.CreateClient();
    }

    [OneTimeTearDown]
    public void StopService()
    {
        Client.Dispose();
        Factory.Dispose();
    }
}
