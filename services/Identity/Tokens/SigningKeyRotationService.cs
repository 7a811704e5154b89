using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Validation;

namespace Chatbot.Identity.Tokens;

/// <summary>
/// Loads the keys before the server takes traffic, then periodically creates the next key ahead of time, switches
/// to it when due and drops keys whose tokens have all expired; OpenIddict's options are rebuilt when the set changes.
/// </summary>
public sealed partial class SigningKeyRotationService(SigningKeyRing ring,
    IOptionsMonitorCache<OpenIddictServerOptions> serverOptions, IOptionsMonitorCache<OpenIddictValidationOptions> validationOptions,
    IOptions<IdentityServiceOptions> options, ILogger<SigningKeyRotationService> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await ring.RefreshAsync(cancellationToken);
        LogKeysLoaded(logger, ring.Current.ActiveKeyId, ring.Current.Signing.Count);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SigningKeyCheckInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ReloadAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRefreshFailed(logger, ex);
            }
        }
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        if (await ring.RefreshAsync(cancellationToken))
        {
            serverOptions.TryRemove(Options.DefaultName);
            validationOptions.TryRemove(Options.DefaultName);
            LogKeysLoaded(logger, ring.Current.ActiveKeyId, ring.Current.Signing.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Signing keys loaded: active {KeyId}, {Count} published")]
    private static partial void LogKeysLoaded(ILogger logger, string keyId, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Signing key refresh failed")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
