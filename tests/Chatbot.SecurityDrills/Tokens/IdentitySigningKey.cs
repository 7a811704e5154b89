using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace Chatbot.SecurityDrills.Tokens;

/// <summary>
/// identity's active RSA signing key, read from identitydb and unprotected with identity's Data Protection key ring
/// (also in identitydb). Lets a drill mint tokens that are valid in every respect but one (expired, other issuer, no
/// kid...), so each rejection is proven to come from that one check and not from a bad signature.
/// </summary>
public static class IdentitySigningKey
{
    public static async Task<RsaSecurityKey> LoadAsync(string identityDb)
    {
        await using var connection = new NpgsqlConnection(identityDb);
        await connection.OpenAsync();
        var xml = new List<XElement>();
        await using (var keys = await new NpgsqlCommand("""SELECT "Xml" FROM "DataProtectionKeys" """, connection).ExecuteReaderAsync())
        {
            while (await keys.ReadAsync())
            {
                xml.Add(XElement.Parse(keys.GetString(0)));
            }
        }
        await using var command = new NpgsqlCommand("""
            SELECT "Id", "ProtectedKey" FROM "SigningKeys"
            WHERE "Use" = 'sig' AND "ActivatesAt" <= now() AND "RetiresAt" > now() ORDER BY "ActivatesAt" DESC LIMIT 1
            """, connection);
        await using var row = await command.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync(), "identity has no active signing key");
        var (kid, protectedKey) = (row.GetString(0), (byte[])row[1]);

        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("chatbot-identity");
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = new FixedXmlRepository(xml));
        using var provider = services.BuildServiceProvider();
        var material = provider.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector("Chatbot.Identity.SigningKeys.v1").Unprotect(protectedKey);
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(material, out _);
        return new RsaSecurityKey(rsa) { KeyId = kid };
    }

    private sealed class FixedXmlRepository(List<XElement> elements) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements() => elements;

        public void StoreElement(XElement element, string friendlyName) =>
            throw new InvalidOperationException("The drill only reads identity's key ring.");
    }
}
