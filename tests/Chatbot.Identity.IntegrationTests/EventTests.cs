using System.Net;
using Chatbot.Contracts.Identity;
using MassTransit;

namespace Chatbot.Identity.IntegrationTests;

/// <summary>What identity publishes on RabbitMQ (through its outbox), seen by a throw-away subscriber.</summary>
[Collection(IdentityCollection.Name)]
public sealed class EventTests(IdentitySystemFixture system)
{
    [Fact]
    public async Task Changing_a_tenant_tier_publishes_TenantTierChanged()
    {
        var received = new TaskCompletionSource<TenantTierChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        var rabbit = new Uri((await system.App.GetConnectionStringAsync("rabbitmq"))!);
        var tenantId = Guid.Empty;
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(rabbit);
            cfg.ReceiveEndpoint($"identity-tests-{Guid.NewGuid():N}", e =>
            {
                e.AutoDelete = true;
                e.Durable = false;
                e.Handler<TenantTierChanged>(context =>
                {
                    if (context.Message.TenantId == tenantId)
                    {
                        received.TrySetResult(context.Message);
                    }
                    return Task.CompletedTask;
                });
            });
        });
        await bus.StartAsync();
        try
        {
            using var origin = system.CreateClient();
            var (_, _, owner) = await origin.SignUpAsync();
            tenantId = Guid.Parse((await origin.MeAsync(owner.AccessToken!)).TenantId);
            var root = await origin.LoginAsync(system.AdminEmail, system.AdminPassword);

            using var changed = await origin.SendAsync(HttpMethod.Put, $"/api/admin/tenants/{tenantId}/tier", root.AccessToken, new { tier = "enterprise" });
            var message = await received.Task.WaitAsync(TimeSpan.FromSeconds(15));

            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            Assert.Equal(tenantId, message.TenantId);
            Assert.Equal("enterprise", message.Tier);
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}
