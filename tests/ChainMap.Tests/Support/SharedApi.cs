using ChainMap.Tests.Support;

namespace ChainMap.Tests;

/// <summary>
/// One service with the default data for the read-only API tests of the whole run (loading the
/// demo data takes seconds); tests that write use their own <see cref="ChainMapApiFactory"/>.
/// </summary>
[SetUpFixture]
public sealed class SharedApi
{
    private static ChainMapApiFactory? factory;

    public static ChainMapApiFactory Factory => factory ??= new ChainMapApiFactory();

    public static HttpClient Client() => Factory.CreateClient();

    [OneTimeTearDown]
    public void TearDown()
    {
        factory?.Dispose();
        factory = null;
    }
}
