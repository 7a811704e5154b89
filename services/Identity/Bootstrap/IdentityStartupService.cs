using System.Security.Cryptography;
using Chatbot.Identity.Accounts;
using Chatbot.Identity.Data;
using Chatbot.Identity.Tokens;
using Chatbot.ServiceDefaults.Authentication;
using Chatbot.ServiceDefaults.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;

namespace Chatbot.Identity.Bootstrap;

/// <summary>
/// Before traffic: registers the <c>chatbot-web</c> client and the first platform admin from
/// <c>Identity:BootstrapAdmin</c>. In Development without a password one is generated and written to a 0600 file
/// whose path (never the password) is logged.
/// </summary>
internal sealed partial class IdentityStartupService(IServiceScopeFactory scopes, IOptions<IdentityServiceOptions> options,
    IHostEnvironment environment, TimeProvider time, ILogger<IdentityStartupService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await ClientSeeder.EnsureWebClientAsync(scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>(), cancellationToken);
        await EnsureBootstrapAdminAsync(scope.ServiceProvider, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task EnsureBootstrapAdminAsync(IServiceProvider services, CancellationToken ct)
    {
        var settings = options.Value.BootstrapAdmin;
        if (string.IsNullOrWhiteSpace(settings.Email))
        {
            return;
        }
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var email = settings.Email.Trim().ToLowerInvariant();
        if (await services.GetRequiredService<UserTenants>().OfEmailAsync(email, ct) is not null)
        {
            return;
        }
        var password = settings.Password;
        if (string.IsNullOrEmpty(password))
        {
            if (!environment.IsDevelopment())
            {
                LogNoPassword(logger);
                return;
            }
            password = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(18));
            var file = settings.PasswordFile ?? Path.Combine(Path.GetTempPath(), "chatbot-identity", "bootstrap-admin-password");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            await WriteOwnerOnlyAsync(file, password, ct);
            LogGeneratedPassword(logger, Path.GetFullPath(file));
        }
        var db = services.GetRequiredService<IdentityDbContext>();
        var now = time.GetUtcNow();
        var tenant = new Tenant { Id = Guid.CreateVersion7(), Name = "Platform", Tier = ChatbotTiers.Enterprise, CreatedAt = now };
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync(ct);
        using var acting = TenantContext.Enter(tenant.Id); // row-level security: the user is written as their tenant
        var admin = new ApplicationUser
        {
            Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, TenantId = tenant.Id,
            Role = ChatbotRoles.PlatformAdmin, CreatedAt = now,
        };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Identity:BootstrapAdmin could not be created: "
                + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
        LogAdminCreated(logger);
    }

    private static async Task WriteOwnerOnlyAsync(string file, string content, CancellationToken ct)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        await using (var stream = new FileStream(file, options))
        await using (var writer = new StreamWriter(stream))
        {
            await writer.WriteAsync(content.AsMemory(), ct);
        }
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Identity:BootstrapAdmin:Email is set but no password was given (Identity__BootstrapAdmin__Password); no platform admin created")]
    private static partial void LogNoPassword(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generated the bootstrap platform admin's password; it is in {PasswordFile}")]
    private static partial void LogGeneratedPassword(ILogger logger, string passwordFile);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bootstrap platform admin created")]
    private static partial void LogAdminCreated(ILogger logger);
}
