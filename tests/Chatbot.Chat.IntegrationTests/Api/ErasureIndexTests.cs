using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.TestSupport;

namespace Chatbot.Chat.IntegrationTests.Api;

/// <summary>The erasure deletes a user's account exports by tenant and user (EraseChatDataConsumer): an index leads with both.</summary>
[Collection(ChatCollection.Name)]
public sealed class ErasureIndexTests(ChatFixture fixture)
{
    [Fact]
    public async Task The_erasures_lookup_of_exports_by_user_has_an_index()
    {
        var table = "account_exports";

        Assert.True(await IndexCatalog.HasIndexLedByAsync(fixture.Infra.ChatDb, table, "tenant_id", "user_id"),
            string.Join("; ", (await IndexCatalog.KeyColumnsAsync(fixture.Infra.ChatDb, table)).Select(i => string.Join(",", i))));
    }
}
