using Chatbot.TestSupport;

namespace Chatbot.Identity.IntegrationTests;

/// <summary>The erasure deletes a user's OpenIddict tokens and authorizations by subject: an index leads with it.</summary>
[Collection(IdentityCollection.Name)]
public sealed class ErasureIndexTests(IdentitySystemFixture system)
{
    [Theory]
    [InlineData("\"OpenIddictTokens\"")]
    [InlineData("\"OpenIddictAuthorizations\"")]
    public async Task The_erasures_lookup_by_subject_has_an_index(string table)
    {
        var identityDb = (await system.App.GetConnectionStringAsync("identitydb"))!;

        Assert.True(await IndexCatalog.HasIndexLedByAsync(identityDb, table, "Subject"),
            string.Join("; ", (await IndexCatalog.KeyColumnsAsync(identityDb, table)).Select(i => string.Join(",", i))));
    }
}
