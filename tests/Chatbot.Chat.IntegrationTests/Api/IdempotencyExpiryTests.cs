using System.Net;
using System.Net.Http.Json;
using Chatbot.Chat.Data;
using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.Idempotency;
using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.Chat.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Chat.IntegrationTests.Api;

[Collection(ChatCollection.Name)]
public sealed class IdempotencyExpiryTests(ChatFixture fixture)
{
    private static readonly TimeSpan Expired = TimeSpan.FromHours(25); // the default lifetime is 24 h

    [Fact]
    public async Task A_resend_after_the_key_expired_is_a_new_request_even_with_another_body()
    {
        var user = TestUser.NewTenant();
        var client = fixture.Chat.CreateClient(user);
        var conversation = await client.CreateConversationAsync();
        var key = Guid.NewGuid().ToString();
        var old = Record(user.TenantId, user.UserId, key, conversation.Id, DateTimeOffset.UtcNow - Expired);
        await using (var db = fixture.NewDbContext())
        {
            db.IdempotencyKeys.Add(old);
            await db.SaveChangesAsync();
        }

        var response = await client.SendMessageAsync(conversation.Id, "a different body", key);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var fresh = (await response.Content.ReadFromJsonAsync<SendMessageResponse>())!;
        Assert.NotEqual(old.MessageId, fresh.MessageId);

        // The key now belongs to the new request: it replays it, and another body is refused again.
        var replay = await (await client.SendMessageAsync(conversation.Id, "a different body", key)).Content.ReadFromJsonAsync<SendMessageResponse>();
        Assert.Equal(fresh, replay);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.SendMessageAsync(conversation.Id, "third", key)).StatusCode);
    }

    [Fact]
    public async Task The_purge_deletes_expired_keys_of_every_tenant_in_batches_and_keeps_live_ones()
    {
        await using var replica = new ChatApiFactory(fixture.Infra, new Dictionary<string, string>
        {
            ["Idempotency:PurgeBatchSize"] = "2",
            ["Idempotency:PurgeInterval"] = "1.00:00:00",
        });
        var expired = Enumerable.Range(0, 5)
            .Select(i => Record(Guid.NewGuid(), Guid.NewGuid(), $"old-{i}", Guid.NewGuid(), DateTimeOffset.UtcNow - Expired - TimeSpan.FromMinutes(i)))
            .ToList();
        var live = Record(expired[0].TenantId, expired[0].UserId, "live", Guid.NewGuid(), DateTimeOffset.UtcNow.AddHours(-23));
        await using (var db = fixture.NewDbContext())
        {
            db.IdempotencyKeys.AddRange([.. expired, live]);
            await db.SaveChangesAsync();
        }

        await replica.Services.GetRequiredService<IdempotencyKeyPurger>().PurgeExpiredAsync(CancellationToken.None);

        await using var check = fixture.NewDbContext();
        var keys = expired.Select(k => k.Key).Append(live.Key).ToList();
        var tenants = expired.Select(k => k.TenantId).ToList();
        var left = await check.IdempotencyKeys.Where(k => tenants.Contains(k.TenantId) && keys.Contains(k.Key)).Select(k => k.Key).ToListAsync();
        Assert.Equal(["live"], left);
    }

    private static IdempotencyRecord Record(Guid tenant, Guid user, string key, Guid conversation, DateTimeOffset createdAt) => new()
    {
        TenantId = tenant, UserId = user, Key = key, RequestHash = new string('0', 64), ConversationId = conversation,
        MessageId = Guid.NewGuid(), ReplyId = Guid.NewGuid(), CreatedAt = createdAt.ToUniversalTime(),
    };
}
