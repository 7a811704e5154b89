using System.Security.Cryptography;
using Chatbot.Identity.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Chatbot.Identity.Tokens;

/// <summary>
/// Creates, rotates and loads the token keys kept in identitydb. Holds the current set in memory for OpenIddict:
/// the active signing key first (it signs), then every other published one (they only validate).
/// </summary>
public sealed class SigningKeyRing(IServiceScopeFactory scopes, IDataProtectionProvider protection,
    IOptions<IdentityServiceOptions> options, TimeProvider time)
{
    private const long AdvisoryLockId = 0x1D_E7_17_01;
    private readonly IDataProtector _protector = protection.CreateProtector("Chatbot.Identity.SigningKeys.v1");
    private volatile KeySet? _current;

    public KeySet Current => _current ?? throw new InvalidOperationException("Signing keys are not loaded yet.");

    /// <summary>Ensures an active and (when due) a pre-published signing key exist, then reloads. True when the set changed.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        await using (var tx = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockId})", cancellationToken);
            await EnsureKeysAsync(db, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
        var now = time.GetUtcNow();
        var publishUntil = options.Value.AccessTokenLifetime + TimeSpan.FromMinutes(1);
        var rows = await db.SigningKeys.AsNoTracking()
            .Where(k => k.Use == SigningKey.EncryptionUse || k.RetiresAt > now - publishUntil)
            .ToListAsync(cancellationToken);
        var next = KeySet.From(rows, now, Unprotect);
        var changed = _current is null || !_current.SameKeysAs(next);
        _current = next;
        return changed;
    }

    /// <summary>Makes the next key sign from now on (operators' manual rotation; tests).</summary>
    public async Task RotateNowAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var now = time.GetUtcNow();
        await db.SigningKeys.Where(k => k.Use == SigningKey.SigningUse && k.RetiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RetiresAt, now), cancellationToken);
    }

    private async Task EnsureKeysAsync(IdentityDbContext db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        if (!await db.SigningKeys.AnyAsync(k => k.Use == SigningKey.EncryptionUse, cancellationToken))
        {
            db.SigningKeys.Add(NewKey(SigningKey.EncryptionUse, "A256KW", RandomNumberGenerator.GetBytes(32), now, DateTimeOffset.MaxValue));
        }
        var future = await db.SigningKeys.Where(k => k.Use == SigningKey.SigningUse && k.RetiresAt > now)
            .OrderByDescending(k => k.ActivatesAt).ToListAsync(cancellationToken);
        var active = future.FirstOrDefault(k => k.ActivatesAt <= now);
        var pending = future.FirstOrDefault(k => k.ActivatesAt > now);
        if (active is null && pending is not null)
        {
            pending.ActivatesAt = now;
        }
        else if (active is null)
        {
            db.SigningKeys.Add(NewRsaKey(now, now + settings.SigningKeyLifetime));
        }
        else if (active is not null && pending is null && active.RetiresAt - now <= settings.SigningKeyPrePublish)
        {
            db.SigningKeys.Add(NewRsaKey(active.RetiresAt, active.RetiresAt + settings.SigningKeyLifetime));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private SigningKey NewRsaKey(DateTimeOffset activatesAt, DateTimeOffset retiresAt)
    {
        using var rsa = RSA.Create(2048);
        return NewKey(SigningKey.SigningUse, SecurityAlgorithms.RsaSha256, rsa.ExportPkcs8PrivateKey(), activatesAt, retiresAt);
    }

    private SigningKey NewKey(string use, string algorithm, byte[] material, DateTimeOffset activatesAt, DateTimeOffset retiresAt)
    {
        try
        {
            return new SigningKey
            {
                Id = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(12)),
                Use = use,
                Algorithm = algorithm,
                ProtectedKey = _protector.Protect(material),
                CreatedAt = time.GetUtcNow(),
                ActivatesAt = activatesAt,
                RetiresAt = retiresAt,
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    private byte[] Unprotect(SigningKey key) => _protector.Unprotect(key.ProtectedKey);
}
