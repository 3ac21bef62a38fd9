using ChainMap.Access;
using ChainMap.Storage;
using Microsoft.Extensions.Options;

namespace ChainMap.Api.Access;

/// <summary>
/// On first start with no user: creates the admin and its key — the configured one, or a generated
/// key printed once on the console (standard output, not the log).
/// </summary>
internal sealed class AccessBootstrap(IAccessStore store, AccessService access, IOptions<AccessOptions> options, TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await BootstrapAsync(cancellationToken);
        }
        catch (StoreUnavailableException ex)
        {
            // The service still starts so that /health can say why; sign-in fails until the store answers.
            await Console.Error.WriteLineAsync($"ChainMap could not check its users: {ex.Message}");
        }
    }

    private async Task BootstrapAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value.BootstrapAdminKey;
        if (await store.CountUsersAsync(cancellationToken) > 0)
        {
            if (!string.IsNullOrWhiteSpace(configured) && await store.GetUserAsync("admin", cancellationToken) is not null)
            {
                await access.AdoptKeyAsync("admin", configured.Trim(), "configured", cancellationToken);
            }

            return;
        }

        await store.SaveUserAsync(new User("admin", "管理员", Role.Admin, null, time.GetUtcNow()), cancellationToken);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            await access.AdoptKeyAsync("admin", configured.Trim(), "configured", cancellationToken);
            return;
        }

        var key = await access.IssueKeyAsync("admin", "first start", cancellationToken);
        await Console.Out.WriteLineAsync($"""

            ================================================================================
             ChainMap created the first admin credential. It is shown only this once:

                 {key.Token}

             Sign in on the web page with it, or send it as 'Authorization: Bearer <key>'.
             Create keys for your colleagues under 用户与密钥 (POST /api/users).
            ================================================================================

            """);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
