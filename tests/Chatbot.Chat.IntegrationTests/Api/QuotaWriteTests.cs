using System.Net;
using System.Net.Http.Json;
using Chatbot.Billing.Quotas;
using Chatbot.Chat.Http;
using Chatbot.ServiceDefaults.Paging;
using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.Chat.Messages;
using Chatbot.Chat.Turns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Chatbot.Contracts.Billing;

namespace Chatbot.Chat.IntegrationTests.Api;

/// <summary>The turn is written while its tokens are reserved; it commits only with the reservation's grant.</summary>
[Collection(ChatCollection.Name)]
public sealed class QuotaWriteTests(ChatFixture fixture)
{
    [Fact]
    public async Task A_denied_turn_leaves_no_message_and_no_outbox_row_and_reaches_no_worker()
    {
        var user = TestUser.NewTenant();
        var client = fixture.Chat.CreateClient(user);
        var conversation = await client.CreateConversationAsync();
        await fixture.Worker.Redis.HashSetAsync(QuotaKeys.UserLimits(user.TenantId, user.UserId), "user_tokens_day", 1);

        var denied = await client.SendMessageAsync(conversation.Id, "over my daily tokens");

        Assert.Equal(HttpStatusCode.PaymentRequired, denied.StatusCode);
        var page = await client.GetFromJsonAsync<Page<MessageDto>>($"/api/conversations/{conversation.Id}/messages");
        Assert.Empty(page!.Items);
        await using var db = fixture.NewDbContext();
        Assert.False(await db.OutboxMessages.AnyAsync(o => o.OrderingKey == conversation.Id));
        await Task.Delay(500); // time for a request sent before the (rolled back) commit to arrive
        Assert.False(fixture.Worker.ReceivedFor(conversation.Id));
    }

    [Fact]
    public async Task A_turn_granted_fewer_output_tokens_than_asked_sends_the_grant_and_is_stored_once()
    {
        var user = TestUser.NewTenant();
        var client = fixture.Chat.CreateClient(user);
        var conversation = await client.CreateConversationAsync();
        var asked = fixture.Chat.Services.GetRequiredService<IOptions<ChatOptions>>().Value.MaxOutputTokens;
        await fixture.Worker.Redis.HashSetAsync(QuotaKeys.UserLimits(user.TenantId, user.UserId), "user_tokens_day", asked / 2);

        var sent = await client.SendAcceptedAsync(conversation.Id, "a question near the end of my budget");

        var (command, _) = await fixture.Worker.WaitForAsync(sent.ReplyId);
        Assert.True(command.AwaitCommit); // the request sent before the commit carries the grant too
        Assert.True(command.BudgetLimited);
        Assert.InRange(command.MaxOutputTokens, 1, asked / 2);
        var page = await client.GetFromJsonAsync<Page<MessageDto>>($"/api/conversations/{conversation.Id}/messages");
        Assert.Equal([sent.ReplyId, sent.MessageId], page!.Items.Select(m => m.Id));
        Assert.Equal(1, fixture.Worker.DeliveryCount(sent.ReplyId));
    }

    [Fact]
    public async Task A_granted_turn_holds_its_windows_tokens_not_the_budget_it_reserved_while_reading()
    {
        var user = TestUser.NewTenant();
        var client = fixture.Chat.CreateClient(user);
        var conversation = await client.CreateConversationAsync();
        await client.SendAcceptedAsync(conversation.Id, "an earlier question");

        var sent = await client.SendAcceptedAsync(conversation.Id, "the question whose window is reserved");

        var (command, _) = await fixture.Worker.WaitForAsync(sent.ReplyId);
        var window = fixture.Chat.Services.GetRequiredService<ContextWindowBuilder>();
        var reserved = await fixture.Worker.Redis.HashGetAsync(QuotaKeys.Reservation(sent.ReplyId), "tokens");
        Assert.Equal(command.Messages.Sum(t => window.CountTokens(t.Content)) + command.MaxOutputTokens, (int)reserved);
    }

    [Fact]
    public async Task A_user_with_room_for_the_window_but_not_for_the_budget_gets_every_output_token()
    {
        var user = TestUser.NewTenant();
        var client = fixture.Chat.CreateClient(user);
        var conversation = await client.CreateConversationAsync();
        var options = fixture.Chat.Services.GetRequiredService<IOptions<ChatOptions>>().Value;
        await fixture.Worker.Redis.HashSetAsync(QuotaKeys.UserLimits(user.TenantId, user.UserId), "user_tokens_day",
            options.MaxOutputTokens + 1_000);

        var sent = await client.SendAcceptedAsync(conversation.Id, "a short question");

        var (command, _) = await fixture.Worker.WaitForAsync(sent.ReplyId);
        Assert.Equal((options.MaxOutputTokens, false), (command.MaxOutputTokens, command.BudgetLimited));
    }

    [Fact]
    public async Task A_window_larger_than_the_budget_is_reserved_exactly_and_counts_once_against_requests_per_minute()
    {
        var admin = TestUser.NewTenant(role: "tenant-admin");
        var client = fixture.Chat.CreateClient(admin);
        var created = await client.CreatePromptAsync("You answer at length.");
        // With the message, the window is larger than the bound reserved while the conversation was read.
        var budget = await fixture.RecordPromptAsFillingTheBudgetAsync(admin.TenantId, created.Version);
        var conversation = await client.CreateConversationAsync();
        await fixture.Worker.Redis.HashSetAsync(QuotaKeys.UserLimits(admin.TenantId, admin.UserId), "rpm", 1);

        var before = DateTimeOffset.UtcNow;
        var sent = await client.SendAcceptedAsync(conversation.Id, "one request in this minute");

        var (command, _) = await fixture.Worker.WaitForAsync(sent.ReplyId);
        var reserved = await fixture.Worker.Redis.HashGetAsync(QuotaKeys.Reservation(sent.ReplyId), "tokens");
        Assert.True((int)reserved > budget + command.MaxOutputTokens);
        long requests = 0;
        foreach (var minute in new[] { before, DateTimeOffset.UtcNow }.Select(t => QuotaKeys.UserMinuteRequests(admin.TenantId, admin.UserId, t)).Distinct())
        {
            requests += (long)await fixture.Worker.Redis.StringGetAsync(minute);
        }
        Assert.Equal(1, requests);
    }

    [Fact]
    public async Task A_message_to_an_unknown_conversation_leaves_no_reservation_behind()
    {
        var user = TestUser.NewTenant();
        var client = fixture.Chat.CreateClient(user);

        var notFound = await client.SendMessageAsync(Guid.NewGuid(), "to nowhere");

        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        var tokens = await fixture.Worker.Redis.StringGetAsync(QuotaKeys.UserDayTokens(user.TenantId, user.UserId, DateTimeOffset.UtcNow));
        Assert.Equal(0, (long)tokens);
    }
}
